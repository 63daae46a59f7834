/* psa_ps_ns.c - the PSA Protected Storage API 1.0 as a client library: each function is
 * one psa_call to the PS partition's stateless service (message format:
 * services/its/include/rp_storage_ipc.h). Like psa_its_ns.c, the same file serves
 * non-secure images and, built into the secure image, secure partitions that list RP_PS
 * in their manifest dependencies. create, set_extended and get_support are answered by
 * the service too (NOT_SUPPORTED, NOT_SUPPORTED, 0), so the policy lives in one place.
 *
 * Checked here before anything crosses: a data pointer is not NULL when its length is not
 * zero, and output pointers are not NULL (else PSA_ERROR_INVALID_ARGUMENT). */
#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa/protected_storage.h"
#include "psa_manifest/sid.h"
#include "rp_storage_ipc.h"

/* One call with the request {uid, arg, arg2}, optional data in and one optional out. */
static psa_status_t ps_call(int32_t type, psa_storage_uid_t uid, uint32_t arg, uint32_t arg2,
                            const void *data, size_t data_len, psa_outvec *out)
{
    struct rp_storage_req r = { uid, arg, arg2 };
    psa_invec in[2] = { { &r, sizeof r }, { data, data_len } };
    if (data_len != 0 && data == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return psa_call(RP_PS_HANDLE, type, in, data_len != 0 ? 2 : 1, out, out != NULL);
}

psa_status_t psa_ps_set(psa_storage_uid_t uid, size_t data_length, const void *p_data,
                        psa_storage_create_flags_t create_flags)
{
    return ps_call(RP_STORAGE_SET, uid, create_flags, 0, p_data, data_length, NULL);
}

/* *p_data_length is written on success only. */
psa_status_t psa_ps_get(psa_storage_uid_t uid, size_t data_offset, size_t data_size,
                        void *p_data, size_t *p_data_length)
{
    psa_outvec out = { p_data, data_size };
    if (p_data_length == NULL || (data_size != 0 && p_data == NULL)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    psa_status_t st = ps_call(RP_STORAGE_GET, uid, (uint32_t)data_offset, 0, NULL, 0, &out);
    if (st == PSA_SUCCESS) {
        *p_data_length = out.len;
    }
    return st;
}

psa_status_t psa_ps_get_info(psa_storage_uid_t uid, struct psa_storage_info_t *p_info)
{
    psa_outvec out = { p_info, sizeof *p_info };
    if (p_info == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return ps_call(RP_STORAGE_GET_INFO, uid, 0, 0, NULL, 0, &out);
}

psa_status_t psa_ps_remove(psa_storage_uid_t uid)
{
    return ps_call(RP_STORAGE_REMOVE, uid, 0, 0, NULL, 0, NULL);
}

psa_status_t psa_ps_create(psa_storage_uid_t uid, size_t capacity,
                           psa_storage_create_flags_t create_flags)
{
    return ps_call(RP_STORAGE_CREATE, uid, create_flags, (uint32_t)capacity, NULL, 0, NULL);
}

psa_status_t psa_ps_set_extended(psa_storage_uid_t uid, size_t data_offset,
                                 size_t data_length, const void *p_data)
{
    return ps_call(RP_STORAGE_SET_EXTENDED, uid, (uint32_t)data_offset, 0, p_data, data_length,
                   NULL);
}

/* 0 (no optional feature) from the service; 0 as well if the call fails. */
uint32_t psa_ps_get_support(void)
{
    uint32_t support = 0;
    psa_outvec out = { &support, sizeof support };
    if (psa_call(RP_PS_HANDLE, RP_STORAGE_GET_SUPPORT, NULL, 0, &out, 1) != PSA_SUCCESS) {
        return 0;
    }
    return support;
}
