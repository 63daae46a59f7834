/* rp_chachapoly.h - ChaCha20, Poly1305 and the ChaCha20-Poly1305 AEAD (RFC 8439).
 *
 * Constant time by construction (add-rotate-xor and fixed limb multiplications; tags are
 * compared with rp_ct_memeq). Key 32 bytes, nonce 12 bytes, tag 16 bytes.
 * out may equal in but must not partially overlap it.
 */
#ifndef RP_CHACHAPOLY_H
#define RP_CHACHAPOLY_H

#include <stddef.h>
#include <stdint.h>

/* RFC 8439 2.4: XOR n bytes of keystream starting at block `counter` into out. The caller
 * keeps n <= 64 * (2^32 - counter). */
void rp_chacha20(const uint8_t key[32], const uint8_t nonce[12], uint32_t counter,
                 const uint8_t *in, size_t n, uint8_t *out);

typedef struct {
    uint32_t r[5], h[5], s[4];   /* 26-bit limbs of r and h; s = the key's second half */
    uint8_t buf[16];
    uint8_t buf_len;
} rp_poly1305_ctx;

/* RFC 8439 2.5; a one-time key: never reuse it for two messages. */
void rp_poly1305_init(rp_poly1305_ctx *ctx, const uint8_t key[32]);
void rp_poly1305_update(rp_poly1305_ctx *ctx, const uint8_t *in, size_t n);
void rp_poly1305_final(rp_poly1305_ctx *ctx, uint8_t tag[16]);   /* wipes ctx */

/* RFC 8439 2.8, in the shape of rp_gcm_encrypt: key_len must be 32, nonce_len 12,
 * tag_len 16, else -1. Decryption checks the tag before writing any plaintext: -1 and an
 * all-zero out on failure. */
int rp_chachapoly_encrypt(const uint8_t *key, size_t key_len, const uint8_t *nonce,
                          size_t nonce_len, const uint8_t *aad, size_t aad_len,
                          const uint8_t *in, size_t len, uint8_t *out,
                          uint8_t *tag, size_t tag_len);
int rp_chachapoly_decrypt(const uint8_t *key, size_t key_len, const uint8_t *nonce,
                          size_t nonce_len, const uint8_t *aad, size_t aad_len,
                          const uint8_t *in, size_t len, uint8_t *out,
                          const uint8_t *tag, size_t tag_len);

/* Multipart AEAD for psa_aead_*: start, AAD updates, text updates, finish / verify. As
 * with GCM, multipart decryption releases plaintext before the tag is checked. */
typedef struct {
    uint32_t key[8], nonce[3], counter;
    uint8_t ks[64];
    uint8_t ks_used;             /* 64 = keystream block used up */
    uint8_t phase;               /* 0 = AAD, 1 = text */
    uint8_t decrypt;
    uint64_t aad_len, text_len;
    rp_poly1305_ctx poly;
} rp_chachapoly_ctx;

int rp_chachapoly_start(rp_chachapoly_ctx *ctx, int decrypt, const uint8_t *key,
                        size_t key_len, const uint8_t *nonce, size_t nonce_len); /* 0 / -1 */
int rp_chachapoly_update_aad(rp_chachapoly_ctx *ctx, const uint8_t *aad, size_t n);
/* 0, or -1 past 2^38 - 64 bytes of text (the 32-bit block counter). */
int rp_chachapoly_update(rp_chachapoly_ctx *ctx, const uint8_t *in, size_t n, uint8_t *out);
int rp_chachapoly_finish(rp_chachapoly_ctx *ctx, uint8_t tag[16]);          /* wipes */
int rp_chachapoly_verify(rp_chachapoly_ctx *ctx, const uint8_t *tag, size_t tag_len);

#endif
