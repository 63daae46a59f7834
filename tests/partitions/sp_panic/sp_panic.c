/* Regression partition P (SFN): fails on request. */
#include "psa/service.h"
#include "psa_manifest/rp_sp_test_panic.h"
#include "rp_test_serve.h"
#include "rp_test_services.h"

psa_status_t rp_test_panic_sfn(const psa_msg_t *msg)
{
    static const uint8_t big[64];
    if (msg->type == RP_TEST_PANIC_NOW) {
        psa_panic();
    }
    if (msg->type == RP_TEST_PANIC_OVERWRITE) {
        psa_write(msg->handle, 0, big, msg->out_size[0] + 1);
    }
    return PSA_SUCCESS;
}

/* IPC model (manifest_ipc.yaml): the same handler behind a psa_wait loop. */
void rp_sp_test_panic_main(void)
{
    static const rp_test_route_t routes[] = {
        { RP_TEST_PANIC_SIGNAL, rp_test_panic_sfn },
    };
    rp_test_serve_forever(routes, 1);
}
