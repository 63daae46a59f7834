/* veneers.c - the TrustZone NS agent: the secure gateway functions, the only code the
 * non-secure side may call. Each is a cmse_nonsecure_entry function; the linker emits its
 * SG veneer into the NSC region and lists it in the import library.
 *
 * A veneer runs on the secure stack of the interrupted secure thread. If an NS interrupt
 * handler (or a second NS thread) enters while a call is in progress, the veneer refuses
 * with PSA_ERROR_CONNECTION_BUSY instead of running the SPM re-entrantly: the NS side must
 * serialise its calls (docs/spm.md, "NS RTOS integration"). */
#include "psa/client.h"
#include "rp_spm.h"

#define NSE __attribute__((cmse_nonsecure_entry))

static volatile uint8_t in_call;
static int32_t ns_client_id = -1; /* FF-M: NS clients are negative; -1 by default */

static inline __attribute__((always_inline)) int enter(rp_caller_t *caller)
{
    if (in_call) {
        return 0;
    }
    in_call = 1;
    caller->client_id = ns_client_id;
    caller->ns = 1;
    return 1;
}

static inline __attribute__((always_inline)) void leave(void)
{
    in_call = 0;
}

NSE uint32_t rp_veneer_framework_version(void)
{
    return PSA_FRAMEWORK_VERSION;
}

NSE uint32_t rp_veneer_version(uint32_t sid)
{
    rp_caller_t c;
    if (!enter(&c)) {
        return PSA_VERSION_NONE;
    }
    uint32_t v = rp_spm_version(&c, sid);
    leave();
    return v;
}

NSE psa_handle_t rp_veneer_connect(uint32_t sid, uint32_t version)
{
    rp_caller_t c;
    if (!enter(&c)) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    psa_handle_t h = rp_spm_connect(&c, sid, version);
    leave();
    return h;
}

NSE psa_status_t rp_veneer_call(psa_handle_t handle, uint32_t packed,
                                const psa_invec *in_vec, psa_outvec *out_vec)
{
    rp_caller_t c;
    if (!enter(&c)) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    psa_status_t s = rp_spm_call(&c, handle, packed, in_vec, out_vec);
    leave();
    return s;
}

NSE psa_status_t rp_veneer_close(psa_handle_t handle)
{
    rp_caller_t c;
    if (!enter(&c)) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    rp_spm_close(&c, handle);
    leave();
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
    ns_client_id = client_id;
    return PSA_SUCCESS;
}
