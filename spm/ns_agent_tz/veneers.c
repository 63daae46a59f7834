/* veneers.c - the TrustZone NS agent: the secure gateway functions, the only code the
 * non-secure side may call. Each is a cmse_nonsecure_entry function; the linker emits its
 * SG veneer into the NSC region and lists it in the import library.
 *
 * A veneer runs on the secure stack of the interrupted secure thread. If an NS interrupt
 * handler (or a second NS thread) enters while a call is in progress, the veneer refuses
 * with PSA_ERROR_CONNECTION_BUSY instead of running the SPM re-entrantly: the NS side must
 * serialise its calls (docs/spm.md, "NS RTOS integration"). The SPM keeps the current NS
 * client id (rp_spm_set_ns_client) and its rp_spm_ns_* entry points are compiled for an
 * NS caller. */
#include "psa/client.h"
#include "rp_spm.h"

#define NSE __attribute__((cmse_nonsecure_entry))

static volatile uint8_t in_call;

NSE uint32_t rp_veneer_framework_version(void)
{
    return PSA_FRAMEWORK_VERSION;
}

NSE uint32_t rp_veneer_version(uint32_t sid)
{
    if (in_call) {
        return PSA_VERSION_NONE;
    }
    in_call = 1;
    uint32_t v = rp_spm_ns_version(sid);
    in_call = 0;
    return v;
}

NSE psa_handle_t rp_veneer_connect(uint32_t sid, uint32_t version)
{
    if (in_call) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    in_call = 1;
    psa_handle_t h = rp_spm_ns_connect(sid, version);
    in_call = 0;
    return h;
}

NSE psa_status_t rp_veneer_call(psa_handle_t handle, uint32_t packed,
                                const psa_invec *in_vec, psa_outvec *out_vec)
{
    if (in_call) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    in_call = 1;
    psa_status_t s = rp_spm_ns_call(handle, packed, in_vec, out_vec);
    in_call = 0;
    return s;
}

NSE psa_status_t rp_veneer_close(psa_handle_t handle)
{
    if (in_call) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    in_call = 1;
    rp_spm_ns_close(handle);
    in_call = 0;
    return PSA_SUCCESS;
}

NSE psa_status_t rp_veneer_ns_client_id(int32_t client_id)
{
    if (in_call) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    if (client_id >= 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    rp_spm_set_ns_client(client_id);
    return PSA_SUCCESS;
}
