/* rp_iovec.c - psa_call argument checks (FF-M 1.1 psa_call, PROGRAMMER ERROR cases). */
#include "rp_spm_core.h"

/* One vector: 0 or an RP_IOVEC_* reason. len 0 is accepted without looking at base. */
static int check_vec(const void *base, size_t len, int write, rp_access_fn can_access,
                     void *ctx)
{
    int r = rp_iovec_form(base, len);
    if (r != RP_IOVEC_OK || len == 0u) {
        return r;
    }
    if (!can_access(ctx, base, len, write)) {
        return RP_IOVEC_ACCESS;
    }
    return RP_IOVEC_OK;
}

/* Do two non-empty, non-wrapping ranges share a byte? Inclusive ends cannot overflow. */
static int ranges_overlap(const psa_outvec *a, const psa_outvec *b)
{
    uintptr_t a0 = (uintptr_t)a->base, a1 = a0 + (a->len - 1u);
    uintptr_t b0 = (uintptr_t)b->base, b1 = b0 + (b->len - 1u);
    return a0 <= b1 && b0 <= a1;
}

int rp_iovec_outvecs_overlap(const psa_outvec *out_vec, size_t out_len)
{
    size_t i, j;
    for (i = 0; i < out_len; i++) {
        if (out_vec[i].len == 0u) {
            continue;
        }
        for (j = i + 1u; j < out_len; j++) {
            if (out_vec[j].len != 0u && ranges_overlap(&out_vec[i], &out_vec[j])) {
                return 1;
            }
        }
    }
    return 0;
}

int rp_iovec_check(const psa_invec *in_vec, size_t in_len,
                   const psa_outvec *out_vec, size_t out_len,
                   rp_access_fn can_access, void *ctx)
{
    size_t i;
    int r;

    /* Each count alone first, so the sum cannot overflow. */
    if (in_len > PSA_MAX_IOVEC || out_len > PSA_MAX_IOVEC ||
        in_len + out_len > PSA_MAX_IOVEC) {
        return RP_IOVEC_TOO_MANY;
    }
    for (i = 0; i < in_len; i++) {
        r = check_vec(in_vec[i].base, in_vec[i].len, 0, can_access, ctx);
        if (r != RP_IOVEC_OK) {
            return r;
        }
    }
    for (i = 0; i < out_len; i++) {
        r = check_vec(out_vec[i].base, out_vec[i].len, 1, can_access, ctx);
        if (r != RP_IOVEC_OK) {
            return r;
        }
    }
    return rp_iovec_outvecs_overlap(out_vec, out_len) ? RP_IOVEC_OVERLAP : RP_IOVEC_OK;
}

psa_status_t rp_call_type_check(int32_t type)
{
    if (type < PSA_IPC_CALL || type > RP_CALL_TYPE_MAX) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    return PSA_SUCCESS;
}
