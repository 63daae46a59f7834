/* test_ct.c - constant-time check. Built without sanitizers and with -DRP_CT_CHECK, run
 * under `valgrind --error-exitcode=1`: every secret (keys, plaintexts, passwords, DRBG
 * entropy) is marked undefined with RP_POISON, so memcheck reports any branch or memory
 * index that depends on it. Outputs are RP_UNPOISONed (declassified) before they are
 * compared. Each primitive's result is also checked (round trip or against an unpoisoned
 * run), so the test asserts correctness as well. */
#include <stdint.h>
#include <string.h>
#include "rp_test.h"
#include "rp_aes.h"
#include "rp_chachapoly.h"
#include "rp_ct.h"
#include "rp_drbg.h"
#include "rp_hmac.h"

static uint8_t key[32], msg[100], iv[16], aad[20];

static void secrets(void)
{
    size_t i;

    for (i = 0; i < sizeof key; i++) key[i] = (uint8_t)(i * 29 + 7);
    for (i = 0; i < sizeof msg; i++) msg[i] = (uint8_t)(i * 13 + 1);
    for (i = 0; i < sizeof iv; i++) iv[i] = (uint8_t)(i + 0x40);
    for (i = 0; i < sizeof aad; i++) aad[i] = (uint8_t)(i * 3);
    RP_POISON(key, sizeof key);
    RP_POISON(msg, sizeof msg);
}

static void test_aes_modes(void)
{
    static const rp_aes_mode modes[] = { RP_AES_ECB, RP_AES_CBC, RP_AES_CBC_PKCS7, RP_AES_CFB,
                                         RP_AES_OFB, RP_AES_CTR };
    uint8_t ct[128], pt[128], plain[100];
    size_t i, kl, n, m, len;

    memcpy(plain, msg, sizeof plain);
    RP_UNPOISON(plain, sizeof plain);
    for (kl = 16; kl <= 32; kl += 8)
        for (i = 0; i < sizeof modes / sizeof modes[0]; i++) {
            len = modes[i] == RP_AES_ECB || modes[i] == RP_AES_CBC ? 96 : 100 - kl / 8;
            RP_CHECK_EQ(rp_cipher_crypt(modes[i], 0, key, kl, iv, modes[i] == RP_AES_ECB ? 0 : 16,
                                        msg, len, ct, sizeof ct, &n), 0);
            RP_CHECK_EQ(rp_cipher_crypt(modes[i], 1, key, kl, iv, modes[i] == RP_AES_ECB ? 0 : 16,
                                        ct, n, pt, sizeof pt, &m), 0);
            RP_UNPOISON(pt, m);
            RP_CHECK_EQ(m, len);
            RP_CHECK_MEM(pt, plain, len);
        }
}

static void test_aead(void)
{
    uint8_t ct[100], pt[100], tag[16], plain[100];
    int r;

    memcpy(plain, msg, sizeof plain);
    RP_UNPOISON(plain, sizeof plain);
    /* GCM, 12-byte and odd IV lengths */
    RP_CHECK_EQ(rp_gcm_encrypt(key, 16, iv, 12, aad, 20, msg, 100, ct, tag, 16), 0);
    r = rp_gcm_decrypt(key, 16, iv, 12, aad, 20, ct, 100, pt, tag, 16);
    RP_UNPOISON(&r, sizeof r);
    RP_UNPOISON(pt, sizeof pt);
    RP_CHECK_EQ(r, 0);
    RP_CHECK_MEM(pt, plain, 100);
    RP_CHECK_EQ(rp_gcm_encrypt(key, 32, iv, 7, aad, 20, msg, 100, ct, tag, 13), 0);
    RP_UNPOISON(tag, 16);
    tag[0] ^= 1;
    r = rp_gcm_decrypt(key, 32, iv, 7, aad, 20, ct, 100, pt, tag, 13);
    RP_UNPOISON(&r, sizeof r);
    RP_CHECK_EQ(r, -1);
    /* CCM */
    RP_CHECK_EQ(rp_ccm_encrypt(key, 24, iv, 13, aad, 20, msg, 100, ct, tag, 8), 0);
    r = rp_ccm_decrypt(key, 24, iv, 13, aad, 20, ct, 100, pt, tag, 8);
    RP_UNPOISON(&r, sizeof r);
    RP_UNPOISON(pt, sizeof pt);
    RP_CHECK_EQ(r, 0);
    RP_CHECK_MEM(pt, plain, 100);
    RP_UNPOISON(tag, 16);
    tag[7] ^= 0x80;
    r = rp_ccm_decrypt(key, 24, iv, 13, aad, 20, ct, 100, pt, tag, 8);
    RP_UNPOISON(&r, sizeof r);
    RP_CHECK_EQ(r, -1);
    /* ChaCha20-Poly1305 */
    RP_CHECK_EQ(rp_chachapoly_encrypt(key, 32, iv, 12, aad, 20, msg, 100, ct, tag, 16), 0);
    r = rp_chachapoly_decrypt(key, 32, iv, 12, aad, 20, ct, 100, pt, tag, 16);
    RP_UNPOISON(&r, sizeof r);
    RP_UNPOISON(pt, sizeof pt);
    RP_CHECK_EQ(r, 0);
    RP_CHECK_MEM(pt, plain, 100);
}

static void test_ghash_cmac(void)
{
    uint8_t x[16], h[16], x2[16], h2[16], t1[16], t2[16];
    rp_cmac_ctx c;

    memcpy(x, msg, 16);
    memcpy(h, key, 16);
    memcpy(x2, x, 16);
    memcpy(h2, h, 16);
    RP_UNPOISON(x2, 16);
    RP_UNPOISON(h2, 16);
    rp_ghash_mul(x, h);            /* secret operands */
    rp_ghash_mul(h2, x2);          /* public ones, swapped: multiplication commutes */
    RP_UNPOISON(x, 16);
    RP_CHECK_MEM(x, h2, 16);
    RP_CHECK_EQ(rp_aes_cmac(key, 16, msg, 37, t1), 0);
    RP_CHECK_EQ(rp_cmac_init(&c, key, 16), 0);
    rp_cmac_update(&c, msg, 20);
    rp_cmac_update(&c, msg + 20, 17);
    rp_cmac_final(&c, t2);
    RP_UNPOISON(t1, 16);
    RP_UNPOISON(t2, 16);
    RP_CHECK_MEM(t1, t2, 16);
}

static void test_mac_kdf(void)
{
    uint8_t a[64], b[64], okm[80];
    rp_hash_id id;
    rp_drbg_ctx d;
    int eq;

    for (id = RP_HASH_SHA1; id <= RP_HASH_SHA512; id++) {
        RP_CHECK_EQ(rp_hmac(id, key, 32, msg, 100, a), 0);
        RP_CHECK_EQ(rp_hmac(id, key, 32, msg, 100, b), 0);
        eq = rp_ct_memeq(a, b, rp_hash_size(id));      /* tag comparison on secrets */
        RP_UNPOISON(&eq, sizeof eq);
        RP_CHECK_EQ(eq, 1);
        b[0] ^= 1;
        eq = rp_ct_memeq(a, b, rp_hash_size(id));
        RP_UNPOISON(&eq, sizeof eq);
        RP_CHECK_EQ(eq, 0);
    }
    RP_CHECK_EQ(rp_hkdf(RP_HASH_SHA256, aad, 20, key, 32, aad, 10, okm, 80), 0);
    RP_CHECK_EQ(rp_pbkdf2(RP_HASH_SHA256, key, 32, aad, 20, 3, a, 40), 0);
    RP_CHECK_EQ(rp_tls12_prf(RP_HASH_SHA384, key, 32, aad, 5, aad, 20, a, 64), 0);
    RP_CHECK_EQ(rp_tls12_psk_to_ms(RP_HASH_SHA256, key, 32, NULL, 0, aad, 5, aad, 20, a, 48), 0);
    RP_CHECK_EQ(rp_hmac_drbg_instantiate(&d, RP_HASH_SHA256, key, 32, aad, 16, NULL, 0), 0);
    RP_CHECK_EQ(rp_hmac_drbg_reseed(&d, msg, 32, aad, 4), 0);
    RP_CHECK_EQ(rp_hmac_drbg_generate(&d, okm, 80, msg + 40, 10), 0);
    RP_UNPOISON(okm, 80);
    RP_CHECK(okm[0] != okm[1] || okm[2] != okm[3]);
    rp_drbg_uninstantiate(&d);
}

int main(void)
{
    secrets();
    test_aes_modes();
    test_aead();
    test_ghash_cmac();
    test_mac_kdf();
#ifndef RP_CT_CHECK
    printf("note: built without RP_CT_CHECK, secrets were not poisoned\n");
#endif
    return rp_test_end("crypto_ct");
}
