/* test_p256_kat.c - P-256 known answers from the standards, and input validation.
 *
 * RFC 6979 A.2.5 (deterministic ECDSA, SHA-256, "sample" and "test"), RFC 5903 8.1 (ECDH),
 * SEC 2 2.4.2 (G, and (n-1)G = -G), then every rejection path of the API.
 */
#include "rp_der.h"
#include "rp_p256.h"
#include "rp_sha2.h"
#include "rp_test.h"

static void unhex(uint8_t *out, const char *hex)
{
    for (size_t i = 0; hex[2 * i]; i++) {
        unsigned v;
        sscanf(hex + 2 * i, "%2x", &v);
        out[i] = (uint8_t)v;
    }
}

/* SEC 2 2.4.2 */
static const char *GX = "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";
static const char *GY = "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";
static const char *NEG_GY = "b01cbd1c01e58065711814b583f061e9d431cca994cea1313449bf97c840ae0a";
static const char *N = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
static const char *P = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";

static void rfc6979(void)
{
    static const struct {
        const char *msg, *r, *s;
    } v[] = {
        { "sample", "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716",
          "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8" },
        { "test", "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367",
          "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083" },
    };
    uint8_t d[32], pub[65], want[65], hash[32], sig[64], want_sig[64];
    unhex(d, "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
    want[0] = 0x04;
    unhex(want + 1, "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6");
    unhex(want + 33, "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");
    RP_CHECK_EQ(rp_p256_public_from_private(pub, d), RP_P256_OK);
    RP_CHECK_MEM(pub, want, 65);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        rp_sha256((const uint8_t *)v[i].msg, strlen(v[i].msg), hash);
        unhex(want_sig, v[i].r);
        unhex(want_sig + 32, v[i].s);
        RP_CHECK_EQ(rp_p256_sign_det(sig, d, hash, 32), RP_P256_OK);
        RP_CHECK_MEM(sig, want_sig, 64);
        RP_CHECK_EQ(rp_p256_verify(sig, pub, hash, 32), RP_P256_OK);
    }
    /* other hash lengths: deterministic, and they verify */
    uint8_t hash64[64], sig2[64];
    rp_sha512((const uint8_t *)"sample", 6, hash64);
    static const size_t lens[] = { 20, 28, 48, 64 };
    for (size_t i = 0; i < 4; i++) {
        RP_CHECK_EQ(rp_p256_sign_det(sig, d, hash64, lens[i]), RP_P256_OK);
        RP_CHECK_EQ(rp_p256_sign_det(sig2, d, hash64, lens[i]), RP_P256_OK);
        RP_CHECK_MEM(sig, sig2, 64);
        RP_CHECK_EQ(rp_p256_verify(sig, pub, hash64, lens[i]), RP_P256_OK);
    }
    RP_CHECK_EQ(rp_p256_sign_det(sig, d, hash64, 33), RP_P256_ERR_INPUT);
}

static void rfc5903(void)
{
    uint8_t i[32], r[32], gi[65], gr[65], want[65], z[32], girx[32];
    unhex(i, "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433");
    unhex(r, "c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53");
    unhex(girx, "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de");
    RP_CHECK_EQ(rp_p256_public_from_private(gi, i), RP_P256_OK);
    RP_CHECK_EQ(rp_p256_public_from_private(gr, r), RP_P256_OK);
    want[0] = 0x04;
    unhex(want + 1, "dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180");
    unhex(want + 33, "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3");
    RP_CHECK_MEM(gi, want, 65);
    unhex(want + 1, "d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63");
    unhex(want + 33, "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab");
    RP_CHECK_MEM(gr, want, 65);
    RP_CHECK_EQ(rp_p256_ecdh(z, i, gr), RP_P256_OK);
    RP_CHECK_MEM(z, girx, 32);
    RP_CHECK_EQ(rp_p256_ecdh(z, r, gi), RP_P256_OK);
    RP_CHECK_MEM(z, girx, 32);
}

static void sec2_generator(void)
{
    uint8_t k[32] = { 0 }, pub[65], want[65];
    want[0] = 0x04;
    unhex(want + 1, GX);
    unhex(want + 33, GY);
    k[31] = 1;
    RP_CHECK_EQ(rp_p256_public_from_private(pub, k), RP_P256_OK);
    RP_CHECK_MEM(pub, want, 65);
    RP_CHECK_EQ(rp_p256_check_public(want), RP_P256_OK);
    unhex(k, N);
    k[31] -= 1;
    unhex(want + 33, NEG_GY);
    RP_CHECK_EQ(rp_p256_public_from_private(pub, k), RP_P256_OK);
    RP_CHECK_MEM(pub, want, 65);
}

static int rng_fail(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    memset(out, 0xa5, n);
    return -1;
}

static int rng_all_ones(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    memset(out, 0xff, n);                    /* always >= n: always rejected */
    return 0;
}

static int rng_counter(void *ctx, uint8_t *out, size_t n)
{
    uint8_t *c = ctx;
    for (size_t i = 0; i < n; i++)
        out[i] = (uint8_t)(*c + 7 * i);
    (*c)++;
    return 0;
}

static void rejections(void)
{
    uint8_t d[32], pub[65], bad[65], sig[64], hash[32] = { 1, 2, 3 }, z[32];
    uint8_t ctr = 1;
    RP_CHECK_EQ(rp_p256_keygen(d, pub, rng_counter, &ctr), RP_P256_OK);
    RP_CHECK_EQ(rp_p256_check_private(d), RP_P256_OK);
    RP_CHECK_EQ(rp_p256_check_public(pub), RP_P256_OK);
    RP_CHECK_EQ(rp_p256_sign(sig, d, hash, 32, rng_counter, &ctr), RP_P256_OK);
    RP_CHECK_EQ(rp_p256_verify(sig, pub, hash, 32), RP_P256_OK);

    /* randomness failures */
    uint8_t d2[32];
    RP_CHECK_EQ(rp_p256_keygen(d2, bad, rng_fail, NULL), RP_P256_ERR_RNG);
    RP_CHECK_EQ(d2[0] | d2[17] | d2[31], 0);   /* no half-made key left behind */
    RP_CHECK_EQ(rp_p256_keygen(d2, bad, rng_all_ones, NULL), RP_P256_ERR_RNG);
    RP_CHECK_EQ(rp_p256_sign(sig, d, hash, 32, rng_fail, NULL), RP_P256_ERR_RNG);
    RP_CHECK_EQ(rp_p256_sign(sig, d, hash, 32, rng_all_ones, NULL), RP_P256_ERR_RNG);

    /* public keys: wrong prefix, x or y >= p, off the curve, infinity encodings */
    memcpy(bad, pub, 65);
    bad[0] = 0x02;
    RP_CHECK_EQ(rp_p256_check_public(bad), RP_P256_ERR_INPUT);
    RP_CHECK_EQ(rp_p256_ecdh(z, d, bad), RP_P256_ERR_INPUT);
    memcpy(bad, pub, 65);
    bad[64] ^= 1;
    RP_CHECK_EQ(rp_p256_check_public(bad), RP_P256_ERR_INPUT);
    RP_CHECK_EQ(rp_p256_verify(sig, bad, hash, 32), RP_P256_ERR_INPUT);
    memset(bad, 0, 65);
    bad[0] = 0x04;
    RP_CHECK_EQ(rp_p256_check_public(bad), RP_P256_ERR_INPUT);
    unhex(bad + 1, P);                       /* x = p (G's x + p would alias) */
    unhex(bad + 33, GY);
    RP_CHECK_EQ(rp_p256_check_public(bad), RP_P256_ERR_INPUT);
    bad[0] = 0x04;
    unhex(bad + 1, GX);
    unhex(bad + 33, P);
    RP_CHECK_EQ(rp_p256_check_public(bad), RP_P256_ERR_INPUT);

    /* private keys: 0, n, n + 1, all ones */
    uint8_t k[32] = { 0 };
    RP_CHECK_EQ(rp_p256_check_private(k), RP_P256_ERR_INPUT);
    RP_CHECK_EQ(rp_p256_ecdh(z, k, pub), RP_P256_ERR_INPUT);
    RP_CHECK_EQ(rp_p256_sign(sig, k, hash, 32, rng_counter, &ctr), RP_P256_ERR_INPUT);
    RP_CHECK_EQ(rp_p256_sign_det(sig, k, hash, 32), RP_P256_ERR_INPUT);
    unhex(k, N);
    RP_CHECK_EQ(rp_p256_check_private(k), RP_P256_ERR_INPUT);
    RP_CHECK_EQ(rp_p256_public_from_private(bad, k), RP_P256_ERR_INPUT);
    k[31]++;
    RP_CHECK_EQ(rp_p256_check_private(k), RP_P256_ERR_INPUT);

    /* signatures: r or s = 0 or n */
    RP_CHECK_EQ(rp_p256_sign(sig, d, hash, 32, rng_counter, &ctr), RP_P256_OK);
    uint8_t s2[64];
    memcpy(s2, sig, 64);
    memset(s2, 0, 32);
    RP_CHECK_EQ(rp_p256_verify(s2, pub, hash, 32), RP_P256_ERR_INPUT);
    memcpy(s2, sig, 64);
    memset(s2 + 32, 0, 32);
    RP_CHECK_EQ(rp_p256_verify(s2, pub, hash, 32), RP_P256_ERR_INPUT);
    memcpy(s2, sig, 64);
    unhex(s2, N);
    RP_CHECK_EQ(rp_p256_verify(s2, pub, hash, 32), RP_P256_ERR_INPUT);
    memcpy(s2, sig, 64);
    unhex(s2 + 32, N);
    RP_CHECK_EQ(rp_p256_verify(s2, pub, hash, 32), RP_P256_ERR_INPUT);
    /* swapped r and s, other key, other hash */
    memcpy(s2, sig + 32, 32);
    memcpy(s2 + 32, sig, 32);
    RP_CHECK_EQ(rp_p256_verify(s2, pub, hash, 32), RP_P256_ERR_VERIFY);
    hash[5] ^= 1;
    RP_CHECK_EQ(rp_p256_verify(sig, pub, hash, 32), RP_P256_ERR_VERIFY);
    /* hash of length 0 is the integer 0: sign and verify still work */
    RP_CHECK_EQ(rp_p256_sign(sig, d, NULL, 0, rng_counter, &ctr), RP_P256_OK);
    RP_CHECK_EQ(rp_p256_verify(sig, pub, NULL, 0), RP_P256_OK);
}

static void der(void)
{
    uint8_t rs[64], back[64], enc[80];
    size_t len;
    /* r with the top bit set gets a 00 sign byte, small s is shortened */
    memset(rs, 0, 64);
    rs[0] = 0x80;
    rs[31] = 1;
    rs[63] = 0x7f;
    RP_CHECK_EQ(rp_der_ecdsa_sig_write(enc, sizeof enc, &len, rs, 32), RP_DER_OK);
    RP_CHECK_EQ(len, 2 + 2 + 33 + 2 + 1);
    RP_CHECK_EQ(enc[0], 0x30);
    RP_CHECK_EQ(enc[4], 0x00);
    RP_CHECK_EQ(rp_der_ecdsa_sig_parse(back, 32, enc, len), RP_DER_OK);
    RP_CHECK_MEM(back, rs, 64);
    RP_CHECK_EQ(rp_der_ecdsa_sig_write(enc, 10, &len, rs, 32), RP_DER_ERR_BUFFER);
    /* BER-isms rejected */
    static const char *bad[] = {
        "3006020101020101" "00",               /* trailing byte */
        "30070201010202000101",                /* wrong length */
        "3008020200010202 0001",               /* non-minimal */
        "30060201ff020101",                    /* negative */
        "3081060201010201 01",                 /* long form below 128 */
        "3006020101030101",                    /* wrong tag */
        "300602000201 01",                     /* empty integer */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char clean[64];
        size_t n = 0;
        for (const char *c = bad[i]; *c; c++)
            if (*c != ' ')
                clean[n++] = *c;
        clean[n] = 0;
        uint8_t buf[32];
        unhex(buf, clean);
        RP_CHECK(rp_der_ecdsa_sig_parse(back, 32, buf, n / 2) != RP_DER_OK);
    }
    uint8_t ok[8];
    unhex(ok, "3006020101020102");
    RP_CHECK_EQ(rp_der_ecdsa_sig_parse(back, 32, ok, 8), RP_DER_OK);
    RP_CHECK_EQ(back[31], 1);
    RP_CHECK_EQ(back[63], 2);
}

int main(void)
{
    rfc6979();
    rfc5903();
    sec2_generator();
    rejections();
    der();
    return rp_test_end("p256_kat");
}
