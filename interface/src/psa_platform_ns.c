/* psa_platform_ns.c - the Platform service's client library (rp_platform_api.h): each call
 * is one psa_call to RP_PLATFORM (message format: rp_platform_ipc.h). NULL output pointers
 * are refused here (PSA_ERROR_INVALID_ARGUMENT); the service checks everything again. */
#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "rp_platform_api.h"
#include "rp_platform_ipc.h"

psa_status_t rp_platform_svc_system_reset(void)
{
    return psa_call(RP_PLATFORM_HANDLE, RP_PLATFORM_RESET, NULL, 0, NULL, 0);
}

psa_status_t rp_platform_svc_nv_counter_read(uint32_t id, uint32_t *value)
{
    psa_invec in = { &id, sizeof id };
    psa_outvec out = { value, sizeof *value };
    if (value == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return psa_call(RP_PLATFORM_HANDLE, RP_PLATFORM_NVC_READ, &in, 1, &out, 1);
}

psa_status_t rp_platform_svc_nv_counter_increment(uint32_t id)
{
    psa_invec in = { &id, sizeof id };
    return psa_call(RP_PLATFORM_HANDLE, RP_PLATFORM_NVC_INCREMENT, &in, 1, NULL, 0);
}

/* *out_len is written on success only. */
psa_status_t rp_platform_svc_ioctl(uint32_t request, const void *in, size_t in_len, void *out,
                                   size_t out_size, size_t *out_len)
{
    psa_invec iv[2] = { { &request, sizeof request }, { in, in_len } };
    psa_outvec ov = { out, out_size };
    if (out_len == NULL || (in == NULL && in_len != 0) || (out == NULL && out_size != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    psa_status_t st = psa_call(RP_PLATFORM_HANDLE, RP_PLATFORM_IOCTL, iv, 2, &ov, 1);
    if (st == PSA_SUCCESS) {
        *out_len = ov.len;
    }
    return st;
}
