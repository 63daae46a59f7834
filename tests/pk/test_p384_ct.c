/* test_p384_ct.c - valgrind constant-time check of the P-384 secret paths (see
 * test_p256_ct.c): keys and RNG output poisoned, public results unpoisoned. */
#include "rp_ct.h"
#include "rp_p384.h"
#include "rp_test.h"

static uint32_t state = 0x9e3779b9u;

static int secret_rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) {
        state = state * 1103515245u + 12345u;
        out[i] = (uint8_t)(state >> 16);
    }
    RP_POISON(out, n);
    return 0;
}

int main(void)
{
    uint8_t priv[48], pub[97], priv2[48], pub2[97], sig[96], z1[48], z2[48];
    uint8_t hash[48] = { 0x42 };
    RP_CHECK_EQ(rp_p384_keygen(priv, pub, secret_rng, NULL), RP_P384_OK);
    RP_CHECK_EQ(rp_p384_keygen(priv2, pub2, secret_rng, NULL), RP_P384_OK);
    RP_UNPOISON(pub, sizeof pub);
    RP_UNPOISON(pub2, sizeof pub2);
    RP_CHECK_EQ(rp_p384_sign(sig, priv, hash, 48, secret_rng, NULL), RP_P384_OK);
    RP_UNPOISON(sig, sizeof sig);
    RP_CHECK_EQ(rp_p384_verify(sig, pub, hash, 48), RP_P384_OK);
    RP_CHECK_EQ(rp_p384_sign_det(sig, priv, hash, 48), RP_P384_OK);
    RP_UNPOISON(sig, sizeof sig);
    RP_CHECK_EQ(rp_p384_verify(sig, pub, hash, 48), RP_P384_OK);
    RP_CHECK_EQ(rp_p384_ecdh(z1, priv, pub2), RP_P384_OK);
    RP_CHECK_EQ(rp_p384_ecdh(z2, priv2, pub), RP_P384_OK);
    RP_UNPOISON(z1, sizeof z1);
    RP_UNPOISON(z2, sizeof z2);
    RP_CHECK_MEM(z1, z2, 48);
    return rp_test_end("p384_ct");
}
