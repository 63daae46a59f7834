/* fuzz_main.c - smoke driver for fuzz_pk.c when libFuzzer is not available (gcc): feeds
 * the harness valid seeds (a DER signature, a P-256 SPKI, a public key with a signature,
 * an RSAPublicKey)
 * and random mutations of them (byte flips, truncations, insertions, length-byte edits).
 * Usage: pk_fuzz_smoke [iterations] [seed]. The harness aborts on a violated property. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_p256.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t rng_state;

static uint32_t next(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

static int test_rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++)
        out[i] = (uint8_t)next();
    return 0;
}

static void mutate(uint8_t *buf, size_t *len, size_t cap)
{
    unsigned edits = 1 + next() % 4;
    for (unsigned e = 0; e < edits; e++) {
        size_t pos = *len ? next() % *len : 0;
        switch (next() % 5) {
        case 0: if (*len) buf[pos] ^= (uint8_t)(1u << (next() % 8)); break;
        case 1: if (*len) buf[pos] = (uint8_t)next(); break;
        case 2: *len = pos; break;
        case 3:
            if (*len < cap) {
                for (size_t i = *len; i > pos; i--)
                    buf[i] = buf[i - 1];
                buf[pos] = (uint8_t)next();
                (*len)++;
            }
            break;
        default: if (*len) buf[pos] = (uint8_t)(0x80 | (next() % 4)); break;
        }
    }
}

int main(int argc, char **argv)
{
    unsigned long iters = argc > 1 ? strtoul(argv[1], NULL, 0) : 20000;
    rng_state = argc > 2 ? strtoull(argv[2], NULL, 0) : 1;
    uint8_t seeds[4][256];
    size_t seed_len[4];
    uint8_t priv[32], pub[65], sig[64], hash[32] = { 7 };
    rp_p256_keygen(priv, pub, test_rng, NULL);
    rp_p256_sign(sig, priv, hash, 32, test_rng, NULL);
    /* seed 0: a DER signature with 33-byte r (00 sign byte) */
    static const uint8_t der_sig[] = { 0x30, 0x45, 0x02, 0x21, 0x00, 0x80 };
    memcpy(seeds[0], der_sig, sizeof der_sig);
    memset(seeds[0] + sizeof der_sig, 0x11, 31);
    seeds[0][37] = 0x02;
    seeds[0][38] = 0x20;
    memset(seeds[0] + 39, 0x22, 32);
    seed_len[0] = 71;
    /* seed 1: SPKI header for P-256 + point */
    static const uint8_t spki[] = { 0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce,
                                    0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d,
                                    0x03, 0x01, 0x07, 0x03, 0x42, 0x00 };
    memcpy(seeds[1], spki, sizeof spki);
    memcpy(seeds[1] + sizeof spki, pub, 65);
    seed_len[1] = sizeof spki + 65;
    /* seed 2: public key, signature, hash */
    memcpy(seeds[2], pub, 65);
    memcpy(seeds[2] + 65, sig, 64);
    memcpy(seeds[2] + 129, hash, 32);
    seed_len[2] = 161;
    /* seed 3: RSAPublicKey with a 1024-bit odd n and e = 65537 */
    static const uint8_t rsa_head[] = { 0x30, 0x81, 0x89, 0x02, 0x81, 0x81, 0x00 };
    memcpy(seeds[3], rsa_head, sizeof rsa_head);
    memset(seeds[3] + 7, 0xa5, 128);
    seeds[3][7] = 0xc1;
    seeds[3][7 + 127] = 0x01;
    memcpy(seeds[3] + 135, "\x02\x03\x01\x00\x01", 5);
    seed_len[3] = 140;
    uint8_t buf[256];
    for (unsigned long i = 0; i < iters; i++) {
        unsigned s = next() % 4;
        size_t len = seed_len[s];
        memcpy(buf, seeds[s], len);
        if (i >= 3)
            mutate(buf, &len, sizeof buf);
        LLVMFuzzerTestOneInput(buf, len);
    }
    printf("pk_fuzz_smoke: %lu inputs, no property violated\n", iters);
    return 0;
}
