/* bench_other.c - instruction counts of P-384 and RSA-2048 on QEMU mps2-an521 (CPU0,
 * Cortex-M33 without DSP/FPU), portable C only. Run by p256_bench.sh other. Reuses the
 * runtime of bench_p256.c (SysTick at one tick per 50 instructions, semihosting). */
#define BENCH_NO_OPS
#define bench_field bench_other
#include "bench_p256.c"

#include "rp_p384.h"
#include "rp_rsa.h"

static uint32_t seed = 0x2545f491u;

static int rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        out[i] = (uint8_t)seed;
    }
    return 0;
}

static uint8_t d[48], q[97], d2[48], q2[97], sig[RP_RSA_MAX_BYTES], z[48];
static const uint8_t digest[48] = { 1, 2, 3, 4 };
static rp_rsa_private key;

/* Elapsed SysTick ticks as instructions; the 24-bit counter wraps every 838 M
 * instructions, so the RSA key generation figure is only a lower bound. */
static void show(const char *name, uint32_t t0, int bad)
{
    put(name);
    put(" ");
    put_u(((t0 - ticks()) & 0xffffffu) * 50u);
    put(bad ? " instructions FAILED\n" : " instructions\n");
}

void bench_other(void)
{
    uint32_t t0;
    int bad;
    SYST_RVR = 0xffffffu;
    SYST_CVR = 0;
    SYST_CSR = 5u;
    t0 = ticks();
    bad = rp_p384_keygen(d, q, rng, NULL);
    show("p384 keygen", t0, bad);
    rp_p384_keygen(d2, q2, rng, NULL);
    t0 = ticks();
    bad = rp_p384_sign(sig, d, digest, 48, rng, NULL);
    show("p384 sign", t0, bad);
    t0 = ticks();
    bad = rp_p384_verify(sig, q, digest, 48);
    show("p384 verify", t0, bad);
    t0 = ticks();
    bad = rp_p384_ecdh(z, d, q2);
    show("p384 ecdh", t0, bad);
    bad = rp_rsa_keygen(&key, 2048, rng, NULL);
    put(bad ? "rsa-2048 keygen FAILED\n" : "rsa-2048 keygen done\n");
    t0 = ticks();
    bad = rp_rsa_pkcs1_sign(&key, RP_HASH_SHA256, digest, sig, rng, NULL);
    show("rsa-2048 pkcs1 sign (CRT, blinded, checked)", t0, bad);
    t0 = ticks();
    bad = rp_rsa_pkcs1_verify(&key.pub, RP_HASH_SHA256, digest, sig, 256);
    show("rsa-2048 pkcs1 verify", t0, bad);
    bad |= rp_rsa_pss_sign(&key, RP_HASH_SHA256, digest, 32, sig, rng, NULL);
    t0 = ticks();
    bad |= rp_rsa_pss_verify(&key.pub, RP_HASH_SHA256, digest, 32, sig, 256);
    show("rsa-2048 pss verify", t0, bad);
    quit(bad ? 1 : 0);
}
