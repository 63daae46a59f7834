/* psa_client_ns_tz.c - the PSA client API on the non-secure side of TrustZone: each call
 * goes to its secure gateway veneer. psa_call's six arguments are packed into four (the
 * type and counts share one word); values that cannot be packed are refused here, and the
 * secure side checks everything again.
 *
 * Calls that reach the SPM hold rp_ns_lock() around the veneer: a bare-metal image leaves
 * these weak hooks empty, an NS RTOS defines them with a mutex so that its threads'
 * calls are serialised (docs/spm.md, "NS RTOS integration"). */
#include "psa/client.h"
#include "rp_ns_client.h"
#include "rp_veneers.h"

__attribute__((weak)) void rp_ns_lock(void)
{
}

__attribute__((weak)) void rp_ns_unlock(void)
{
}

uint32_t psa_framework_version(void)
{
    return rp_veneer_framework_version();
}

uint32_t psa_version(uint32_t sid)
{
    rp_ns_lock();
    uint32_t v = rp_veneer_version(sid);
    rp_ns_unlock();
    return v;
}

psa_handle_t psa_connect(uint32_t sid, uint32_t version)
{
    rp_ns_lock();
    psa_handle_t h = rp_veneer_connect(sid, version);
    rp_ns_unlock();
    return h;
}

psa_status_t psa_call(psa_handle_t handle, int32_t type, const psa_invec *in_vec,
                      size_t in_len, psa_outvec *out_vec, size_t out_len)
{
    /* type in 0..0x7FFF (one unsigned test); each count <= 4: (in_len | out_len) > 4
     * also refuses some pairs whose sum is above 4, which the SPM refuses with the same
     * status anyway */
    if ((uint32_t)type > 0x7FFFu || (in_len | out_len) > PSA_MAX_IOVEC) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    rp_ns_lock();
    psa_status_t s = rp_veneer_call(handle, RP_VENEER_CALL_PACK(type, in_len, out_len),
                                    in_vec, out_vec);
    rp_ns_unlock();
    return s;
}

void psa_close(psa_handle_t handle)
{
    rp_ns_lock();
    (void)rp_veneer_close(handle);
    rp_ns_unlock();
}

psa_status_t rp_ns_client_set(int32_t client_id)
{
    return rp_veneer_ns_client_id(client_id);
}
