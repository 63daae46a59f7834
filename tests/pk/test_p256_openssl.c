/* test_p256_openssl.c - differential test of rp_p256 against OpenSSL's libcrypto.
 *
 * Random keys, hashes and peers, every direction: our keygen vs OpenSSL's public-key
 * derivation, we sign / OpenSSL verifies, OpenSSL signs / we verify, ECDH both ways, plus
 * edge scalars (1, 2, n-2, n-1) and corrupted signatures.
 * Usage: test_p256_openssl [iterations] [seed]   (defaults: 100, fixed seed)
 */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdh.h>
#include <openssl/ecdsa.h>
#include <openssl/obj_mac.h>

#include "rp_p256.h"
#include "rp_test.h"

static uint64_t prng_state;

/* splitmix64: reproducible test randomness (not for keys outside tests) */
static uint64_t prng_next(void)
{
    uint64_t z = (prng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void prng_fill(uint8_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (uint8_t)prng_next();
}

static int test_rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    prng_fill(out, n);
    return 0;
}

static EC_GROUP *group;

/* OpenSSL key from our raw private key; its public point computed by OpenSSL. */
static EC_KEY *ossl_key_from_priv(const uint8_t priv[32])
{
    EC_KEY *key = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1);
    BIGNUM *d = BN_bin2bn(priv, 32, NULL);
    EC_POINT *q = EC_POINT_new(group);
    EC_POINT_mul(group, q, d, NULL, NULL, NULL);
    EC_KEY_set_private_key(key, d);
    EC_KEY_set_public_key(key, q);
    EC_POINT_free(q);
    BN_free(d);
    return key;
}

static void ossl_pub(const EC_KEY *key, uint8_t pub[65])
{
    size_t len = EC_POINT_point2oct(group, EC_KEY_get0_public_key(key),
                                    POINT_CONVERSION_UNCOMPRESSED, pub, 65, NULL);
    RP_CHECK_EQ(len, 65);
}

static void ossl_priv(const EC_KEY *key, uint8_t priv[32])
{
    RP_CHECK_EQ(BN_bn2binpad(EC_KEY_get0_private_key(key), priv, 32), 32);
}

static int ossl_verify(const EC_KEY *key, const uint8_t *hash, size_t hlen, const uint8_t sig[64])
{
    ECDSA_SIG *s = ECDSA_SIG_new();
    ECDSA_SIG_set0(s, BN_bin2bn(sig, 32, NULL), BN_bin2bn(sig + 32, 32, NULL));
    int ok = ECDSA_do_verify(hash, (int)hlen, s, (EC_KEY *)key);
    ECDSA_SIG_free(s);
    return ok;
}

static void ossl_sign(EC_KEY *key, const uint8_t *hash, size_t hlen, uint8_t sig[64])
{
    ECDSA_SIG *s = ECDSA_do_sign(hash, (int)hlen, key);
    const BIGNUM *r, *sv;
    ECDSA_SIG_get0(s, &r, &sv);
    BN_bn2binpad(r, sig, 32);
    BN_bn2binpad(sv, sig + 32, 32);
    ECDSA_SIG_free(s);
}

/* Public key of a given scalar matches OpenSSL's. */
static void check_pub(const uint8_t priv[32])
{
    uint8_t pub[65], want[65];
    EC_KEY *key = ossl_key_from_priv(priv);
    ossl_pub(key, want);
    RP_CHECK_EQ(rp_p256_public_from_private(pub, priv), RP_P256_OK);
    RP_CHECK_MEM(pub, want, 65);
    RP_CHECK_EQ(rp_p256_check_public(pub), RP_P256_OK);
    EC_KEY_free(key);
}

static void edge_scalars(void)
{
    static const uint8_t n[32] = {
        0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51 };
    uint8_t k[32] = { 0 }, pub[65];
    k[31] = 1; check_pub(k);
    k[31] = 2; check_pub(k);
    k[31] = 0;
    RP_CHECK_EQ(rp_p256_public_from_private(pub, k), RP_P256_ERR_INPUT);
    memcpy(k, n, 32);
    RP_CHECK_EQ(rp_p256_public_from_private(pub, k), RP_P256_ERR_INPUT);
    k[31] -= 1; check_pub(k);
    k[31] -= 1; check_pub(k);
    memset(k, 0xff, 32);
    RP_CHECK_EQ(rp_p256_check_private(k), RP_P256_ERR_INPUT);
}

static void one_round(void)
{
    uint8_t priv[32], pub[65], want[65], hash[64], sig[64], peer_priv[32], peer_pub[65];
    uint8_t ours[32], theirs[32];
    size_t hlen = (size_t)(prng_next() % 65);   /* 0..64 bytes: truncation and padding */
    prng_fill(hash, sizeof hash);

    RP_CHECK_EQ(rp_p256_keygen(priv, pub, test_rng, NULL), RP_P256_OK);
    EC_KEY *key = ossl_key_from_priv(priv);
    ossl_pub(key, want);
    RP_CHECK_MEM(pub, want, 65);

    /* we sign, OpenSSL verifies; we verify our own; a flipped bit fails */
    RP_CHECK_EQ(rp_p256_sign(sig, priv, hash, hlen, test_rng, NULL), RP_P256_OK);
    RP_CHECK_EQ(ossl_verify(key, hash, hlen, sig), 1);
    RP_CHECK_EQ(rp_p256_verify(sig, pub, hash, hlen), RP_P256_OK);
    sig[prng_next() % 64] ^= (uint8_t)(1u << (prng_next() % 8));
    RP_CHECK(rp_p256_verify(sig, pub, hash, hlen) != RP_P256_OK);

    /* OpenSSL signs, we verify */
    ossl_sign(key, hash, hlen, sig);
    RP_CHECK_EQ(rp_p256_verify(sig, pub, hash, hlen), RP_P256_OK);
    if (hlen > 0) {
        hash[0] ^= 0x80;
        RP_CHECK_EQ(rp_p256_verify(sig, pub, hash, hlen), RP_P256_ERR_VERIFY);
    }

    /* ECDH both ways with an OpenSSL-generated peer */
    EC_KEY *peer = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1);
    EC_KEY_generate_key(peer);
    ossl_pub(peer, peer_pub);
    ossl_priv(peer, peer_priv);
    RP_CHECK_EQ(rp_p256_ecdh(ours, priv, peer_pub), RP_P256_OK);
    RP_CHECK_EQ(ECDH_compute_key(theirs, 32, EC_KEY_get0_public_key(key), peer, NULL), 32);
    RP_CHECK_MEM(ours, theirs, 32);
    RP_CHECK_EQ(rp_p256_ecdh(theirs, peer_priv, pub), RP_P256_OK);
    RP_CHECK_MEM(ours, theirs, 32);

    EC_KEY_free(peer);
    EC_KEY_free(key);
}

int main(int argc, char **argv)
{
    unsigned long iters = argc > 1 ? strtoul(argv[1], NULL, 0) : 100;
    prng_state = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x5eed2561ull;
    printf("p256 vs OpenSSL: %lu rounds, seed 0x%llx\n", iters,
           (unsigned long long)prng_state);
    group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
    edge_scalars();
    for (unsigned long i = 0; i < iters; i++)
        one_round();
    EC_GROUP_free(group);
    return rp_test_end("p256_openssl");
}
