/* client_api_s.c - the PSA client API for secure partitions: the same SPM entry points the
 * NS agent uses, with the running partition as the caller (rp_api_<name> implements
 * psa_<name>; psa_api.c is the public entry). */
#include "psa/client.h"
#include "rp_spm.h"
#include "spm_internal.h"

static rp_caller_t self(void)
{
    rp_caller_t c = { rp_spm_current_partition_id(), 0 };
    return c;
}

uint32_t rp_api_version(uint32_t sid)
{
    rp_caller_t c = self();
    return rp_spm_version(&c, sid);
}

psa_handle_t rp_api_connect(uint32_t sid, uint32_t version)
{
    rp_caller_t c = self();
    return rp_spm_connect(&c, sid, version);
}

/* psa_call with type and counts packed (psa_api.c refuses what cannot be packed). */
psa_status_t rp_api_call(psa_handle_t handle, uint32_t packed, const psa_invec *in_vec,
                         psa_outvec *out_vec)
{
    rp_caller_t c = self();
    return rp_spm_call(&c, handle, packed, in_vec, out_vec);
}

void rp_api_close(psa_handle_t handle)
{
    rp_caller_t c = self();
    rp_spm_close(&c, handle);
}
