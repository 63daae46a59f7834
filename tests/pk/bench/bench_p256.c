/* bench_p256.c - instruction counts of the P-256 operations on QEMU mps2-an521 (CPU0,
 * Cortex-M33 without DSP/FPU). Run by tests/pk/bench/p256_bench.sh with -icount shift=0:
 * one instruction is one virtual nanosecond and SysTick on the 20 MHz CPU clock ticks
 * every 50 instructions (docs/PLATFORM-AN521.md). Each operation runs ITER times; the
 * printed figure is the average in instructions (resolution 50 / ITER).
 * Output and exit go through Arm semihosting. No libc: memcpy/memset are defined here. */
#include <stddef.h>
#include <stdint.h>

#include "rp_p256.h"

#ifndef ITER
#define ITER 4
#endif

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)

void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *a = d;
    const uint8_t *b = s;
    while (n--)
        *a++ = *b++;
    return d;
}

void *memset(void *d, int c, size_t n)
{
    uint8_t *a = d;
    while (n--)
        *a++ = (uint8_t)c;
    return d;
}

static int semihost(int op, const void *arg)
{
    register int r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

static void put(const char *s)
{
    semihost(0x04, s);                       /* SYS_WRITE0 */
}

static void put_u(uint32_t v)
{
    char buf[12];
    int i = 11;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(buf + i);
}

static void quit(int code)
{
    static uint32_t block[2] = { 0x20026, 0 };   /* ADP_Stopped_ApplicationExit */
    block[1] = (uint32_t)code;
    semihost(0x20, block);                   /* SYS_EXIT_EXTENDED */
    for (;;)
        ;
}

static uint32_t ticks(void)
{
    return SYST_CVR;
}

#ifdef BENCH_NO_OPS
void bench_field(void);
#else
static uint32_t prng = 0x2545f491u;

static int bench_rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) {
        prng ^= prng << 13;
        prng ^= prng >> 17;
        prng ^= prng << 5;
        out[i] = (uint8_t)prng;
    }
    return 0;
}

static uint8_t priv[32], pub[65], priv2[32], pub2[65], sig[64], shared[32];
static const uint8_t hash[32] = { 0x2c, 0xf2, 0x4d, 0xba, 0x5f, 0xb0, 0xa3, 0x0e, 0x26, 0xe8,
                                  0x3b, 0x2a, 0xc5, 0xb9, 0xe2, 0x9e, 0x1b, 0x16, 0x1e, 0x5c,
                                  0x1f, 0xa7, 0x42, 0x5e, 0x73, 0x04, 0x33, 0x62, 0x93, 0x8b,
                                  0x98, 0x24 };

static void report(const char *name, uint32_t start, uint32_t end, int failed)
{
    uint32_t elapsed = (start - end) & 0xffffffu;    /* SysTick counts down, 24 bits */
    put(name);
    put(" ");
    put_u(elapsed * 50u / ITER);
    put(failed ? " instructions FAILED\n" : " instructions\n");
}

/* Known answers first (RFC 5903 8.1, RFC 6979 A.2.5 "sample"), so that a figure is never
 * printed for wrong code (the Thumb-2 routines are only exercised here). */
static const uint8_t kat_i[32] = {
    0xc8, 0x8f, 0x01, 0xf5, 0x10, 0xd9, 0xac, 0x3f, 0x70, 0xa2, 0x92, 0xda, 0xa2, 0x31, 0x6d, 0xe5,
    0x44, 0xe9, 0xaa, 0xb8, 0xaf, 0xe8, 0x40, 0x49, 0xc6, 0x2a, 0x9c, 0x57, 0x86, 0x2d, 0x14, 0x33 };
static const uint8_t kat_gix[32] = {
    0xda, 0xd0, 0xb6, 0x53, 0x94, 0x22, 0x1c, 0xf9, 0xb0, 0x51, 0xe1, 0xfe, 0xca, 0x57, 0x87, 0xd0,
    0x98, 0xdf, 0xe6, 0x37, 0xfc, 0x90, 0xb9, 0xef, 0x94, 0x5d, 0x0c, 0x37, 0x72, 0x58, 0x11, 0x80 };
static const uint8_t kat_r[32] = {
    0xc6, 0xef, 0x9c, 0x5d, 0x78, 0xae, 0x01, 0x2a, 0x01, 0x11, 0x64, 0xac, 0xb3, 0x97, 0xce, 0x20,
    0x88, 0x68, 0x5d, 0x8f, 0x06, 0xbf, 0x9b, 0xe0, 0xb2, 0x83, 0xab, 0x46, 0x47, 0x6b, 0xee, 0x53 };
static const uint8_t kat_girx[32] = {
    0xd6, 0x84, 0x0f, 0x6b, 0x42, 0xf6, 0xed, 0xaf, 0xd1, 0x31, 0x16, 0xe0, 0xe1, 0x25, 0x65, 0x20,
    0x2f, 0xef, 0x8e, 0x9e, 0xce, 0x7d, 0xce, 0x03, 0x81, 0x24, 0x64, 0xd0, 0x4b, 0x94, 0x42, 0xde };

static int same(const uint8_t *a, const uint8_t *b, size_t n)
{
    uint8_t d = 0;
    for (size_t i = 0; i < n; i++)
        d |= (uint8_t)(a[i] ^ b[i]);
    return d == 0;
}

static int known_answers(void)
{
    uint8_t gi[65], gr[65], z[32], s[64];
    int ok = rp_p256_public_from_private(gi, kat_i) == RP_P256_OK && same(gi + 1, kat_gix, 32);
    ok = ok && rp_p256_public_from_private(gr, kat_r) == RP_P256_OK;
    ok = ok && rp_p256_ecdh(z, kat_i, gr) == RP_P256_OK && same(z, kat_girx, 32);
    ok = ok && rp_p256_ecdh(z, kat_r, gi) == RP_P256_OK && same(z, kat_girx, 32);
    ok = ok && rp_p256_sign_det(s, kat_i, hash, 32) == RP_P256_OK;
    ok = ok && rp_p256_verify(s, gi, hash, 32) == RP_P256_OK;
    s[40] ^= 1;
    ok = ok && rp_p256_verify(s, gi, hash, 32) == RP_P256_ERR_VERIFY;
    put(ok ? "known answers ok\n" : "known answers FAILED\n");
    return !ok;
}

void bench(void)
{
    int bad = known_answers();
    uint32_t t0;
    SYST_RVR = 0xffffffu;
    SYST_CVR = 0;
    SYST_CSR = 5u;                           /* enable, CPU clock, no interrupt */
    bench_rng(NULL, priv2, 1);
    bad |= rp_p256_keygen(priv2, pub2, bench_rng, NULL);

    t0 = ticks();
    for (int i = 0; i < ITER; i++)
        bad |= rp_p256_keygen(priv, pub, bench_rng, NULL);
    report("keygen", t0, ticks(), bad);
    t0 = ticks();
    for (int i = 0; i < ITER; i++)
        bad |= rp_p256_sign(sig, priv, hash, 32, bench_rng, NULL);
    report("sign", t0, ticks(), bad);
    t0 = ticks();
    for (int i = 0; i < ITER; i++)
        bad |= rp_p256_verify(sig, pub, hash, 32);
    report("verify", t0, ticks(), bad);
    t0 = ticks();
    for (int i = 0; i < ITER; i++)
        bad |= rp_p256_ecdh(shared, priv, pub2);
    report("ecdh", t0, ticks(), bad);
    quit(bad ? 1 : 0);
}

#endif

extern uint32_t __stack_top;
void reset(void);
__attribute__((section(".vectors"), used)) static const void *const vectors[2] = {
    &__stack_top, (const void *)reset };

void reset(void)
{
#ifdef BENCH_NO_OPS
    bench_field();
#else
    bench();
#endif
}
