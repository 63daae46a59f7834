/* rp_ct.c - the volatile wipe and constant-time byte comparisons (contract in rp_ct.h). */
#include "rp_ct.h"

void rp_wipe(void *p, size_t n)
{
    volatile uint8_t *v = (volatile uint8_t *)p;
    size_t i;

    for (i = 0; i < n; i++)
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
