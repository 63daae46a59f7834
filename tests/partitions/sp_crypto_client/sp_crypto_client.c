/* Regression partition C (crypto client): a secure client of the Crypto service. Its one
 * service, RP_TEST_CRYPTO_S, runs case `type` of the Crypto suite's shared cases
 * (ns/tests/test_crypto.c, compiled in with RP_CRYPTO_CASES_ONLY; the same case functions
 * the NS suite runs) and answers PSA_SUCCESS or the failing check's line. Two more types
 * serve the NS case ns_vs_secure: in_vec[0] carries two key/handle words of the NS
 * client, out_vec[0] receives this partition's key id. Cases call psa_* through the
 * secure client library, so keys and operations belong to this partition's client id. */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/rp_sp_crypto_client.h"

int rp_crypto_s_case(int32_t type, const uint32_t ids[2], uint32_t *theirs);

psa_status_t rp_test_crypto_s_sfn(const psa_msg_t *msg)
{
    uint32_t ids[2] = { 0, 0 }, theirs = 0;
    int r;
    if (msg->in_size[0] > sizeof ids || (msg->out_size[0] != 0 &&
                                         msg->out_size[0] < sizeof theirs))
        return PSA_ERROR_PROGRAMMER_ERROR;
    if (msg->in_size[0] != 0)
        (void)psa_read(msg->handle, 0, ids, msg->in_size[0]);
    r = rp_crypto_s_case(msg->type, ids, &theirs);
    if (r == 0 && msg->out_size[0] != 0)
        psa_write(msg->handle, 0, &theirs, sizeof theirs);
    return (psa_status_t)r;
}

/* IPC model (manifest_ipc.yaml). */
void rp_sp_crypto_client_main(void)
{
    psa_msg_t msg;
    for (;;) {
        if ((psa_wait(RP_TEST_CRYPTO_S_SIGNAL, PSA_BLOCK) & RP_TEST_CRYPTO_S_SIGNAL) != 0 &&
            psa_get(RP_TEST_CRYPTO_S_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, rp_test_crypto_s_sfn(&msg));
        }
    }
}
