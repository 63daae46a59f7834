/* Regression partition B (SFN, Application RoT): calls partition A as a secure client. */
#include "psa/client.h"
#include "psa/service.h"
#include "psa_manifest/rp_sp_test_b.h"
#include "psa_manifest/sid.h"
#include "rp_test_serve.h"
#include "rp_test_services.h"

static psa_status_t via_s_only(const psa_msg_t *msg)
{
    uint8_t buf[32], out[32];
    size_t n = psa_read(msg->handle, 0, buf, sizeof buf);
    psa_invec in = { buf, n };
    psa_outvec ov = { out, sizeof out };
    psa_status_t s = psa_call(RP_TEST_S_ONLY_HANDLE, 0, &in, 1, &ov, 1);
    if (s == PSA_SUCCESS) {
        psa_write(msg->handle, 0, out, ov.len);
    }
    return s;
}

static psa_status_t via_conn(const psa_msg_t *msg)
{
    uint32_t counts[3] = { 0, 0, 0 };
    psa_handle_t h = psa_connect(RP_TEST_CONN_SID, RP_TEST_CONN_VERSION);
    if (!PSA_HANDLE_IS_VALID(h)) {
        return PSA_HANDLE_TO_ERROR(h);
    }
    for (unsigned i = 0; i < 2; i++) {
        psa_outvec ov = { &counts[i], sizeof counts[i] };
        psa_status_t s = psa_call(h, PSA_IPC_CALL, NULL, 0, &ov, 1);
        if (s != PSA_SUCCESS) {
            return s;
        }
    }
    counts[2] = (uint32_t)psa_framework_version();
    psa_close(h);
    psa_write(msg->handle, 0, counts, sizeof counts);
    return PSA_SUCCESS;
}

psa_status_t rp_test_proxy_sfn(const psa_msg_t *msg)
{
    switch (msg->type) {
    case RP_TEST_PROXY_S_ONLY:
        return via_s_only(msg);
    case RP_TEST_PROXY_CONN:
        return via_conn(msg);
    case RP_TEST_PROXY_UNDECLARED:
        return psa_call(RP_TEST_EMPTY_HANDLE, 0, NULL, 0, NULL, 0); /* panics B */
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

/* IPC model (manifest_ipc.yaml): the same handler behind a psa_wait loop. */
void rp_sp_test_b_main(void)
{
    static const rp_test_route_t routes[] = {
        { RP_TEST_PROXY_SIGNAL, rp_test_proxy_sfn },
    };
    rp_test_serve_forever(routes, 1);
}
