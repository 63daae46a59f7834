/* psa_its_ns.c - the PSA Internal Trusted Storage API 1.0 as a client library: each
 * function is one psa_call to the ITS partition's stateless service (message format:
 * services/its/include/rp_storage_ipc.h). The same file serves non-secure images (over the
 * TrustZone client API) and, built into the secure image, secure partitions that list
 * RP_ITS in their manifest dependencies.
 *
 * Checked here before anything crosses: a data pointer is not NULL when its length is not
 * zero, and output pointers are not NULL (else PSA_ERROR_INVALID_ARGUMENT); the service
 * checks everything again. size_t is 32 bits on the targets, so offsets fit the u32
 * request field. */
#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa/internal_trusted_storage.h"
#include "psa_manifest/sid.h"
#include "rp_storage_ipc.h"

psa_status_t psa_its_set(psa_storage_uid_t uid, size_t data_length, const void *p_data,
                         psa_storage_create_flags_t create_flags)
{
    struct rp_storage_req r = { uid, create_flags, 0 };
    psa_invec in[2] = { { &r, sizeof r }, { p_data, data_length } };
    if (data_length != 0 && p_data == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return psa_call(RP_ITS_HANDLE, RP_STORAGE_SET, in, 2, NULL, 0);
}

/* *p_data_length is written on success only. */
psa_status_t psa_its_get(psa_storage_uid_t uid, size_t data_offset, size_t data_size,
                         void *p_data, size_t *p_data_length)
{
    struct rp_storage_req r = { uid, (uint32_t)data_offset, 0 };
    psa_invec in = { &r, sizeof r };
    psa_outvec out = { p_data, data_size };
    if (p_data_length == NULL || (data_size != 0 && p_data == NULL)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    psa_status_t st = psa_call(RP_ITS_HANDLE, RP_STORAGE_GET, &in, 1, &out, 1);
    if (st == PSA_SUCCESS) {
        *p_data_length = out.len;
    }
    return st;
}

psa_status_t psa_its_get_info(psa_storage_uid_t uid, struct psa_storage_info_t *p_info)
{
    struct rp_storage_req r = { uid, 0, 0 };
    psa_invec in = { &r, sizeof r };
    psa_outvec out = { p_info, sizeof *p_info };
    if (p_info == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return psa_call(RP_ITS_HANDLE, RP_STORAGE_GET_INFO, &in, 1, &out, 1);
}

psa_status_t psa_its_remove(psa_storage_uid_t uid)
{
    struct rp_storage_req r = { uid, 0, 0 };
    psa_invec in = { &r, sizeof r };
    return psa_call(RP_ITS_HANDLE, RP_STORAGE_REMOVE, &in, 1, NULL, 0);
}
