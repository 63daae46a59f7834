/* test_p256_ct.c - constant-time check of every P-256 operation that touches a secret.
 *
 * Built without sanitizers and with -DRP_CT_CHECK, run under valgrind memcheck: private
 * keys and every random byte are marked undefined (RP_POISON), so any branch or memory
 * index that depends on them is reported as a use of uninitialised data and the test fails
 * (--error-exitcode). Results that are public by design (signatures, public keys, shared
 * secrets once computed) are unpoisoned here before the test looks at them.
 * Without valgrind the same binary simply runs the operations and checks their results.
 */
#include "rp_ct.h"
#include "rp_p256.h"
#include "rp_test.h"

static uint32_t state = 0x12345678u;

static int secret_rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) {
        state = state * 1103515245u + 12345u;
        out[i] = (uint8_t)(state >> 16);
    }
    RP_POISON(out, n);                       /* nonces and keys are secret */
    return 0;
}

int main(void)
{
    uint8_t priv[32], pub[65], priv2[32], pub2[65], sig[64], z1[32], z2[32];
    uint8_t hash[32] = { 0x11, 0x22, 0x33 };
    for (int round = 0; round < 3; round++) {
        RP_CHECK_EQ(rp_p256_keygen(priv, pub, secret_rng, NULL), RP_P256_OK);
        RP_CHECK_EQ(rp_p256_keygen(priv2, pub2, secret_rng, NULL), RP_P256_OK);
        RP_UNPOISON(pub, sizeof pub);
        RP_UNPOISON(pub2, sizeof pub2);

        RP_POISON(priv, sizeof priv);
        RP_CHECK_EQ(rp_p256_public_from_private(pub2, priv2), RP_P256_OK);
        RP_UNPOISON(pub2, sizeof pub2);

        RP_CHECK_EQ(rp_p256_sign(sig, priv, hash, 32, secret_rng, NULL), RP_P256_OK);
        RP_UNPOISON(sig, sizeof sig);
        RP_CHECK_EQ(rp_p256_verify(sig, pub, hash, 32), RP_P256_OK);

        RP_CHECK_EQ(rp_p256_sign_det(sig, priv, hash, 32), RP_P256_OK);
        RP_UNPOISON(sig, sizeof sig);
        RP_CHECK_EQ(rp_p256_verify(sig, pub, hash, 32), RP_P256_OK);

        RP_CHECK_EQ(rp_p256_ecdh(z1, priv, pub2), RP_P256_OK);
        RP_CHECK_EQ(rp_p256_ecdh(z2, priv2, pub), RP_P256_OK);
        RP_UNPOISON(z1, sizeof z1);
        RP_UNPOISON(z2, sizeof z2);
        RP_CHECK_MEM(z1, z2, 32);
        hash[0]++;
    }
    return rp_test_end("p256_ct");
}
