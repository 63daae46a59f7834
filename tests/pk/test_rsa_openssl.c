/* test_rsa_openssl.c - RSA against OpenSSL's libcrypto, both directions, plus our key
 * generation and the DER round trips.
 * - OpenSSL generates a key; we import its RSAPrivateKey DER, re-export it byte for byte,
 *   sign (PKCS#1 v1.5, PSS) for OpenSSL to verify, verify OpenSSL's signatures, and
 *   encrypt/decrypt (OAEP, v1.5) in both directions.
 * - We generate a 2048-bit key; OpenSSL parses our DER and checks it (RSA_check_key), then
 *   the same sign/verify exchanges run with it. Its numbers are checked with OpenSSL's
 *   BIGNUMs against FIPS 186-4 B.3.1 / B.3.3: d e = 1 mod lcm(p-1, q-1), d < lcm,
 *   d > 2^1024, |p - q| > 2^924, p and q of 1024 bits and (our choice) = 3 mod 4.
 * Usage: test_rsa_openssl [rounds] */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "rp_rsa.h"
#include "rp_test.h"

static uint64_t state = 0x1234567ull;

static int test_rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        out[i] = (uint8_t)(state >> 56);
    }
    return 0;
}

static const EVP_MD *md_of(rp_hash_id id)
{
    return id == RP_HASH_SHA1 ? EVP_sha1() : id == RP_HASH_SHA384 ? EVP_sha384()
         : id == RP_HASH_SHA512 ? EVP_sha512() : EVP_sha256();
}

/* All exchanges with one key pair known to both sides. */
static void exchanges(RSA *ossl, const rp_rsa_private *priv, rp_hash_id id)
{
    const rp_rsa_public *pub = &priv->pub;
    size_t k = rp_rsa_bytes(pub), hl = rp_hash_size(id);
    uint8_t digest[64], sig[RP_RSA_MAX_BYTES], ct[RP_RSA_MAX_BYTES], pt[RP_RSA_MAX_BYTES];
    uint8_t em[RP_RSA_MAX_BYTES], msg[40];
    unsigned int sl = 0;
    size_t out_len = 0;
    int n;
    test_rng(NULL, digest, hl);
    test_rng(NULL, msg, sizeof msg);
    int nid = EVP_MD_type(md_of(id));

    /* PKCS#1 v1.5: ours -> OpenSSL, OpenSSL -> ours */
    RP_CHECK_EQ(rp_rsa_pkcs1_sign(priv, id, digest, sig, test_rng, NULL), RP_RSA_OK);
    RP_CHECK_EQ(RSA_verify(nid, digest, (unsigned)hl, sig, (unsigned)k, ossl), 1);
    RP_CHECK_EQ(RSA_sign(nid, digest, (unsigned)hl, sig, &sl, ossl), 1);
    RP_CHECK_EQ(rp_rsa_pkcs1_verify(pub, id, digest, sig, sl), RP_RSA_OK);
    sig[k / 2] ^= 1;
    RP_CHECK_EQ(rp_rsa_pkcs1_verify(pub, id, digest, sig, sl), RP_RSA_ERR_VERIFY);

    /* PSS with salt = hash length */
    RP_CHECK_EQ(rp_rsa_pss_sign(priv, id, digest, hl, sig, test_rng, NULL), RP_RSA_OK);
    RP_CHECK_EQ(RSA_public_decrypt((int)k, sig, em, ossl, RSA_NO_PADDING), (int)k);
    RP_CHECK_EQ(RSA_verify_PKCS1_PSS(ossl, digest, md_of(id), em, (int)hl), 1);
    RP_CHECK_EQ(RSA_padding_add_PKCS1_PSS(ossl, em, digest, md_of(id), (int)hl), 1);
    RP_CHECK_EQ(RSA_private_encrypt((int)k, em, sig, ossl, RSA_NO_PADDING), (int)k);
    RP_CHECK_EQ(rp_rsa_pss_verify(pub, id, digest, hl, sig, k), RP_RSA_OK);
    RP_CHECK_EQ(rp_rsa_pss_verify(pub, id, digest, RP_RSA_PSS_ANY_SALT, sig, k), RP_RSA_OK);
    RP_CHECK_EQ(rp_rsa_pss_verify(pub, id, digest, hl + 1, sig, k), RP_RSA_ERR_VERIFY);

    /* OAEP (SHA-1, OpenSSL's RSA_PKCS1_OAEP_PADDING) and v1.5 encryption, both ways */
    RP_CHECK_EQ(rp_rsa_oaep_encrypt(pub, RP_HASH_SHA1, NULL, 0, msg, sizeof msg, ct, test_rng, NULL), RP_RSA_OK);
    n = RSA_private_decrypt((int)k, ct, pt, ossl, RSA_PKCS1_OAEP_PADDING);
    RP_CHECK(n == (int)sizeof msg && memcmp(pt, msg, sizeof msg) == 0);
    RP_CHECK_EQ(RSA_public_encrypt((int)sizeof msg, msg, ct, ossl, RSA_PKCS1_OAEP_PADDING), (int)k);
    RP_CHECK_EQ(rp_rsa_oaep_decrypt(priv, RP_HASH_SHA1, NULL, 0, ct, k, pt, sizeof pt, &out_len, test_rng, NULL), RP_RSA_OK);
    RP_CHECK(out_len == sizeof msg && memcmp(pt, msg, sizeof msg) == 0);
    ct[3] ^= 0x40;
    RP_CHECK_EQ(rp_rsa_oaep_decrypt(priv, RP_HASH_SHA1, NULL, 0, ct, k, pt, sizeof pt, &out_len, test_rng, NULL), RP_RSA_ERR_DECRYPT);
    RP_CHECK_EQ(rp_rsa_pkcs1_encrypt(pub, msg, sizeof msg, ct, test_rng, NULL), RP_RSA_OK);
    n = RSA_private_decrypt((int)k, ct, pt, ossl, RSA_PKCS1_PADDING);
    RP_CHECK(n == (int)sizeof msg && memcmp(pt, msg, sizeof msg) == 0);
    RP_CHECK_EQ(RSA_public_encrypt((int)sizeof msg, msg, ct, ossl, RSA_PKCS1_PADDING), (int)k);
    RP_CHECK_EQ(rp_rsa_pkcs1_decrypt(priv, ct, k, pt, sizeof pt, &out_len, test_rng, NULL), RP_RSA_OK);
    RP_CHECK(out_len == sizeof msg && memcmp(pt, msg, sizeof msg) == 0);
}

/* OpenSSL key -> our import, byte-identical re-export, exchanges. */
static void openssl_key(int bits, rp_hash_id id)
{
    RSA *r = RSA_new();
    BIGNUM *e = BN_new();
    BN_set_word(e, 65537);
    RP_CHECK_EQ(RSA_generate_key_ex(r, bits, e, NULL), 1);
    uint8_t *der = NULL, out[2600];
    int len = i2d_RSAPrivateKey(r, &der);
    static rp_rsa_private priv;
    size_t out_len = 0;
    RP_CHECK_EQ(rp_rsa_private_import(&priv, der, (size_t)len), RP_RSA_OK);
    RP_CHECK_EQ(rp_rsa_private_export(&priv, out, sizeof out, &out_len), RP_RSA_OK);
    RP_CHECK(out_len == (size_t)len && memcmp(out, der, out_len) == 0);
    OPENSSL_free(der);
    der = NULL;
    len = i2d_RSAPublicKey(r, &der);
    rp_rsa_public pub;
    RP_CHECK_EQ(rp_rsa_public_import(&pub, der, (size_t)len), RP_RSA_OK);
    RP_CHECK_EQ(rp_rsa_public_export(&pub, out, sizeof out, &out_len), RP_RSA_OK);
    RP_CHECK(out_len == (size_t)len && memcmp(out, der, out_len) == 0);
    RP_CHECK_EQ(rp_rsa_public_import(&pub, der, (size_t)len - 1), RP_RSA_ERR_INPUT);
    OPENSSL_free(der);
    exchanges(r, &priv, id);
    BN_free(e);
    RSA_free(r);
}

/* The FIPS 186-4 properties of a generated 2048-bit key, computed by OpenSSL. */
static void fips_checks(const RSA *r)
{
    const BIGNUM *n, *e, *d, *p, *q;
    BN_CTX *ctx = BN_CTX_new();
    BIGNUM *pm1 = BN_new(), *qm1 = BN_new(), *g = BN_new(), *phi = BN_new();
    BIGNUM *lcm = BN_new(), *t = BN_new();
    RSA_get0_key(r, &n, &e, &d);
    RSA_get0_factors(r, &p, &q);
    RP_CHECK(ctx && pm1 && qm1 && g && phi && lcm && t);
    RP_CHECK(BN_sub(pm1, p, BN_value_one()) && BN_sub(qm1, q, BN_value_one()));
    RP_CHECK(BN_gcd(g, pm1, qm1, ctx) && BN_mul(phi, pm1, qm1, ctx) &&
             BN_div(lcm, NULL, phi, g, ctx));
    RP_CHECK(BN_mod_mul(t, d, e, lcm, ctx));
    RP_CHECK(BN_is_one(t));                  /* d e = 1 mod lcm(p-1, q-1) */
    RP_CHECK(BN_cmp(d, lcm) < 0);            /* d < lcm: not the (p-1)(q-1) inverse */
    RP_CHECK(BN_num_bits(d) > 1024);         /* B.3.1 criterion 3a */
    RP_CHECK(BN_num_bits(p) == 1024 && BN_num_bits(q) == 1024 && BN_num_bits(n) == 2048);
    RP_CHECK(BN_mod_word(p, 4) == 3 && BN_mod_word(q, 4) == 3);
    RP_CHECK(BN_sub(t, p, q));
    BN_set_negative(t, 0);
    RP_CHECK(BN_num_bits(t) > 924);          /* B.3.3 step 5.4: |p - q| > 2^(1024-100) */
    BN_free(pm1);
    BN_free(qm1);
    BN_free(g);
    BN_free(phi);
    BN_free(lcm);
    BN_free(t);
    BN_CTX_free(ctx);
}

/* Our key generation -> OpenSSL's checks and exchanges. */
static void our_key(void)
{
    static rp_rsa_private priv;
    uint8_t der[2600];
    size_t len = 0;
    RP_CHECK_EQ(rp_rsa_keygen(&priv, 1024, test_rng, NULL), RP_RSA_ERR_INPUT);
    RP_CHECK_EQ(rp_rsa_keygen(&priv, 2048, test_rng, NULL), RP_RSA_OK);
    RP_CHECK_EQ(priv.pub.bits, 2048);
    RP_CHECK_EQ(rp_rsa_private_export(&priv, der, sizeof der, &len), RP_RSA_OK);
    const uint8_t *p = der;
    RSA *r = d2i_RSAPrivateKey(NULL, &p, (long)len);
    RP_CHECK(r != NULL);
    if (!r)
        return;
    RP_CHECK_EQ(RSA_check_key(r), 1);
    fips_checks(r);
    exchanges(r, &priv, RP_HASH_SHA256);
    RSA_free(r);
}

int main(int argc, char **argv)
{
    unsigned rounds = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 1;
    our_key();
    for (unsigned i = 0; i < rounds; i++) {
        if (i > 0 && i % 4 == 0)
            our_key();                       /* the long run: more generated keys */
        openssl_key(2048, RP_HASH_SHA256);
        openssl_key(1024, RP_HASH_SHA1);
        openssl_key(3072, RP_HASH_SHA384);
        if (i == 0)
            openssl_key(4096, RP_HASH_SHA512);
    }
    return rp_test_end("rsa_openssl");
}
