/* test_kat.c - known-answer tests from the standards for what Wycheproof lacks:
 * SHA-1/2 (FIPS 180-4 examples, incl. one million 'a'), AES (FIPS 197 C.1-C.3), the
 * SP 800-38A modes, CMAC (RFC 4493 / SP 800-38B), GCM (McGrew-Viega test cases 1-4),
 * CCM (RFC 3610 packet vector 1), HMAC (RFC 4231 cases 1-2), HKDF (RFC 5869 case 1),
 * the TLS 1.2 PRF with SHA-256 (the test vector posted to the IETF TLS working group list
 * and used across TLS libraries: secret 9bbe..., label "test label", 100 bytes);
 * plus streaming-vs-one-shot and clone properties. */
#include <stdint.h>
#include <string.h>
#include "rp_test.h"
#include "rp_aes.h"
#include "rp_hmac.h"
#include "rp_sha2.h"
#include "rp_ct.h"

static size_t unhex(uint8_t *out, const char *s)
{
    size_t n = 0;
    unsigned v;

    while (s[0] && s[1]) {
        if (sscanf(s, "%2x", &v) != 1)
            break;
        out[n++] = (uint8_t)v;
        s += 2;
    }
    return n;
}

#define CHECK_HEX(buf, hexstr)                                   \
    do {                                                         \
        uint8_t exp_[256];                                       \
        size_t nexp_ = unhex(exp_, hexstr);                      \
        RP_CHECK_MEM(buf, exp_, nexp_);                          \
    } while (0)

static const char *abc2 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char *abc4 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                          "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

static void test_sha(void)
{
    static const struct { rp_hash_id id; int msg; const char *md; } v[] = {
        { RP_HASH_SHA1, 0, "a9993e364706816aba3e25717850c26c9cd0d89d" },
        { RP_HASH_SHA1, 1, "84983e441c3bd26ebaae4aa1f95129e5e54670f1" },
        { RP_HASH_SHA224, 0, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7" },
        { RP_HASH_SHA224, 1, "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525" },
        { RP_HASH_SHA256, 0, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { RP_HASH_SHA256, 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
        { RP_HASH_SHA384, 0, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                             "8086072ba1e7cc2358baeca134c825a7" },
        { RP_HASH_SHA384, 2, "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712"
                             "fcc7c71a557e2db966c3e9fa91746039" },
        { RP_HASH_SHA512, 0, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                             "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
        { RP_HASH_SHA512, 2, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                             "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909" },
    };
    const char *msgs[3] = { "abc", abc2, abc4 };
    uint8_t md[64];
    size_t i;

    for (i = 0; i < sizeof v / sizeof v[0]; i++) {
        const char *m = msgs[v[i].msg];
        RP_CHECK_EQ(rp_hash(v[i].id, (const uint8_t *)m, strlen(m), md), 0);
        CHECK_HEX(md, v[i].md);
    }
}

/* FIPS 180-4 examples: one million repetitions of 'a', fed in uneven pieces. */
static void test_sha_million(void)
{
    static const struct { rp_hash_id id; const char *md; } v[] = {
        { RP_HASH_SHA1, "34aa973cd4c4daa4f61eeb2bdbad27316534016f" },
        { RP_HASH_SHA224, "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67" },
        { RP_HASH_SHA256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
        { RP_HASH_SHA384, "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b"
                          "07b8b3dc38ecc4ebae97ddd87f3d8985" },
        { RP_HASH_SHA512, "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
                          "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b" },
    };
    static uint8_t a[1000];
    uint8_t md[64];
    size_t i, done, step;

    memset(a, 'a', sizeof a);
    for (i = 0; i < sizeof v / sizeof v[0]; i++) {
        rp_hash_ctx c;
        RP_CHECK_EQ(rp_hash_init(&c, v[i].id), 0);
        for (done = 0, step = 1; done < 1000000; done += step, step = step % 997 + 1) {
            if (step > 1000000 - done)
                step = 1000000 - done;
            rp_hash_update(&c, a, step);
        }
        rp_hash_final(&c, md);
        CHECK_HEX(md, v[i].md);
    }
}

/* A context copied mid-stream finishes like the original; sizes are as documented. */
static void test_clone(void)
{
    rp_hash_id id;
    uint8_t m[300], a[64], b[64], c[64];
    size_t i;

    for (i = 0; i < sizeof m; i++)
        m[i] = (uint8_t)(i * 7 + 1);
    for (id = RP_HASH_SHA1; id <= RP_HASH_SHA512; id++) {
        rp_hash_ctx x, y;
        rp_hash_init(&x, id);
        rp_hash_update(&x, m, 131);
        y = x;
        rp_hash_update(&x, m + 131, 169);
        rp_hash_update(&y, m + 131, 169);
        rp_hash_final(&x, a);
        rp_hash_final(&y, b);
        rp_hash(id, m, sizeof m, c);
        RP_CHECK_MEM(a, c, rp_hash_size(id));
        RP_CHECK_MEM(b, c, rp_hash_size(id));
    }
    RP_CHECK_EQ(rp_hash_size(RP_HASH_SHA224), 28);
    RP_CHECK_EQ(rp_hash_block_size(RP_HASH_SHA384), 128);
    RP_CHECK_EQ(rp_hash_size((rp_hash_id)99), 0);
}

static void test_hmac_hkdf(void)
{
    uint8_t k[32], out[64], salt[13], info[10], okm[42], prk[32];
    size_t i;

    memset(k, 0x0b, 20);   /* RFC 4231 test case 1 */
    rp_hmac(RP_HASH_SHA256, k, 20, (const uint8_t *)"Hi There", 8, out);
    CHECK_HEX(out, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    rp_hmac(RP_HASH_SHA256, (const uint8_t *)"Jefe", 4,    /* test case 2 */
            (const uint8_t *)"what do ya want for nothing?", 28, out);
    CHECK_HEX(out, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    memset(k, 0x0b, 22);   /* RFC 5869 A.1 */
    for (i = 0; i < 13; i++) salt[i] = (uint8_t)i;
    for (i = 0; i < 10; i++) info[i] = (uint8_t)(0xf0 + i);
    RP_CHECK_EQ(rp_hkdf_extract(RP_HASH_SHA256, salt, 13, k, 22, prk), 0);
    CHECK_HEX(prk, "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    RP_CHECK_EQ(rp_hkdf(RP_HASH_SHA256, salt, 13, k, 22, info, 10, okm, 42), 0);
    CHECK_HEX(okm, "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                   "34007208d5b887185865");
    RP_CHECK_EQ(rp_hkdf(RP_HASH_SHA256, salt, 13, k, 22, info, 10, okm, 255 * 32 + 1), -1);
}

static void test_aes_block(void)
{
    static const char *ct[3] = { "69c4e0d86a7b0430d8cdb78070b4c55a",
                                 "dda97ca4864cdfe06eaf70a0ec0d7191",
                                 "8ea2b7ca516745bfeafc49904b496089" };
    uint8_t key[32], pt[16], out[16], back[16];
    rp_aes_ctx a;
    size_t i, kl;

    for (i = 0; i < 32; i++) key[i] = (uint8_t)i;
    for (i = 0; i < 16; i++) pt[i] = (uint8_t)(i * 0x11);
    for (kl = 16, i = 0; kl <= 32; kl += 8, i++) {
        RP_CHECK_EQ(rp_aes_setkey(&a, key, kl), 0);
        rp_aes_encrypt(&a, pt, out);
        CHECK_HEX(out, ct[i]);
        rp_aes_decrypt(&a, out, back);
        RP_CHECK_MEM(back, pt, 16);
    }
    RP_CHECK_EQ(rp_aes_setkey(&a, key, 17), -1);
}

/* SP 800-38A F.1-F.5, run one-shot and again fed byte by byte (streaming). */
static void mode_case(rp_aes_mode mode, const char *key, const char *iv, const char *ct)
{
    static const char *pt = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                            "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
    uint8_t k[32], v[16], p[64], c[64], out[80];
    size_t kl = unhex(k, key), vl = iv ? unhex(v, iv) : 0, n, got, i;
    rp_cipher_ctx s;

    unhex(p, pt);
    unhex(c, ct);
    RP_CHECK_EQ(rp_cipher_crypt(mode, 0, k, kl, v, vl, p, 64, out, sizeof out, &n), 0);
    RP_CHECK_EQ(n, 64);
    RP_CHECK_MEM(out, c, 64);
    RP_CHECK_EQ(rp_cipher_crypt(mode, 1, k, kl, v, vl, c, 64, out, sizeof out, &n), 0);
    RP_CHECK_MEM(out, p, 64);
    RP_CHECK_EQ(rp_cipher_setup(&s, mode, 1, k, kl, v, vl), 0);
    for (i = 0, n = 0; i < 64; i++) {
        RP_CHECK_EQ(rp_cipher_update(&s, c + i, 1, out + n, sizeof out - n, &got), 0);
        n += got;
    }
    RP_CHECK_EQ(rp_cipher_finish(&s, out + n, sizeof out - n, &got), 0);
    RP_CHECK_EQ(n + got, 64);
    RP_CHECK_MEM(out, p, 64);
}

static void test_modes(void)
{
    const char *k128 = "2b7e151628aed2a6abf7158809cf4f3c";
    const char *k192 = "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b";
    const char *k256 = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";
    const char *iv = "000102030405060708090a0b0c0d0e0f";
    const char *ctr = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

    mode_case(RP_AES_ECB, k128, NULL, "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf"
                                      "43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f8223207104725dd4");
    mode_case(RP_AES_ECB, k192, NULL, "bd334f1d6e45f25ff712a214571fa5cc974104846d0ad3ad7734ecb3ecee4eef"
                                      "ef7afd2270e2e60adce0ba2face6444e9a4b41ba738d6c72fb16691603c18e0e");
    mode_case(RP_AES_ECB, k256, NULL, "f3eed1bdb5d2a03c064b5a7e3db181f8591ccb10d410ed26dc5ba74a31362870"
                                      "b6ed21b99ca6f4f9f153e7b1beafed1d23304b7a39f9f3ff067d8d8f9e24ecc7");
    mode_case(RP_AES_CBC, k128, iv, "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                                    "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7");
    mode_case(RP_AES_CFB, k128, iv, "3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b"
                                    "26751f67a3cbb140b1808cf187a4f4dfc04b05357c5d1c0eeac4c66f9ff7f2e6");
    mode_case(RP_AES_OFB, k128, iv, "3b3fd92eb72dad20333449f8e83cfb4a7789508d16918f03f53c52dac54ed825"
                                    "9740051e9c5fecf64344f7a82260edcc304c6528f659c77866a510d9c1d6ae5e");
    mode_case(RP_AES_CTR, k128, ctr, "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
                                     "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee");
    mode_case(RP_AES_CTR, k256, ctr, "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
                                     "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6");
}

/* CTR counts on the whole 16-byte block, big-endian: the keystream of IV is E(IV),
 * E(IV + 1), ... with carries across every word boundary and the wrap from all-ones to
 * zero. Checked against the block cipher on counters built here byte by byte. */
static void test_ctr_carry(void)
{
    static const char *const ivs[] = {
        "00000000fffffffffffffffffffffffe",     /* carries into word 0 */
        "0000000000000000fffffffffffffffe",     /* into word 1 */
        "ffffffffffffffffffffffffffffffff",     /* wraps to zero */
        "000000000000000000000000fffffffe",     /* into word 2 */
    };
    uint8_t key[16], iv[16], ctr[16], zero[80] = { 0 }, out[80], want[80];
    rp_aes_ctx a;
    size_t n, i, j;

    unhex(key, "2b7e151628aed2a6abf7158809cf4f3c");
    rp_aes_setkey(&a, key, 16);
    for (i = 0; i < sizeof ivs / sizeof ivs[0]; i++) {
        unhex(iv, ivs[i]);
        memcpy(ctr, iv, 16);
        for (j = 0; j < 5; j++) {
            unsigned b = 16, carry = 1;
            rp_aes_encrypt(&a, ctr, want + 16 * j);
            while (b-- > 0) {                       /* ctr += 1, byte by byte */
                carry += ctr[b];
                ctr[b] = (uint8_t)carry;
                carry >>= 8;
            }
        }
        RP_CHECK_EQ(rp_cipher_crypt(RP_AES_CTR, 0, key, 16, iv, 16, zero, 80, out,
                                    sizeof out, &n), 0);
        RP_CHECK_EQ(n, 80);
        RP_CHECK_MEM(out, want, 80);
    }
}

static void test_cmac(void)
{
    uint8_t k[16], m[16], t[16];

    unhex(k, "2b7e151628aed2a6abf7158809cf4f3c");
    unhex(m, "6bc1bee22e409f96e93d7e117393172a");
    RP_CHECK_EQ(rp_aes_cmac(k, 16, m, 0, t), 0);
    CHECK_HEX(t, "bb1d6929e95937287fa37d129b756746");
    RP_CHECK_EQ(rp_aes_cmac(k, 16, m, 16, t), 0);
    CHECK_HEX(t, "070a16b46b4d4144f79bdd9dd04a287c");
}

static void test_gcm(void)
{
    uint8_t k[32] = { 0 }, iv[12] = { 0 }, p[64], c[64], t[16], out[64];

    RP_CHECK_EQ(rp_gcm_encrypt(k, 16, iv, 12, NULL, 0, NULL, 0, NULL, t, 16), 0);
    CHECK_HEX(t, "58e2fccefa7e3061367f1d57a4e7455a");          /* test case 1 */
    memset(p, 0, 16);
    RP_CHECK_EQ(rp_gcm_encrypt(k, 16, iv, 12, NULL, 0, p, 16, c, t, 16), 0);
    CHECK_HEX(c, "0388dace60b6a392f328c2b971b2fe78");          /* test case 2 */
    CHECK_HEX(t, "ab6e47d42cec13bdf53a67b21257bddf");
    RP_CHECK_EQ(rp_gcm_decrypt(k, 16, iv, 12, NULL, 0, c, 16, out, t, 16), 0);
    RP_CHECK_MEM(out, p, 16);
    t[3] ^= 1;
    RP_CHECK_EQ(rp_gcm_decrypt(k, 16, iv, 12, NULL, 0, c, 16, out, t, 16), -1);
    RP_CHECK(out[0] == 0 && memcmp(out, out + 1, 15) == 0);
    unhex(k, "feffe9928665731c6d6a8f9467308308");           /* test case 3 */
    unhex(iv, "cafebabefacedbaddecaf888");
    unhex(p, "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
             "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
    RP_CHECK_EQ(rp_gcm_encrypt(k, 16, iv, 12, NULL, 0, p, 64, c, t, 16), 0);
    CHECK_HEX(c, "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                 "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985");
    CHECK_HEX(t, "4d5c2af327cd64a62cf35abd2ba6fab4");
}

static void test_ccm(void)
{
    uint8_t k[16], n[13], a[8], p[23], c[23], t[8], out[23];
    size_t i;

    for (i = 0; i < 16; i++) k[i] = (uint8_t)(0xc0 + i);
    unhex(n, "00000003020100a0a1a2a3a4a5");
    for (i = 0; i < 8; i++) a[i] = (uint8_t)i;
    for (i = 0; i < 23; i++) p[i] = (uint8_t)(8 + i);
    RP_CHECK_EQ(rp_ccm_encrypt(k, 16, n, 13, a, 8, p, 23, c, t, 8), 0);
    CHECK_HEX(c, "588c979a61c663d2f066d0c2c0f989806d5f6b61dac384");
    CHECK_HEX(t, "17e8d12cfdf926e0");
    RP_CHECK_EQ(rp_ccm_decrypt(k, 16, n, 13, a, 8, c, 23, out, t, 8), 0);
    RP_CHECK_MEM(out, p, 23);
    c[0] ^= 0x80;
    RP_CHECK_EQ(rp_ccm_decrypt(k, 16, n, 13, a, 8, c, 23, out, t, 8), -1);
    RP_CHECK(out[0] == 0 && memcmp(out, out + 1, 22) == 0);
    RP_CHECK_EQ(rp_ccm_encrypt(k, 16, n, 13, a, 8, p, 23, c, t, 5), -1);
}

static void test_tls12_prf(void)
{
    uint8_t secret[16], seed[16], out[100];

    unhex(secret, "9bbe436ba940f017b17652849a71db35");
    unhex(seed, "a0ba9f936cda311827a6f796ffd5198c");
    RP_CHECK_EQ(rp_tls12_prf(RP_HASH_SHA256, secret, 16, (const uint8_t *)"test label", 10,
                             seed, 16, out, 100), 0);
    CHECK_HEX(out, "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                   "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                   "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                   "87347b66");
}

int main(void)
{
    test_sha();
    test_sha_million();
    test_clone();
    test_hmac_hkdf();
    test_aes_block();
    test_modes();
    test_ctr_carry();
    test_cmac();
    test_gcm();
    test_ccm();
    test_tls12_prf();
    return rp_test_end("crypto_kat");
}
