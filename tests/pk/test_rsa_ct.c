/* test_rsa_ct.c - valgrind constant-time check of the RSA private operations (see
 * test_p256_ct.c). The key is generated deterministically, then its secret parts (d, p, q,
 * dp, dq, qinv) and every RNG byte are poisoned; PKCS#1 v1.5 and PSS signing and OAEP and
 * v1.5 decryption must not branch on or index by them. Public results are unpoisoned.
 * Key generation runs first with every RNG byte poisoned: candidate primes, Miller-Rabin
 * bases, gcd, lcm and the inverses must not branch on them; only the verdicts that throw
 * a candidate (or a pair) away are unpoisoned inside rsa.c (rp_rsa.h, keygen). */
#include "rp_ct.h"
#include "rp_rsa.h"
#include "rp_test.h"

static uint64_t state = 99;

static int plain_rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        out[i] = (uint8_t)(state >> 56);
    }
    return 0;
}

static int secret_rng(void *ctx, uint8_t *out, size_t n)
{
    plain_rng(ctx, out, n);
    RP_POISON(out, n);
    return 0;
}

static rp_rsa_private key;

int main(void)
{
    uint8_t digest[32] = { 1, 2, 3 }, sig[RP_RSA_MAX_BYTES], ct[RP_RSA_MAX_BYTES];
    uint8_t pt[RP_RSA_MAX_BYTES], msg[20] = { 7 };
    size_t len = 0;
    RP_CHECK_EQ(rp_rsa_keygen(&key, 2048, secret_rng, NULL), RP_RSA_OK);
    RP_UNPOISON(&key, sizeof key);           /* so that the checks below may look at it */
    size_t k = rp_rsa_bytes(&key.pub);
    RP_POISON(key.d, sizeof key.d);
    RP_POISON(key.p, sizeof key.p);
    RP_POISON(key.q, sizeof key.q);
    RP_POISON(key.dp, sizeof key.dp);
    RP_POISON(key.dq, sizeof key.dq);
    RP_POISON(key.qinv, sizeof key.qinv);

    RP_CHECK_EQ(rp_rsa_pkcs1_sign(&key, RP_HASH_SHA256, digest, sig, secret_rng, NULL), RP_RSA_OK);
    RP_UNPOISON(sig, k);
    RP_CHECK_EQ(rp_rsa_pkcs1_verify(&key.pub, RP_HASH_SHA256, digest, sig, k), RP_RSA_OK);
    RP_CHECK_EQ(rp_rsa_pss_sign(&key, RP_HASH_SHA256, digest, 32, sig, secret_rng, NULL), RP_RSA_OK);
    RP_UNPOISON(sig, k);
    RP_CHECK_EQ(rp_rsa_pss_verify(&key.pub, RP_HASH_SHA256, digest, 32, sig, k), RP_RSA_OK);

    RP_CHECK_EQ(rp_rsa_oaep_encrypt(&key.pub, RP_HASH_SHA256, NULL, 0, msg, sizeof msg, ct, plain_rng, NULL), RP_RSA_OK);
    RP_CHECK_EQ(rp_rsa_oaep_decrypt(&key, RP_HASH_SHA256, NULL, 0, ct, k, pt, sizeof pt, &len, secret_rng, NULL), RP_RSA_OK);
    RP_UNPOISON(pt, sizeof pt);
    RP_CHECK(len == sizeof msg && memcmp(pt, msg, len) == 0);
    RP_CHECK_EQ(rp_rsa_pkcs1_encrypt(&key.pub, msg, sizeof msg, ct, plain_rng, NULL), RP_RSA_OK);
    RP_CHECK_EQ(rp_rsa_pkcs1_decrypt(&key, ct, k, pt, sizeof pt, &len, secret_rng, NULL), RP_RSA_OK);
    RP_UNPOISON(pt, sizeof pt);
    RP_CHECK(len == sizeof msg && memcmp(pt, msg, len) == 0);
    return rp_test_end("rsa_ct");
}
