/* sp_attest_client.c - regression partition: a secure client of the Initial Attestation
 * service (Application RoT, so unprivileged at isolation levels 2 and 3). Its one service
 * relays a challenge (in_vec[0]) to psa_initial_attest_get_token and returns the token in
 * out_vec[0], so the NS suite (ns/tests/test_attest.c) can check a token whose client ID
 * is this partition's (> 0) and the errors a secure caller gets. */
#include <stddef.h>
#include <stdint.h>

#include "psa/initial_attestation.h"
#include "psa/service.h"
#include "psa_manifest/rp_sp_attest_client.h"

static uint8_t challenge[PSA_INITIAL_ATTEST_CHALLENGE_SIZE_64 + 1];
static uint8_t token[PSA_INITIAL_ATTEST_MAX_TOKEN_SIZE];

psa_status_t rp_test_attest_sfn(const psa_msg_t *msg)
{
    size_t n = msg->in_size[0], len = 0;
    if (n > sizeof challenge || msg->out_size[0] == 0) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    (void)psa_read(msg->handle, 0, challenge, n);
    psa_status_t st = psa_initial_attest_get_token(challenge, n, token, sizeof token, &len);
    if (st != PSA_SUCCESS) {
        return st;
    }
    if (msg->out_size[0] < len) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    psa_write(msg->handle, 0, token, len);
    return PSA_SUCCESS;
}

/* IPC model (manifest_ipc.yaml). */
void rp_sp_attest_client_main(void)
{
    psa_msg_t msg;
    for (;;) {
        if ((psa_wait(RP_TEST_ATTEST_SIGNAL, PSA_BLOCK) & RP_TEST_ATTEST_SIGNAL) != 0 &&
            psa_get(RP_TEST_ATTEST_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, rp_test_attest_sfn(&msg));
        }
    }
}
