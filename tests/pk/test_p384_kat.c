/* test_p384_kat.c - P-384 known answers and input validation: RFC 6979 A.2.6 (SHA-384,
 * "sample" and "test"), RFC 5903 8.2 (ECDH), SEC 2 G and (n-1)G = -G, rejections, and a
 * differential against OpenSSL when built with it (P384_WITH_OPENSSL). */
#include "rp_p384.h"
#include "rp_sha2.h"
#include "rp_test.h"

#ifdef P384_WITH_OPENSSL
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdh.h>
#include <openssl/ecdsa.h>
#include <openssl/obj_mac.h>
#endif

static void unhex(uint8_t *out, const char *hex)
{
    for (size_t i = 0; hex[2 * i]; i++) {
        unsigned v;
        sscanf(hex + 2 * i, "%2x", &v);
        out[i] = (uint8_t)v;
    }
}

static const char *N =
    "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973";
static const char *GX =
    "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7";
static const char *GY =
    "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f";

static void rfc6979(void)
{
    static const struct {
        const char *msg, *r, *s;
    } v[] = {
        { "sample",
          "94edbb92a5ecb8aad4736e56c691916b3f88140666ce9fa73d64c4ea95ad133c81a648152e44acf96e36dd1e80fabe46",
          "99ef4aeb15f178cea1fe40db2603138f130e740a19624526203b6351d0a3a94fa329c145786e679e7b82c71a38628ac8" },
        { "test",
          "8203b63d3c853e8d77227fb377bcf7b7b772e97892a80f36ab775d509d7a5feb0542a7f0812998da8f1dd3ca3cf023db",
          "ddd0760448d42d8a43af45af836fce4de8be06b485e9b61b827c2f13173923e06a739f040649a667bf3b828246baa5a5" },
    };
    uint8_t d[48], pub[97], want[97], hash[48], sig[96], want_sig[96];
    unhex(d, "6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d896d5724e4c70a825f872c9ea60d2edf5");
    want[0] = 0x04;
    unhex(want + 1, "ec3a4e415b4e19a4568618029f427fa5da9a8bc4ae92e02e06aae5286b300c64def8f0ea9055866064a254515480bc13");
    unhex(want + 49, "8015d9b72d7d57244ea8ef9ac0c621896708a59367f9dfb9f54ca84b3f1c9db1288b231c3ae0d4fe7344fd2533264720");
    RP_CHECK_EQ(rp_p384_public_from_private(pub, d), RP_P384_OK);
    RP_CHECK_MEM(pub, want, 97);
    for (size_t i = 0; i < 2; i++) {
        rp_sha384((const uint8_t *)v[i].msg, strlen(v[i].msg), hash);
        unhex(want_sig, v[i].r);
        unhex(want_sig + 48, v[i].s);
        RP_CHECK_EQ(rp_p384_sign_det(sig, d, hash, 48), RP_P384_OK);
        RP_CHECK_MEM(sig, want_sig, 96);
        RP_CHECK_EQ(rp_p384_verify(sig, pub, hash, 48), RP_P384_OK);
        sig[50] ^= 4;
        RP_CHECK_EQ(rp_p384_verify(sig, pub, hash, 48), RP_P384_ERR_VERIFY);
    }
}

static void rfc5903(void)
{
    uint8_t i[48], r[48], gi[97], gr[97], want[97], z[48], girx[48];
    unhex(i, "099f3c7034d4a2c699884d73a375a67f7624ef7c6b3c0f160647b67414dce655e35b538041e649ee3faef896783ab194");
    unhex(r, "41cb0779b4bdb85d47846725fbec3c9430fab46cc8dc5060855cc9bda0aa2942e0308312916b8ed2960e4bd55a7448fc");
    unhex(girx, "11187331c279962d93d604243fd592cb9d0a926f422e47187521287e7156c5c4d603135569b9e9d09cf5d4a270f59746");
    RP_CHECK_EQ(rp_p384_public_from_private(gi, i), RP_P384_OK);
    RP_CHECK_EQ(rp_p384_public_from_private(gr, r), RP_P384_OK);
    want[0] = 0x04;
    unhex(want + 1, "667842d7d180ac2cde6f74f37551f55755c7645c20ef73e31634fe72b4c55ee6de3ac808acb4bdb4c88732aee95f41aa");
    unhex(want + 49, "9482ed1fc0eeb9cafc4984625ccfc23f65032149e0e144ada024181535a0f38eeb9fcff3c2c947dae69b4c634573a81c");
    RP_CHECK_MEM(gi, want, 97);
    unhex(want + 1, "e558dbef53eecde3d3fccfc1aea08a89a987475d12fd950d83cfa41732bc509d0d1ac43a0336def96fda41d0774a3571");
    unhex(want + 49, "dcfbec7aacf3196472169e838430367f66eebe3c6e70c416dd5f0c68759dd1fff83fa40142209dff5eaad96db9e6386c");
    RP_CHECK_MEM(gr, want, 97);
    RP_CHECK_EQ(rp_p384_ecdh(z, i, gr), RP_P384_OK);
    RP_CHECK_MEM(z, girx, 48);
    RP_CHECK_EQ(rp_p384_ecdh(z, r, gi), RP_P384_OK);
    RP_CHECK_MEM(z, girx, 48);
}

static int rng_counter(void *ctx, uint8_t *out, size_t n)
{
    uint32_t *c = ctx;
    for (size_t i = 0; i < n; i++) {
        *c = *c * 1103515245u + 12345u;
        out[i] = (uint8_t)(*c >> 16);
    }
    return 0;
}

static int rng_fail(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    (void)out;
    (void)n;
    return -1;
}

static void generator_and_rejections(void)
{
    uint8_t k[48] = { 0 }, pub[97], want[97], sig[96], hash[48] = { 9 }, z[48];
    uint32_t ctr = 5;
    want[0] = 0x04;
    unhex(want + 1, GX);
    unhex(want + 49, GY);
    k[47] = 1;
    RP_CHECK_EQ(rp_p384_public_from_private(pub, k), RP_P384_OK);
    RP_CHECK_MEM(pub, want, 97);
    unhex(k, N);
    RP_CHECK_EQ(rp_p384_check_private(k), RP_P384_ERR_INPUT);
    k[47] -= 1;                              /* n - 1: -G, same x */
    RP_CHECK_EQ(rp_p384_public_from_private(pub, k), RP_P384_OK);
    RP_CHECK_MEM(pub + 1, want + 1, 48);
    RP_CHECK(memcmp(pub + 49, want + 49, 48) != 0);
    memset(k, 0, 48);
    RP_CHECK_EQ(rp_p384_check_private(k), RP_P384_ERR_INPUT);
    RP_CHECK_EQ(rp_p384_ecdh(z, k, want), RP_P384_ERR_INPUT);

    uint8_t d[48];
    RP_CHECK_EQ(rp_p384_keygen(d, pub, rng_counter, &ctr), RP_P384_OK);
    RP_CHECK_EQ(rp_p384_keygen(k, want, rng_fail, NULL), RP_P384_ERR_RNG);
    RP_CHECK_EQ(rp_p384_sign(sig, d, hash, 48, rng_counter, &ctr), RP_P384_OK);
    RP_CHECK_EQ(rp_p384_verify(sig, pub, hash, 48), RP_P384_OK);
    RP_CHECK_EQ(rp_p384_verify(sig, pub, hash, 47), RP_P384_ERR_VERIFY);
    pub[96] ^= 1;
    RP_CHECK_EQ(rp_p384_check_public(pub), RP_P384_ERR_INPUT);
    RP_CHECK_EQ(rp_p384_verify(sig, pub, hash, 48), RP_P384_ERR_INPUT);
    pub[96] ^= 1;
    pub[0] = 0x03;
    RP_CHECK_EQ(rp_p384_check_public(pub), RP_P384_ERR_INPUT);
    pub[0] = 0x04;
    memset(sig, 0, 48);
    RP_CHECK_EQ(rp_p384_verify(sig, pub, hash, 48), RP_P384_ERR_INPUT);
    RP_CHECK_EQ(rp_p384_sign_det(sig, d, hash, 47), RP_P384_ERR_INPUT);
}

#ifdef P384_WITH_OPENSSL
/* We sign / OpenSSL verifies, OpenSSL signs / we verify, ECDH both ways. */
static void openssl_rounds(unsigned rounds)
{
    EC_GROUP *group = EC_GROUP_new_by_curve_name(NID_secp384r1);
    uint32_t ctr = 77;
    for (unsigned it = 0; it < rounds; it++) {
        uint8_t d[48], pub[97], hash[64], sig[96], peer_pub[97], peer_d[48], z1[48], z2[48];
        size_t hlen = 1 + it % 64;
        rng_counter(&ctr, hash, sizeof hash);
        RP_CHECK_EQ(rp_p384_keygen(d, pub, rng_counter, &ctr), RP_P384_OK);
        EC_KEY *key = EC_KEY_new_by_curve_name(NID_secp384r1);
        BIGNUM *bd = BN_bin2bn(d, 48, NULL);
        EC_POINT *q = EC_POINT_new(group);
        EC_POINT_mul(group, q, bd, NULL, NULL, NULL);
        EC_KEY_set_private_key(key, bd);
        EC_KEY_set_public_key(key, q);
        uint8_t want[97];
        EC_POINT_point2oct(group, q, POINT_CONVERSION_UNCOMPRESSED, want, 97, NULL);
        RP_CHECK_MEM(pub, want, 97);
        RP_CHECK_EQ(rp_p384_sign(sig, d, hash, hlen, rng_counter, &ctr), RP_P384_OK);
        ECDSA_SIG *s = ECDSA_SIG_new();
        ECDSA_SIG_set0(s, BN_bin2bn(sig, 48, NULL), BN_bin2bn(sig + 48, 48, NULL));
        RP_CHECK_EQ(ECDSA_do_verify(hash, (int)hlen, s, key), 1);
        ECDSA_SIG_free(s);
        s = ECDSA_do_sign(hash, (int)hlen, key);
        const BIGNUM *r, *sv;
        ECDSA_SIG_get0(s, &r, &sv);
        BN_bn2binpad(r, sig, 48);
        BN_bn2binpad(sv, sig + 48, 48);
        ECDSA_SIG_free(s);
        RP_CHECK_EQ(rp_p384_verify(sig, pub, hash, hlen), RP_P384_OK);
        EC_KEY *peer = EC_KEY_new_by_curve_name(NID_secp384r1);
        EC_KEY_generate_key(peer);
        EC_POINT_point2oct(group, EC_KEY_get0_public_key(peer), POINT_CONVERSION_UNCOMPRESSED,
                           peer_pub, 97, NULL);
        BN_bn2binpad(EC_KEY_get0_private_key(peer), peer_d, 48);
        RP_CHECK_EQ(rp_p384_ecdh(z1, d, peer_pub), RP_P384_OK);
        RP_CHECK_EQ(ECDH_compute_key(z2, 48, q, peer, NULL), 48);
        RP_CHECK_MEM(z1, z2, 48);
        RP_CHECK_EQ(rp_p384_ecdh(z2, peer_d, pub), RP_P384_OK);
        RP_CHECK_MEM(z1, z2, 48);
        EC_KEY_free(peer);
        EC_POINT_free(q);
        BN_free(bd);
        EC_KEY_free(key);
    }
    EC_GROUP_free(group);
}
#endif

int main(int argc, char **argv)
{
    rfc6979();
    rfc5903();
    generator_and_rejections();
#ifdef P384_WITH_OPENSSL
    openssl_rounds(argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 10);
#else
    (void)argc;
    (void)argv;
#endif
    return rp_test_end("p384_kat");
}
