/* client_api_s.c - the PSA client API for secure partitions: the same SPM entry points the
 * NS agent uses, with the running partition as the caller. A call the SPM cannot even
 * represent (type or counts out of range) is the caller's programmer error. */
#include "psa/client.h"
#include "rp_spm.h"
#include "rp_veneers.h"

static rp_caller_t self(void)
{
    rp_caller_t c = { rp_spm_current_partition_id(), 0 };
    return c;
}

uint32_t psa_framework_version(void)
{
    return PSA_FRAMEWORK_VERSION;
}

uint32_t psa_version(uint32_t sid)
{
    rp_caller_t c = self();
    return rp_spm_version(&c, sid);
}

psa_handle_t psa_connect(uint32_t sid, uint32_t version)
{
    rp_caller_t c = self();
    return rp_spm_connect(&c, sid, version);
}

psa_status_t psa_call(psa_handle_t handle, int32_t type, const psa_invec *in_vec,
                      size_t in_len, psa_outvec *out_vec, size_t out_len)
{
    rp_caller_t c = self();
    if (type < PSA_IPC_CALL || type > 0x7FFF || in_len > PSA_MAX_IOVEC ||
        out_len > PSA_MAX_IOVEC) {
        psa_panic();
    }
    return rp_spm_call(&c, handle, RP_VENEER_CALL_PACK(type, in_len, out_len), in_vec,
                       out_vec);
}

void psa_close(psa_handle_t handle)
{
    rp_caller_t c = self();
    rp_spm_close(&c, handle);
}
