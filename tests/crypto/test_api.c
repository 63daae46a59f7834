/* test_api.c - the contracts of the symmetric headers beyond known answers: every
 * documented failure return, state rules of the multipart interfaces, in-place operation,
 * zeroed output on AEAD rejection, and the constant-time helpers against plain C. */
#include <stdint.h>
#include <string.h>
#include "rp_test.h"
#include "rp_aes.h"
#include "rp_chachapoly.h"
#include "rp_ct.h"
#include "rp_hmac.h"

static uint8_t key[32], iv[16], msg[100], ct[128], out[128], tag[16];

static int all_zero(const uint8_t *p, size_t n)
{
    while (n--)
        if (*p++) return 0;
    return 1;
}

static void test_ct_helpers(void)
{
    uint32_t v[] = { 0, 1, 2, 0x7fffffffu, 0x80000000u, 0x80000001u, 0xfffffffeu, 0xffffffffu };
    uint8_t a[5] = { 1, 2, 3, 4, 5 }, b[5] = { 9, 9, 9, 9, 9 };
    size_t i, j;

    for (i = 0; i < 8; i++)
        for (j = 0; j < 8; j++) {
            RP_CHECK_EQ(rp_ct_mask_lt(v[i], v[j]), v[i] < v[j] ? 0xffffffffu : 0u);
            RP_CHECK_EQ(rp_ct_mask_eq(v[i], v[j]), v[i] == v[j] ? 0xffffffffu : 0u);
            RP_CHECK_EQ(rp_ct_select(0xffffffffu, v[i], v[j]), v[i]);
            RP_CHECK_EQ(rp_ct_select(0, v[i], v[j]), v[j]);
        }
    RP_CHECK_EQ(rp_ct_mask_nz(0), 0);
    RP_CHECK_EQ(rp_ct_mask_zero(0), 0xffffffffu);
    RP_CHECK_EQ(rp_ct_memeq(a, a, 5), 1);
    RP_CHECK_EQ(rp_ct_memeq(a, b, 5), 0);
    RP_CHECK_EQ(rp_ct_memeq(a, b, 0), 1);
    rp_ct_cmov(b, a, 5, 0);
    RP_CHECK(b[0] == 9);
    rp_ct_cmov(b, a, 5, 0xffffffffu);
    RP_CHECK_MEM(a, b, 5);
    rp_wipe(a + 1, 3);
    RP_CHECK(a[0] == 1 && a[1] == 0 && a[3] == 0 && a[4] == 5);
}

static void test_cipher_errors(void)
{
    rp_cipher_ctx c;
    size_t n;
    uint8_t big[48];

    RP_CHECK_EQ(rp_cipher_setup(&c, (rp_aes_mode)0, 0, key, 16, iv, 16), -1);
    RP_CHECK_EQ(rp_cipher_setup(&c, (rp_aes_mode)7, 0, key, 16, iv, 16), -1);
    RP_CHECK_EQ(rp_cipher_setup(&c, RP_AES_CBC, 0, key, 16, iv, 12), -1);
    RP_CHECK_EQ(rp_cipher_setup(&c, RP_AES_ECB, 0, key, 16, iv, 16), -1);
    RP_CHECK_EQ(rp_cipher_setup(&c, RP_AES_CTR, 0, key, 20, iv, 16), -1);
    /* ECB/CBC need whole blocks */
    RP_CHECK_EQ(rp_cipher_crypt(RP_AES_CBC, 0, key, 16, iv, 16, msg, 17, out, 128, &n), -1);
    RP_CHECK_EQ(n, 0);
    /* output buffer too small: nothing consumed */
    RP_CHECK_EQ(rp_cipher_setup(&c, RP_AES_ECB, 0, key, 16, NULL, 0), 0);
    RP_CHECK_EQ(rp_cipher_update(&c, msg, 32, out, 16, &n), -1);
    RP_CHECK_EQ(rp_cipher_update(&c, msg, 32, out, 32, &n), 0);
    RP_CHECK_EQ(n, 32);
    RP_CHECK_EQ(rp_cipher_finish(&c, out, 0, &n), 0);
    /* PKCS#7: length rules and a bad pad */
    RP_CHECK_EQ(rp_cipher_crypt(RP_AES_CBC_PKCS7, 0, key, 16, iv, 16, msg, 32, big, 48, &n), 0);
    RP_CHECK_EQ(n, 48);
    RP_CHECK_EQ(rp_cipher_crypt(RP_AES_CBC_PKCS7, 1, key, 16, iv, 16, big, 47, out, 128, &n), -1);
    RP_CHECK_EQ(rp_cipher_crypt(RP_AES_CBC_PKCS7, 1, key, 16, iv, 16, big, 48, out, 31, &n), -1);
    RP_CHECK_EQ(rp_cipher_crypt(RP_AES_CBC_PKCS7, 1, key, 16, iv, 16, big, 48, out, 128, &n), 0);
    RP_CHECK_EQ(n, 32);
    RP_CHECK_MEM(out, msg, 32);
    big[31] ^= 0x01;      /* CBC: flips the last pad byte, 0x10 -> 0x11 */
    RP_CHECK_EQ(rp_cipher_crypt(RP_AES_CBC_PKCS7, 1, key, 16, iv, 16, big, 48, out, 128, &n), -1);
    RP_CHECK_EQ(n, 0);
    RP_CHECK_EQ(rp_cipher_crypt(RP_AES_CBC_PKCS7, 1, key, 16, iv, 16, big, 0, out, 128, &n), -1);
    RP_CHECK_EQ(rp_cipher_crypt(RP_AES_CBC_PKCS7, 0, key, 16, iv, 16, msg, 0, out, 16, &n), 0);
    RP_CHECK_EQ(n, 16);   /* empty message: one full block of padding */
}

/* Every mode in place equals out of place. */
static void test_in_place(void)
{
    static const rp_aes_mode m[] = { RP_AES_ECB, RP_AES_CBC, RP_AES_CBC_PKCS7, RP_AES_CFB,
                                     RP_AES_OFB, RP_AES_CTR };
    uint8_t buf[128];
    size_t i, n1, n2, len;

    for (i = 0; i < 6; i++) {
        len = i < 2 ? 96 : 77;
        memcpy(buf, msg, len);
        RP_CHECK_EQ(rp_cipher_crypt(m[i], 0, key, 32, iv, i ? 16 : 0, msg, len, out, 128, &n1), 0);
        RP_CHECK_EQ(rp_cipher_crypt(m[i], 0, key, 32, iv, i ? 16 : 0, buf, len, buf, 128, &n2), 0);
        RP_CHECK_EQ(n1, n2);
        RP_CHECK_MEM(out, buf, n1);
        RP_CHECK_EQ(rp_cipher_crypt(m[i], 1, key, 32, iv, i ? 16 : 0, buf, n2, buf, 128, &n2), 0);
        RP_CHECK_EQ(n2, len);
        RP_CHECK_MEM(buf, msg, len);
    }
    memcpy(buf, msg, 100);
    RP_CHECK_EQ(rp_gcm_encrypt(key, 16, iv, 12, iv, 4, buf, 100, buf, tag, 16), 0);
    RP_CHECK_EQ(rp_gcm_decrypt(key, 16, iv, 12, iv, 4, buf, 100, buf, tag, 16), 0);
    RP_CHECK_MEM(buf, msg, 100);
    RP_CHECK_EQ(rp_ccm_encrypt(key, 16, iv, 11, iv, 4, buf, 100, buf, tag, 10), 0);
    RP_CHECK_EQ(rp_ccm_decrypt(key, 16, iv, 11, iv, 4, buf, 100, buf, tag, 10), 0);
    RP_CHECK_MEM(buf, msg, 100);
    RP_CHECK_EQ(rp_chachapoly_encrypt(key, 32, iv, 12, iv, 4, buf, 100, buf, tag, 16), 0);
    RP_CHECK_EQ(rp_chachapoly_decrypt(key, 32, iv, 12, iv, 4, buf, 100, buf, tag, 16), 0);
    RP_CHECK_MEM(buf, msg, 100);
}

static void test_gcm_rules(void)
{
    rp_gcm_ctx g;
    size_t t;

    RP_CHECK_EQ(rp_gcm_encrypt(key, 16, iv, 0, NULL, 0, msg, 10, ct, tag, 16), -1);
    for (t = 0; t <= 17; t++) {
        int ok = t == 4 || t == 8 || (t >= 12 && t <= 16);
        RP_CHECK_EQ(rp_gcm_encrypt(key, 16, iv, 12, NULL, 0, msg, 10, ct, tag, t), ok ? 0 : -1);
    }
    memset(out, 0xaa, 10);
    RP_CHECK_EQ(rp_gcm_decrypt(key, 16, iv, 12, NULL, 0, ct, 10, out, tag, 17), -1);
    RP_CHECK(all_zero(out, 10));
    RP_CHECK_EQ(rp_gcm_start(&g, 0, key, 16, iv, 12), 0);
    RP_CHECK_EQ(rp_gcm_update(&g, msg, 5, out), 0);
    RP_CHECK_EQ(rp_gcm_update_aad(&g, msg, 1), -1);       /* AAD after text */
    RP_CHECK_EQ(rp_gcm_finish(&g, tag, 5), -1);           /* bad tag length */
}

static void test_ccm_rules(void)
{
    rp_ccm_ctx c;
    size_t t;

    for (t = 0; t <= 18; t++) {
        int ok = t >= 4 && t <= 16 && t % 2 == 0;
        RP_CHECK_EQ(rp_ccm_encrypt(key, 16, iv, 12, NULL, 0, msg, 10, ct, tag, t), ok ? 0 : -1);
    }
    RP_CHECK_EQ(rp_ccm_encrypt(key, 16, iv, 6, NULL, 0, msg, 10, ct, tag, 8), -1);
    RP_CHECK_EQ(rp_ccm_encrypt(key, 16, iv, 14, NULL, 0, msg, 10, ct, tag, 8), -1);
    RP_CHECK_EQ(rp_ccm_start(&c, 0, key, 16, iv, 13, 0, 65536, 8), -1);  /* q = 2 */
    RP_CHECK_EQ(rp_ccm_start(&c, 0, key, 16, iv, 13, 0, 65535, 8), 0);
    RP_CHECK_EQ(rp_ccm_start(&c, 0, key, 16, iv, 12, 3, 10, 8), 0);
    RP_CHECK_EQ(rp_ccm_update(&c, msg, 1, out), -1);           /* AAD incomplete */
    RP_CHECK_EQ(rp_ccm_update_aad(&c, msg, 4), -1);            /* more AAD than announced */
    RP_CHECK_EQ(rp_ccm_update_aad(&c, msg, 3), 0);
    RP_CHECK_EQ(rp_ccm_update(&c, msg, 11, out), -1);          /* more text than announced */
    RP_CHECK_EQ(rp_ccm_update(&c, msg, 9, out), 0);
    RP_CHECK_EQ(rp_ccm_finish(&c, tag), -1);                   /* one byte missing */
}

static void test_chachapoly_kdf_rules(void)
{
    uint8_t okm[64];

    RP_CHECK_EQ(rp_chachapoly_encrypt(key, 16, iv, 12, NULL, 0, msg, 10, ct, tag, 16), -1);
    RP_CHECK_EQ(rp_chachapoly_encrypt(key, 32, iv, 8, NULL, 0, msg, 10, ct, tag, 16), -1);
    RP_CHECK_EQ(rp_chachapoly_encrypt(key, 32, iv, 12, NULL, 0, msg, 10, ct, tag, 12), -1);
    RP_CHECK_EQ(rp_hkdf_expand(RP_HASH_SHA256, key, 31, NULL, 0, okm, 32), -1);
    RP_CHECK_EQ(rp_hkdf_expand(RP_HASH_SHA256, key, 32, NULL, 0, okm, 0), 0);
    RP_CHECK_EQ(rp_hkdf((rp_hash_id)0, NULL, 0, key, 32, NULL, 0, okm, 32), -1);
    RP_CHECK_EQ(rp_hmac((rp_hash_id)6, key, 32, msg, 3, okm), -1);
    RP_CHECK_EQ(rp_pbkdf2(RP_HASH_SHA256, key, 3, key, 3, 0, okm, 32), -1);
    RP_CHECK_EQ(rp_tls12_psk_to_ms(RP_HASH_SHA256, key, RP_TLS12_PSK_MAX + 1, NULL, 0,
                                   msg, 3, msg, 64, okm, 48), -1);
}

/* setkey once, then copies of the keyed context per message, equal the one-shot calls. */
static void test_keyed_reuse(void)
{
    uint8_t t1[16], t2[16], c1[100], c2[100], nonce[2][13] = { { 1 }, { 2 } };
    rp_gcm_ctx gk, g;
    rp_ccm_ctx ck, c;
    rp_cipher_ctx xk, x;
    size_t m, n;

    RP_CHECK_EQ(rp_gcm_setkey(&gk, 0, key, 16), 0);
    RP_CHECK_EQ(rp_ccm_setkey(&ck, 0, key, 24), 0);
    RP_CHECK_EQ(rp_cipher_setkey(&xk, RP_AES_CTR, 0, key, 32), 0);
    RP_CHECK_EQ(rp_gcm_setkey(&g, 0, key, 15), -1);
    RP_CHECK_EQ(rp_cipher_set_iv(&xk, iv, 12), -1);
    for (m = 0; m < 2; m++) {
        g = gk;
        RP_CHECK_EQ(rp_gcm_set_iv(&g, nonce[m], m ? 13 : 12), 0);
        RP_CHECK_EQ(rp_gcm_update_aad(&g, iv, 5), 0);
        RP_CHECK_EQ(rp_gcm_update(&g, msg, 100, c1), 0);
        RP_CHECK_EQ(rp_gcm_finish(&g, t1, 16), 0);
        RP_CHECK_EQ(rp_gcm_encrypt(key, 16, nonce[m], m ? 13 : 12, iv, 5, msg, 100, c2, t2, 16), 0);
        RP_CHECK_MEM(c1, c2, 100);
        RP_CHECK_MEM(t1, t2, 16);
        c = ck;
        RP_CHECK_EQ(rp_ccm_set_nonce(&c, nonce[m], 12, 5, 100, 12), 0);
        RP_CHECK_EQ(rp_ccm_update_aad(&c, iv, 5), 0);
        RP_CHECK_EQ(rp_ccm_update(&c, msg, 100, c1), 0);
        RP_CHECK_EQ(rp_ccm_finish(&c, t1), 0);
        RP_CHECK_EQ(rp_ccm_encrypt(key, 24, nonce[m], 12, iv, 5, msg, 100, c2, t2, 12), 0);
        RP_CHECK_MEM(c1, c2, 100);
        RP_CHECK_MEM(t1, t2, 12);
        x = xk;
        iv[0] = (uint8_t)m;
        RP_CHECK_EQ(rp_cipher_set_iv(&x, iv, 16), 0);
        RP_CHECK_EQ(rp_cipher_update(&x, msg, 100, c1, 100, &n), 0);
        RP_CHECK_EQ(rp_cipher_finish(&x, c1 + n, 0, &n), 0);
        RP_CHECK_EQ(rp_cipher_crypt(RP_AES_CTR, 0, key, 32, iv, 16, msg, 100, c2, 100, &n), 0);
        RP_CHECK_MEM(c1, c2, 100);
    }
    rp_wipe(&gk, sizeof gk);
    rp_wipe(&ck, sizeof ck);
    rp_wipe(&xk, sizeof xk);
}

int main(void)
{
    size_t i;

    for (i = 0; i < sizeof key; i++) key[i] = (uint8_t)(i * 5 + 3);
    for (i = 0; i < sizeof iv; i++) iv[i] = (uint8_t)(i + 100);
    for (i = 0; i < sizeof msg; i++) msg[i] = (uint8_t)(i * 11);
    test_ct_helpers();
    test_cipher_errors();
    test_in_place();
    test_gcm_rules();
    test_ccm_rules();
    test_chachapoly_kdf_rules();
    test_keyed_reuse();
    return rp_test_end("crypto_api");
}
