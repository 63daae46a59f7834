/* bench_field.c - instruction counts of P-256's internal field operations on QEMU
 * mps2-an521: includes crypto/src/p256.c to reach its static functions (development aid
 * for docs/p256.md; run by p256_bench.sh field). Reuses bench_p256.c's runtime. */
#define main_bench bench_p256_unused
#include "../../../crypto/src/p256.c"

#define BENCH_NO_OPS
#include "bench_p256.c"

static uint32_t fa[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, fb[8] = { 9, 9, 9, 9, 9, 9, 9, 9 };

/* The p-specific multiply (Thumb-2 in the fast build) against the portable CIOS. */
static int field_differential(void)
{
    uint32_t a[8], b[8], c1[8], c2[8], s = 1;
    int bad = 0;
    for (int it = 0; it < 2000; it++) {
        for (int i = 0; i < 8; i++) {
            s = s * 1664525u + 1013904223u;
            a[i] = s;
            s = s * 1664525u + 1013904223u;
            b[i] = (it & 1) ? s : 0xffffffffu - (s & 3u);   /* values near p too */
        }
        a[7] &= 0x7fffffffu;                 /* a < p */
        b[7] = (it & 1) ? (b[7] & 0x7fffffffu) : 0xffffffffu;
        b[6] = (it & 1) ? b[6] : 0;          /* near p: ffffffff 00000000 ... */
        if (!(it & 1)) { b[3] = b[4] = b[5] = 0; b[0] = b[1] = b[2] = 0xfffffff0u + (s & 7u); }
        m256_mul(c1, a, b, &MOD_P);
        m256_mul_c(c2, a, b, &MOD_P);
        for (int i = 0; i < 8; i++)
            bad |= c1[i] != c2[i];
        fp_add(c1, a, b);
        m256_add(c2, a, b, &MOD_P);
        for (int i = 0; i < 8; i++)
            bad |= c1[i] != c2[i];
        fp_sub(c1, a, b);
        fp_add(c1, c1, b);
        m256_mul(c2, c1, c1, &MOD_P);
        m256_mul_c(c1, a, a, &MOD_P);
        for (int i = 0; i < 8; i++)
            bad |= c1[i] != c2[i];
    }
    put(bad ? "field differential FAILED\n" : "field differential ok\n");
    return bad;
}

void bench_field(void)
{
    uint32_t t0;
    int n = 1000;
    int bad = field_differential();
    SYST_RVR = 0xffffffu;
    SYST_CVR = 0;
    SYST_CSR = 5u;
    t0 = ticks();
    for (int i = 0; i < n; i++)
        fp_mul(fa, fa, fb);
    put("fp_mul "); put_u(((t0 - ticks()) & 0xffffffu) * 50u / (uint32_t)n); put("\n");
    t0 = ticks();
    for (int i = 0; i < n; i++)
        m256_mul(fa, fa, fb, &MOD_N);
    put("mod-n mul "); put_u((t0 - ticks()) * 50u / (uint32_t)n); put("\n");
    t0 = ticks();
    for (int i = 0; i < n; i++)
        fp_add(fa, fa, fb);
    put("fp_add "); put_u((t0 - ticks()) * 50u / (uint32_t)n); put("\n");
    t0 = ticks();
    for (int i = 0; i < n; i++)
        fp_sub(fa, fa, fb);
    put("fp_sub "); put_u((t0 - ticks()) * 50u / (uint32_t)n); put("\n");
    point pa = G_MONT;
    t0 = ticks();
    for (int i = 0; i < 100; i++)
        point_add(&pa, &pa, &G_MONT);
    put("point_add "); put_u((t0 - ticks()) * 50u / 100u); put("\n");
    t0 = ticks();
    for (int i = 0; i < 100; i++)
        point_dbl(&pa, &pa);
    put("point_dbl "); put_u((t0 - ticks()) * 50u / 100u); put("\n");
    quit(bad);
}
