/* psa_client_ns_tz.c - the PSA client API on the non-secure side of TrustZone: each call
 * goes straight to its secure gateway veneer. psa_call's six arguments are packed into
 * four (the type and counts share one word); values that cannot be packed are refused
 * here, and the secure side checks everything again. */
#include "psa/client.h"
#include "rp_ns_client.h"
#include "rp_veneers.h"

uint32_t psa_framework_version(void)
{
    return rp_veneer_framework_version();
}

uint32_t psa_version(uint32_t sid)
{
    return rp_veneer_version(sid);
}

psa_handle_t psa_connect(uint32_t sid, uint32_t version)
{
    return rp_veneer_connect(sid, version);
}

psa_status_t psa_call(psa_handle_t handle, int32_t type, const psa_invec *in_vec,
                      size_t in_len, psa_outvec *out_vec, size_t out_len)
{
    if (type < PSA_IPC_CALL || type > 0x7FFF || in_len > PSA_MAX_IOVEC ||
        out_len > PSA_MAX_IOVEC) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    return rp_veneer_call(handle, RP_VENEER_CALL_PACK(type, in_len, out_len), in_vec,
                          out_vec);
}

void psa_close(psa_handle_t handle)
{
    (void)rp_veneer_close(handle);
}

psa_status_t rp_ns_client_set(int32_t client_id)
{
    return rp_veneer_ns_client_id(client_id);
}
