/* test_openssl.c - differential test against OpenSSL's libcrypto (an independent
 * implementation): random keys, lengths and data for every symmetric primitive, one-shot
 * and multipart with random split points, plus tamper checks for the AEADs.
 * Usage: test_openssl <rounds> <seed>. Prints the number of cases per primitive. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include "rp_test.h"
#include "rp_aes.h"
#include "rp_chachapoly.h"
#include "rp_hmac.h"
#include "rp_sha2.h"

static uint64_t rng_state;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

static size_t upto(size_t n) { return n ? rnd() % (n + 1) : 0; }

static void fill(uint8_t *p, size_t n)
{
    while (n--)
        *p++ = (uint8_t)rnd();
}

enum { C_HASH, C_HMAC, C_HKDF, C_PBKDF2, C_PRF, C_MODES, C_CMAC, C_GCM, C_CCM, C_CHACHA, C_N };
static const char *names[C_N] = { "hash", "hmac", "hkdf", "pbkdf2", "tls12-prf", "aes-modes",
                                  "cmac", "gcm", "ccm", "chacha20-poly1305" };
static unsigned long cases[C_N];

static const EVP_MD *md_of(rp_hash_id id)
{
    switch (id) {
    case RP_HASH_SHA1: return EVP_sha1();
    case RP_HASH_SHA224: return EVP_sha224();
    case RP_HASH_SHA256: return EVP_sha256();
    case RP_HASH_SHA384: return EVP_sha384();
    default: return EVP_sha512();
    }
}

static rp_hash_id rnd_hash(void) { return (rp_hash_id)(RP_HASH_SHA1 + rnd() % 5); }

#define MAXM 1200
static uint8_t msg[MAXM], a1[MAXM + 32], a2[MAXM + 32], key[256], iv[64], aad[200];

static void test_hash(void)
{
    rp_hash_id id = rnd_hash();
    size_t n = upto(MAXM), cut = upto(n);
    unsigned int ol;
    rp_hash_ctx c;

    fill(msg, n);
    rp_hash_init(&c, id);
    rp_hash_update(&c, msg, cut);
    rp_hash_update(&c, msg + cut, n - cut);
    rp_hash_final(&c, a1);
    EVP_Digest(msg, n, a2, &ol, md_of(id), NULL);
    RP_CHECK_EQ(ol, rp_hash_size(id));
    RP_CHECK_MEM(a1, a2, ol);
    cases[C_HASH]++;
}

static void test_hmac(void)
{
    rp_hash_id id = rnd_hash();
    size_t kl = upto(200), n = upto(MAXM), cut = upto(n);
    unsigned int ol;
    rp_hmac_ctx c;

    fill(key, kl);
    fill(msg, n);
    RP_CHECK_EQ(rp_hmac_init(&c, id, key, kl), 0);
    rp_hmac_update(&c, msg, cut);
    rp_hmac_update(&c, msg + cut, n - cut);
    rp_hmac_final(&c, a1);
    HMAC(md_of(id), key, (int)kl, msg, n, a2, &ol);
    RP_CHECK_MEM(a1, a2, ol);
    cases[C_HMAC]++;
}

/* Derive with an OpenSSL EVP_KDF given its parameters. */
static int ossl_kdf(const char *name, OSSL_PARAM *p, uint8_t *out, size_t n)
{
    EVP_KDF *k = EVP_KDF_fetch(NULL, name, NULL);
    EVP_KDF_CTX *c = EVP_KDF_CTX_new(k);
    int r = EVP_KDF_derive(c, out, n, p);

    EVP_KDF_CTX_free(c);
    EVP_KDF_free(k);
    return r == 1 ? 0 : -1;
}

static void test_kdfs(void)
{
    rp_hash_id id = rnd_hash();
    char *mdname = (char *)EVP_MD_get0_name(md_of(id));
    size_t kl = upto(100), sl = upto(60), il = upto(60), n = 1 + upto(300);
    uint32_t iters = 1 + rnd() % 50;
    OSSL_PARAM p[5];

    fill(key, kl);
    fill(iv, sl);
    fill(aad, il);
    /* HKDF */
    p[0] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, mdname, 0);
    p[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, key, kl);
    p[2] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, iv, sl);
    p[3] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, aad, il);
    p[4] = OSSL_PARAM_construct_end();
    if (kl > 0 && ossl_kdf("HKDF", p, a2, n) == 0) {   /* OpenSSL refuses an empty key */
        RP_CHECK_EQ(rp_hkdf(id, iv, sl, key, kl, aad, il, a1, n), 0);
        RP_CHECK_MEM(a1, a2, n);
        cases[C_HKDF]++;
    }
    /* PBKDF2 */
    PKCS5_PBKDF2_HMAC((const char *)key, (int)kl, iv, (int)sl, (int)iters, md_of(id),
                      (int)n, a2);
    RP_CHECK_EQ(rp_pbkdf2(id, key, kl, iv, sl, iters, a1, n), 0);
    RP_CHECK_MEM(a1, a2, n);
    cases[C_PBKDF2]++;
    /* TLS 1.2 PRF (label || seed are one "seed" to OpenSSL) */
    if (id != RP_HASH_SHA1) {
        size_t ll = 1 + upto(20);
        memcpy(msg, "label-xyz-0123456789abc", ll);
        memcpy(msg + ll, aad, il);
        p[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, key, kl);
        p[2] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, msg, ll + il);
        p[3] = OSSL_PARAM_construct_end();
        RP_CHECK_EQ(ossl_kdf("TLS1-PRF", p, a2, n), 0);
        RP_CHECK_EQ(rp_tls12_prf(id, key, kl, msg, ll, aad, il, a1, n), 0);
        RP_CHECK_MEM(a1, a2, n);
        cases[C_PRF]++;
    }
}

static const EVP_CIPHER *ossl_mode(rp_aes_mode m, size_t kl)
{
    int k = kl == 16 ? 0 : kl == 24 ? 1 : 2;
    const EVP_CIPHER *t[6][3] = {
        { EVP_aes_128_ecb(), EVP_aes_192_ecb(), EVP_aes_256_ecb() },
        { EVP_aes_128_cbc(), EVP_aes_192_cbc(), EVP_aes_256_cbc() },
        { EVP_aes_128_cbc(), EVP_aes_192_cbc(), EVP_aes_256_cbc() },
        { EVP_aes_128_cfb128(), EVP_aes_192_cfb128(), EVP_aes_256_cfb128() },
        { EVP_aes_128_ofb(), EVP_aes_192_ofb(), EVP_aes_256_ofb() },
        { EVP_aes_128_ctr(), EVP_aes_192_ctr(), EVP_aes_256_ctr() } };
    return t[m - 1][k];
}

static size_t ossl_crypt(const EVP_CIPHER *c, int enc, int pad, const uint8_t *in,
                         size_t n, uint8_t *out)
{
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int l1 = 0, l2 = 0;

    EVP_CipherInit_ex(x, c, NULL, key, iv, enc);
    EVP_CIPHER_CTX_set_padding(x, pad);
    EVP_CipherUpdate(x, out, &l1, in, (int)n);
    EVP_CipherFinal_ex(x, out + l1, &l2);
    EVP_CIPHER_CTX_free(x);
    return (size_t)(l1 + l2);
}

/* Our multipart interface fed in random pieces. */
static size_t rp_pieces(rp_aes_mode m, int dec, size_t kl, const uint8_t *in, size_t n,
                        uint8_t *out)
{
    rp_cipher_ctx c;
    size_t done = 0, o = 0, got;

    RP_CHECK_EQ(rp_cipher_setup(&c, m, dec, key, kl, m == RP_AES_ECB ? NULL : iv,
                                m == RP_AES_ECB ? 0 : 16), 0);
    while (done < n) {
        size_t take = 1 + upto(n - done - 1 < 40 ? n - done - 1 : 40);
        RP_CHECK_EQ(rp_cipher_update(&c, in + done, take, out + o, MAXM + 32 - o, &got), 0);
        done += take; o += got;
    }
    RP_CHECK_EQ(rp_cipher_finish(&c, out + o, MAXM + 32 - o, &got), 0);
    return o + got;
}

static void test_modes(void)
{
    rp_aes_mode m = (rp_aes_mode)(RP_AES_ECB + rnd() % 6);
    size_t kl = 16 + 8 * (rnd() % 3), n = upto(MAXM - 16), el, ol;
    int pad = m == RP_AES_CBC_PKCS7;

    if (m == RP_AES_ECB || m == RP_AES_CBC)
        n &= ~(size_t)15;
    fill(key, kl);
    fill(iv, 16);
    fill(msg, n);
    el = ossl_crypt(ossl_mode(m, kl), 1, pad, msg, n, a2);
    ol = rp_pieces(m, 0, kl, msg, n, a1);
    RP_CHECK_EQ(ol, el);
    RP_CHECK_MEM(a1, a2, el);
    ol = rp_pieces(m, 1, kl, a2, el, a1);
    RP_CHECK_EQ(ol, n);
    RP_CHECK_MEM(a1, msg, n);
    cases[C_MODES]++;
}

static void test_cmac(void)
{
    size_t kl = 16 + 8 * (rnd() % 3), n = upto(MAXM), cut = upto(n), ol = 0;
    const char *cn = kl == 16 ? "AES-128-CBC" : kl == 24 ? "AES-192-CBC" : "AES-256-CBC";
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "CMAC", NULL);
    EVP_MAC_CTX *mc = EVP_MAC_CTX_new(mac);
    OSSL_PARAM p[2];
    rp_cmac_ctx c;

    fill(key, kl);
    fill(msg, n);
    p[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, (char *)cn, 0);
    p[1] = OSSL_PARAM_construct_end();
    EVP_MAC_init(mc, key, kl, p);
    EVP_MAC_update(mc, msg, n);
    EVP_MAC_final(mc, a2, &ol, 16);
    EVP_MAC_CTX_free(mc);
    EVP_MAC_free(mac);
    RP_CHECK_EQ(rp_cmac_init(&c, key, kl), 0);
    rp_cmac_update(&c, msg, cut);
    rp_cmac_update(&c, msg + cut, n - cut);
    rp_cmac_final(&c, a1);
    RP_CHECK_MEM(a1, a2, 16);
    cases[C_CMAC]++;
}

/* OpenSSL AEAD encryption (GCM, CCM, ChaCha20-Poly1305). */
static void ossl_aead(const EVP_CIPHER *ci, int ccm, size_t ivl, size_t al, size_t n,
                      uint8_t *out, uint8_t *tag, size_t tl)
{
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int l;

    EVP_EncryptInit_ex(x, ci, NULL, NULL, NULL);
    EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_IVLEN, (int)ivl, NULL);
    if (ccm)
        EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_TAG, (int)tl, NULL);
    EVP_EncryptInit_ex(x, NULL, NULL, key, iv);
    if (ccm)
        EVP_EncryptUpdate(x, NULL, &l, NULL, (int)n);
    if (al || ccm)
        EVP_EncryptUpdate(x, NULL, &l, aad, (int)al);
    EVP_EncryptUpdate(x, out, &l, msg, (int)n);
    EVP_EncryptFinal_ex(x, out + l, &l);
    EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_GET_TAG, (int)tl, tag);
    EVP_CIPHER_CTX_free(x);
}
typedef int (*enc_fn)(const uint8_t *, size_t, const uint8_t *, size_t, const uint8_t *,
                      size_t, const uint8_t *, size_t, uint8_t *, uint8_t *, size_t);
typedef int (*dec_fn)(const uint8_t *, size_t, const uint8_t *, size_t, const uint8_t *,
                      size_t, const uint8_t *, size_t, uint8_t *, const uint8_t *, size_t);

/* One-shot encryption must match OpenSSL's ciphertext and tag; decryption must restore the
 * message, and reject (with zeroed output) a one-bit change in ciphertext, tag or AAD. */
static void check_aead(enc_fn enc, dec_fn dec, size_t kl, size_t ivl, size_t al, size_t n,
                       size_t tl, const uint8_t *ect, const uint8_t *etag)
{
    uint8_t tag[16], t2[16], *tgt;
    size_t which, i, zero = 1;
    uint8_t bit;

    RP_CHECK_EQ(enc(key, kl, iv, ivl, aad, al, msg, n, a1, tag, tl), 0);
    RP_CHECK_MEM(a1, ect, n);
    RP_CHECK_MEM(tag, etag, tl);
    RP_CHECK_EQ(dec(key, kl, iv, ivl, aad, al, a1, n, a2, tag, tl), 0);
    RP_CHECK_MEM(a2, msg, n);
    memcpy(t2, tag, tl);
    which = rnd() % 3;
    tgt = which == 0 && n ? a1 : which == 1 && al ? aad : t2;
    i = rnd() % (tgt == a1 ? n : tgt == aad ? al : tl);
    bit = (uint8_t)(1u << (rnd() % 8));
    tgt[i] ^= bit;
    RP_CHECK_EQ(dec(key, kl, iv, ivl, aad, al, a1, n, a2, t2, tl), -1);
    tgt[i] ^= bit;
    for (i = 0; i < n; i++)
        zero &= a2[i] == 0;
    RP_CHECK(zero);
}

static void test_gcm(void)
{
    static const size_t tls[] = { 4, 8, 12, 13, 14, 15, 16 };
    size_t kl = 16 + 8 * (rnd() % 3), ivl = rnd() % 2 ? 12 : 1 + upto(63), al = upto(100);
    size_t n = upto(MAXM), tl = tls[rnd() % 7], done, cut;
    const EVP_CIPHER *ci = kl == 16 ? EVP_aes_128_gcm() : kl == 24 ? EVP_aes_192_gcm()
                                                                   : EVP_aes_256_gcm();
    uint8_t et[16], ect[MAXM], tag[16];
    rp_gcm_ctx c;

    fill(key, kl); fill(iv, ivl); fill(aad, al); fill(msg, n);
    ossl_aead(ci, 0, ivl, al, n, ect, et, 16);
    check_aead(rp_gcm_encrypt, rp_gcm_decrypt, kl, ivl, al, n, tl, ect, et);
    /* multipart, random pieces */
    RP_CHECK_EQ(rp_gcm_start(&c, 0, key, kl, iv, ivl), 0);
    cut = upto(al);
    RP_CHECK_EQ(rp_gcm_update_aad(&c, aad, cut), 0);
    RP_CHECK_EQ(rp_gcm_update_aad(&c, aad + cut, al - cut), 0);
    for (done = 0; done < n; done += cut) {
        cut = 1 + upto(n - done - 1);
        RP_CHECK_EQ(rp_gcm_update(&c, msg + done, cut, a1 + done), 0);
    }
    RP_CHECK_EQ(rp_gcm_finish(&c, tag, 16), 0);
    RP_CHECK_MEM(a1, ect, n);
    RP_CHECK_MEM(tag, et, 16);
    RP_CHECK_EQ(rp_gcm_start(&c, 1, key, kl, iv, ivl), 0);
    RP_CHECK_EQ(rp_gcm_update_aad(&c, aad, al), 0);
    RP_CHECK_EQ(rp_gcm_update(&c, ect, n, a2), 0);
    RP_CHECK_EQ(rp_gcm_verify(&c, et, tl), 0);
    RP_CHECK_MEM(a2, msg, n);
    cases[C_GCM]++;
}

static void test_ccm(void)
{
    size_t kl = 16 + 8 * (rnd() % 3), ivl = 7 + rnd() % 7, al = upto(100);
    size_t n = upto(MAXM), tl = 4 + 2 * (rnd() % 7), done, cut;
    const EVP_CIPHER *ci = kl == 16 ? EVP_aes_128_ccm() : kl == 24 ? EVP_aes_192_ccm()
                                                                   : EVP_aes_256_ccm();
    uint8_t et[16], ect[MAXM], tag[16];
    rp_ccm_ctx c;

    if (ivl == 13 && n > 65535)
        n = 65535;
    fill(key, kl); fill(iv, ivl); fill(aad, al); fill(msg, n);
    ossl_aead(ci, 1, ivl, al, n, ect, et, tl);
    check_aead(rp_ccm_encrypt, rp_ccm_decrypt, kl, ivl, al, n, tl, ect, et);
    RP_CHECK_EQ(rp_ccm_start(&c, 0, key, kl, iv, ivl, al, n, tl), 0);
    cut = upto(al);
    RP_CHECK_EQ(rp_ccm_update_aad(&c, aad, cut), 0);
    RP_CHECK_EQ(rp_ccm_update_aad(&c, aad + cut, al - cut), 0);
    for (done = 0; done < n; done += cut) {
        cut = 1 + upto(n - done - 1);
        RP_CHECK_EQ(rp_ccm_update(&c, msg + done, cut, a1 + done), 0);
    }
    RP_CHECK_EQ(rp_ccm_finish(&c, tag), 0);
    RP_CHECK_MEM(a1, ect, n);
    RP_CHECK_MEM(tag, et, tl);
    RP_CHECK_EQ(rp_ccm_start(&c, 1, key, kl, iv, ivl, al, n, tl), 0);
    RP_CHECK_EQ(rp_ccm_update_aad(&c, aad, al), 0);
    RP_CHECK_EQ(rp_ccm_update(&c, ect, n, a2), 0);
    RP_CHECK_EQ(rp_ccm_verify(&c, et, tl), 0);
    RP_CHECK_MEM(a2, msg, n);
    cases[C_CCM]++;
}

static void test_chacha(void)
{
    size_t al = upto(100), n = upto(MAXM), done, cut;
    uint8_t et[16], ect[MAXM], tag[16];
    rp_chachapoly_ctx c;

    fill(key, 32); fill(iv, 12); fill(aad, al); fill(msg, n);
    ossl_aead(EVP_chacha20_poly1305(), 0, 12, al, n, ect, et, 16);
    check_aead(rp_chachapoly_encrypt, rp_chachapoly_decrypt, 32, 12, al, n, 16, ect, et);
    RP_CHECK_EQ(rp_chachapoly_start(&c, 0, key, 32, iv, 12), 0);
    RP_CHECK_EQ(rp_chachapoly_update_aad(&c, aad, al), 0);
    for (done = 0; done < n; done += cut) {
        cut = 1 + upto(n - done - 1);
        RP_CHECK_EQ(rp_chachapoly_update(&c, msg + done, cut, a1 + done), 0);
    }
    RP_CHECK_EQ(rp_chachapoly_finish(&c, tag), 0);
    RP_CHECK_MEM(a1, ect, n);
    RP_CHECK_MEM(tag, et, 16);
    cases[C_CHACHA]++;
}

int main(int argc, char **argv)
{
    unsigned long rounds = argc > 1 ? strtoul(argv[1], NULL, 10) : 200, i, total = 0;
    int k;

    rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 0x9e3779b97f4a7c15ull;
    if (rng_state == 0)
        rng_state = 1;
    for (i = 0; i < rounds; i++) {
        test_hash();
        test_hmac();
        test_kdfs();
        test_modes();
        test_cmac();
        test_gcm();
        test_ccm();
        test_chacha();
    }
    for (k = 0; k < C_N; k++) {
        printf("openssl-diff %-18s %lu cases\n", names[k], cases[k]);
        total += cases[k];
    }
    printf("openssl-diff total %lu cases\n", total);
    return rp_test_end("crypto_openssl_diff");
}
