/* bench_field.c - instruction counts of P-256's internal field operations on QEMU
 * mps2-an521: includes crypto/src/p256.c to reach its static functions (development aid
 * for docs/p256.md; run by p256_bench.sh field). Reuses bench_p256.c's runtime. */
#define main_bench bench_p256_unused
#include "../../../crypto/src/p256.c"

#define BENCH_NO_OPS
#include "bench_p256.c"

static uint32_t fa[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, fb[8] = { 9, 9, 9, 9, 9, 9, 9, 9 };

void bench_field(void)
{
    uint32_t t0;
    int n = 1000;
    SYST_RVR = 0xffffffu;
    SYST_CVR = 0;
    SYST_CSR = 5u;
    t0 = ticks();
    for (int i = 0; i < n; i++)
        fp_mul(fa, fa, fb);
    put("fp_mul "); put_u((t0 - ticks()) * 50u / (uint32_t)n); put("\n");
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
    quit(0);
}
