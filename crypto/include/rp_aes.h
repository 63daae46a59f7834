/* rp_aes.h - AES-128/192/256 (FIPS 197) and its modes: ECB, CBC (raw and PKCS#7), CFB-128,
 * OFB, CTR (SP 800-38A), CMAC (SP 800-38B), CCM (SP 800-38C) and GCM (SP 800-38D).
 *
 * Constant time throughout: the cipher is bitsliced (no table, no secret-indexed load, no
 * secret-dependent branch), GHASH multiplies without tables, tags are compared with
 * rp_ct_memeq. Timing depends only on lengths and on public mode parameters.
 *
 * Contexts hold expanded keys: wipe them with rp_wipe(ctx, sizeof *ctx) when done (the
 * *_finish / *_verify calls and the one-shot functions do it themselves).
 * Unless stated, out may equal in (in-place) but must not partially overlap it.
 */
#ifndef RP_AES_H
#define RP_AES_H

#include <stddef.h>
#include <stdint.h>

/* ---------------- block cipher ---------------- */
typedef struct {
    uint32_t sk[120];   /* (rounds + 1) bitsliced round keys, 8 words each */
    uint32_t rounds;    /* 10, 12 or 14 */
} rp_aes_ctx;

/* Expand a 16-, 24- or 32-byte key. 0, or -1 for any other length (ctx untouched). */
int rp_aes_setkey(rp_aes_ctx *ctx, const uint8_t *key, size_t key_len);
void rp_aes_encrypt(const rp_aes_ctx *ctx, const uint8_t in[16], uint8_t out[16]);
void rp_aes_decrypt(const rp_aes_ctx *ctx, const uint8_t in[16], uint8_t out[16]);
/* Two independent blocks in one bitsliced pass (same cost as one). Both inputs are read
 * before any output is written, so the outputs may be the inputs (or swap them). */
void rp_aes_encrypt2(const rp_aes_ctx *ctx, const uint8_t in0[16], const uint8_t in1[16],
                     uint8_t out0[16], uint8_t out1[16]);
void rp_aes_decrypt2(const rp_aes_ctx *ctx, const uint8_t in0[16], const uint8_t in1[16],
                     uint8_t out0[16], uint8_t out1[16]);

/* ---------------- unauthenticated modes, multipart ----------------
 * Shaped for psa_cipher_setup/set_iv/update/finish:
 *  - ECB, CBC, CBC_PKCS7 buffer partial blocks; update writes only whole blocks (for
 *    CBC_PKCS7 decryption the last whole block is held back until finish, which strips
 *    and checks the padding). ECB/CBC require the total length to be a multiple of 16.
 *  - CFB (CFB-128), OFB and CTR are streams: update writes exactly in_len bytes.
 *  - CTR increments the whole 16-byte counter block as a big-endian integer.
 * The IV is 16 bytes for every mode except ECB (none). */
typedef enum {
    RP_AES_ECB = 1,
    RP_AES_CBC,          /* no padding */
    RP_AES_CBC_PKCS7,
    RP_AES_CFB,          /* CFB-128 */
    RP_AES_OFB,
    RP_AES_CTR
} rp_aes_mode;

typedef struct {
    rp_aes_ctx aes;
    uint8_t iv[16];      /* chaining value, feedback register or counter block */
    uint8_t buf[32];     /* pending input (ECB/CBC) or current keystream (CFB/OFB/CTR;
                            CTR makes two blocks at a time) */
    uint8_t buf_len;     /* bytes pending, or keystream bytes already used */
    uint8_t mode;        /* rp_aes_mode */
    uint8_t decrypt;
} rp_cipher_ctx;

/* Bytes rp_cipher_update may write for in_len more input (a safe output size). */
#define RP_CIPHER_UPDATE_MAX(in_len) ((in_len) + 16)

/* Set key, mode, direction (decrypt = 1) and IV (iv_len 16, or 0 for ECB).
 * 0, or -1 for a bad mode / key length / IV length (ctx wiped then). */
int rp_cipher_setup(rp_cipher_ctx *ctx, rp_aes_mode mode, int decrypt,
                    const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len);
/* The same in two steps (psa_cipher_setup, then psa_cipher_set_iv): setkey expands the
 * key once (0 / -1: bad mode or key length); set_iv starts a message (0 / -1: iv_len
 * not 16, or not 0 for ECB). A keyed context may be copied by assignment and each copy
 * given its own IV, which saves the key schedule per message. */
int rp_cipher_setkey(rp_cipher_ctx *ctx, rp_aes_mode mode, int decrypt,
                     const uint8_t *key, size_t key_len);
int rp_cipher_set_iv(rp_cipher_ctx *ctx, const uint8_t *iv, size_t iv_len);
/* Process in_len bytes, writing *out_len bytes (<= RP_CIPHER_UPDATE_MAX(in_len)) to out.
 * 0, or -1 if out_size is too small (nothing consumed or written).
 * out may equal in for CFB/OFB/CTR always, and for ECB/CBC when no partial block is
 * pending (every earlier update was a multiple of 16 bytes); otherwise the output runs
 * ahead of the input and out must not overlap in (the PSA layer copies buffers). */
int rp_cipher_update(rp_cipher_ctx *ctx, const uint8_t *in, size_t in_len,
                     uint8_t *out, size_t out_size, size_t *out_len);
/* Flush: PKCS#7 encryption writes the padded last block (16 bytes); PKCS#7 decryption
 * writes the last block without its padding (0..15 bytes); others write nothing.
 * 0, or -1 for a length that is not a multiple of 16 (ECB/CBC), bad padding or a too
 * small out_size. Always wipes ctx. The padding check is constant time. */
int rp_cipher_finish(rp_cipher_ctx *ctx, uint8_t *out, size_t out_size, size_t *out_len);
/* One-shot: setup + update + finish. Same return values. */
int rp_cipher_crypt(rp_aes_mode mode, int decrypt, const uint8_t *key, size_t key_len,
                    const uint8_t *iv, size_t iv_len, const uint8_t *in, size_t in_len,
                    uint8_t *out, size_t out_size, size_t *out_len);

/* ---------------- CMAC (SP 800-38B) ---------------- */
typedef struct {
    rp_aes_ctx aes;
    uint8_t x[16];       /* CBC-MAC chaining value */
    uint8_t buf[16];     /* last (possibly complete) block, held back for the subkey */
    uint8_t buf_len;
} rp_cmac_ctx;

int rp_cmac_init(rp_cmac_ctx *ctx, const uint8_t *key, size_t key_len);  /* 0 / -1 */
void rp_cmac_update(rp_cmac_ctx *ctx, const uint8_t *in, size_t n);
void rp_cmac_final(rp_cmac_ctx *ctx, uint8_t tag[16]);                    /* wipes ctx */
int rp_aes_cmac(const uint8_t *key, size_t key_len, const uint8_t *in, size_t n,
                uint8_t tag[16]);                                         /* 0 / -1 */

/* ---------------- GCM (SP 800-38D) ----------------
 * Any IV length >= 1 (12 is the fast path), tag lengths 4, 8, 12, 13, 14, 15, 16.
 * One-shot decryption checks the tag before any plaintext is written: on failure it
 * returns -1 and out is all zeros. out must not partially overlap in. */
int rp_gcm_encrypt(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                   const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t len,
                   uint8_t *out, uint8_t *tag, size_t tag_len);
int rp_gcm_decrypt(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                   const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t len,
                   uint8_t *out, const uint8_t *tag, size_t tag_len);

/* Multipart GCM, shaped for psa_aead_*: start, any AAD updates, then any text updates, then
 * finish (encrypt: writes the tag) or verify (decrypt). Multipart decryption releases
 * plaintext before the tag is checked, as the PSA multipart API does: a caller that must
 * not expose unverified plaintext uses the one-shot call. */
typedef struct {
    rp_aes_ctx aes;
    uint32_t h[4];       /* hash subkey H, bit-reflected words (coefficient x^i at bit i) */
    uint32_t y[4];       /* GHASH accumulator, same form */
    uint8_t j0[16];      /* pre-counter block (for the tag) */
    uint8_t ctr[16];     /* next counter block */
    uint8_t ks[32];      /* keystream of the current two blocks */
    uint8_t part[16];    /* pending AAD or ciphertext bytes for GHASH */
    uint64_t aad_len, text_len;
    uint8_t part_len;    /* bytes in part */
    uint8_t ks_used;     /* keystream bytes consumed (32 = none left) */
    uint8_t phase;       /* 0 = AAD, 1 = text */
    uint8_t decrypt;
} rp_gcm_ctx;

/* 0, or -1 for a bad key or IV length (iv_len 0) -- ctx wiped then. */
int rp_gcm_start(rp_gcm_ctx *ctx, int decrypt, const uint8_t *key, size_t key_len,
                 const uint8_t *iv, size_t iv_len);
/* The same in two steps (psa_aead_*_setup, then psa_aead_set_nonce): setkey expands the
 * key and computes H once (0 / -1: bad key length); set_iv starts a message (0 / -1:
 * iv_len 0). A keyed context may be copied by assignment and each copy given its own IV,
 * which saves the key schedule and H per message. */
int rp_gcm_setkey(rp_gcm_ctx *ctx, int decrypt, const uint8_t *key, size_t key_len);
int rp_gcm_set_iv(rp_gcm_ctx *ctx, const uint8_t *iv, size_t iv_len);
/* 0, or -1 if text was already processed or the AAD exceeds 2^61 - 1 bytes. */
int rp_gcm_update_aad(rp_gcm_ctx *ctx, const uint8_t *aad, size_t n);
/* Writes exactly n bytes. 0, or -1 if the text would exceed 2^36 - 32 bytes. */
int rp_gcm_update(rp_gcm_ctx *ctx, const uint8_t *in, size_t n, uint8_t *out);
/* Encryption: writes tag_len bytes of tag. 0 / -1 (bad tag_len). Wipes ctx. */
int rp_gcm_finish(rp_gcm_ctx *ctx, uint8_t *tag, size_t tag_len);
/* Decryption: 0 if the tag matches, else -1 (also for a bad tag_len). Wipes ctx. */
int rp_gcm_verify(rp_gcm_ctx *ctx, const uint8_t *tag, size_t tag_len);

/* The GHASH multiply (exposed for tests): x = x * h in GF(2^128), both in GCM's byte and
 * bit order (SP 800-38D 6.3), constant time. x may equal h. */
void rp_ghash_mul(uint8_t x[16], const uint8_t h[16]);

/* ---------------- CCM (SP 800-38C, RFC 3610 formatting) ----------------
 * Nonce 7..13 bytes, tag 4, 6, 8, 10, 12, 14 or 16 bytes, text below 2^(8*(15-nonce_len))
 * bytes. One-shot decryption authenticates before writing any plaintext (the CTR pass runs
 * twice); on failure it returns -1 and out is all zeros. */
int rp_ccm_encrypt(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                   const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t len,
                   uint8_t *out, uint8_t *tag, size_t tag_len);
int rp_ccm_decrypt(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                   const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t len,
                   uint8_t *out, const uint8_t *tag, size_t tag_len);

/* Multipart CCM (psa_aead_set_lengths is mandatory for CCM, so start takes the lengths).
 * Exactly aad_len bytes of AAD, then exactly text_len bytes of text must follow. As for
 * GCM, multipart decryption releases plaintext before verification. */
typedef struct {
    rp_aes_ctx aes;
    uint8_t mac[16];     /* CBC-MAC state */
    uint8_t ctr[16];     /* next counter block */
    uint8_t s0[16];      /* E(K, A_0), masks the tag */
    uint8_t ks[32];      /* keystream: one block, or two when no CBC-MAC block is due */
    uint8_t part[16];    /* pending CBC-MAC input; a full block waits to share a pass */
    uint64_t aad_left, text_left;
    uint8_t part_len, ks_used, ks_len, tag_len, decrypt;
} rp_ccm_ctx;

/* 0, or -1 for a bad key, nonce or tag length, or a text_len too big for the nonce. */
int rp_ccm_start(rp_ccm_ctx *ctx, int decrypt, const uint8_t *key, size_t key_len,
                 const uint8_t *nonce, size_t nonce_len, uint64_t aad_len, uint64_t text_len,
                 size_t tag_len);
/* The same in two steps: setkey once (0 / -1: bad key length), then per message (on a
 * copy of the keyed context, if it is to be reused) set_nonce with the lengths
 * (0 / -1: bad nonce or tag length, text_len too big for the nonce). */
int rp_ccm_setkey(rp_ccm_ctx *ctx, int decrypt, const uint8_t *key, size_t key_len);
int rp_ccm_set_nonce(rp_ccm_ctx *ctx, const uint8_t *nonce, size_t nonce_len,
                     uint64_t aad_len, uint64_t text_len, size_t tag_len);
/* 0, or -1 if more AAD than announced is given (or text already started). */
int rp_ccm_update_aad(rp_ccm_ctx *ctx, const uint8_t *aad, size_t n);
/* 0, or -1 if the AAD is incomplete or more text than announced is given. */
int rp_ccm_update(rp_ccm_ctx *ctx, const uint8_t *in, size_t n, uint8_t *out);
/* Encryption: writes ctx tag_len bytes. 0, or -1 if the lengths were not met. Wipes ctx. */
int rp_ccm_finish(rp_ccm_ctx *ctx, uint8_t *tag);
/* Decryption: 0 if the lengths were met and the tag matches, else -1. Wipes ctx. */
int rp_ccm_verify(rp_ccm_ctx *ctx, const uint8_t *tag, size_t tag_len);

#endif
