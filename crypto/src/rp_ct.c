/* rp_ct.c - the volatile wipe, constant-time comparisons and the masked XOR of the symmetric
 * code (contracts in rp_ct.h and rp_sym_util.h). */
#include "rp_ct.h"
#include "rp_sym_util.h"

void rp_wipe(void *p, size_t n)
{
    volatile uint8_t *v = (volatile uint8_t *)p;
    volatile uint32_t *w;
    size_t i = 0;

    /* word stores for the aligned bulk (hashes wipe their schedule every block) */
    if (((uintptr_t)p & 3) == 0) {
        for (w = (volatile uint32_t *)p; i + 16 <= n; i += 16, w += 4) {
            w[0] = 0; w[1] = 0; w[2] = 0; w[3] = 0;
        }
    }
    for (; i < n; i++)
        v[i] = 0;
}

int rp_ct_memeq(const void *a, const void *b, size_t n)
{
    const uint8_t *x = (const uint8_t *)a, *y = (const uint8_t *)b;
    uint32_t d = 0;
    size_t i;

    for (i = 0; i < n; i++)
        d |= (uint32_t)(x[i] ^ y[i]);
    return (int)(rp_ct_mask_zero(d) & 1u);
}

void rp_ct_cmov(void *dst, const void *src, size_t n, uint32_t mask)
{
    uint8_t *d = (uint8_t *)dst;
    const uint8_t *s = (const uint8_t *)src;
    uint8_t m = (uint8_t)mask;
    size_t i;

    for (i = 0; i < n; i++)
        d[i] = (uint8_t)(d[i] ^ (m & (d[i] ^ s[i])));
}

void rp_sym_xor(uint8_t *out, const uint8_t *a, const uint8_t *b, size_t n, uint8_t mask)
{
    uint32_t m = 0x01010101u * mask;
    size_t i = 0;

    for (; i + 4 <= n; i += 4)
        rp_st32le(out + i, (rp_ld32le(a + i) ^ rp_ld32le(b + i)) & m);
    for (; i < n; i++)
        out[i] = (uint8_t)((a[i] ^ b[i]) & mask);
}
