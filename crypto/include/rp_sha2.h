/* rp_sha2.h - SHA-224/256/384/512 (FIPS 180-4), legacy SHA-1, and a generic hash layer.
 *
 * Streaming: init, any number of updates (any lengths, including 0), final. A context is a
 * plain struct: copy it by assignment to clone a running hash (HMAC, TLS handshake hashes).
 * final() wipes the context. No function allocates; none fails.
 *
 * Timing depends on message lengths only, never on message or state contents.
 */
#ifndef RP_SHA2_H
#define RP_SHA2_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[8];
    uint64_t len;        /* bytes hashed so far */
    uint8_t buf[64];
    uint8_t out_len;     /* 28 (SHA-224) or 32 (SHA-256) */
} rp_sha256_ctx;

typedef struct {
    uint64_t h[8];
    uint64_t len;        /* bytes hashed so far (messages below 2^64 bytes) */
    uint8_t buf[128];
    uint8_t out_len;     /* 48 (SHA-384) or 64 (SHA-512) */
} rp_sha512_ctx;

void rp_sha224_init(rp_sha256_ctx *ctx);
void rp_sha256_init(rp_sha256_ctx *ctx);
void rp_sha256_update(rp_sha256_ctx *ctx, const uint8_t *in, size_t n);
/* Writes ctx->out_len bytes (28 or 32) to out, then wipes ctx. */
void rp_sha256_final(rp_sha256_ctx *ctx, uint8_t *out);
void rp_sha256(const uint8_t *in, size_t n, uint8_t out[32]);
void rp_sha224(const uint8_t *in, size_t n, uint8_t out[28]);

void rp_sha384_init(rp_sha512_ctx *ctx);
void rp_sha512_init(rp_sha512_ctx *ctx);
void rp_sha512_update(rp_sha512_ctx *ctx, const uint8_t *in, size_t n);
/* Writes ctx->out_len bytes (48 or 64) to out, then wipes ctx. */
void rp_sha512_final(rp_sha512_ctx *ctx, uint8_t *out);
void rp_sha512(const uint8_t *in, size_t n, uint8_t out[64]);
void rp_sha384(const uint8_t *in, size_t n, uint8_t out[48]);

/* SHA-1: WEAK. Collisions are practical; use only to verify legacy data (e.g. old
 * certificates or HMAC-SHA-1 in legacy protocols), never for new signatures. */
typedef struct {
    uint32_t h[5];
    uint64_t len;
    uint8_t buf[64];
} rp_sha1_ctx;

void rp_sha1_init(rp_sha1_ctx *ctx);
void rp_sha1_update(rp_sha1_ctx *ctx, const uint8_t *in, size_t n);
void rp_sha1_final(rp_sha1_ctx *ctx, uint8_t out[20]);

/* ---- generic layer ---- */
typedef enum {
    RP_HASH_SHA1 = 1, /* weak, legacy verification only */
    RP_HASH_SHA224,
    RP_HASH_SHA256,
    RP_HASH_SHA384,
    RP_HASH_SHA512
} rp_hash_id;

#define RP_HASH_MAX_SIZE 64
#define RP_HASH_MAX_BLOCK_SIZE 128

typedef struct {
    rp_hash_id id;
    union {
        rp_sha1_ctx sha1;
        rp_sha256_ctx sha256;
        rp_sha512_ctx sha512;
    } u;
} rp_hash_ctx;

/* Digest size in bytes (20..64), or 0 for an unknown id. */
size_t rp_hash_size(rp_hash_id id);
/* Block size in bytes (64 or 128), or 0 for an unknown id. */
size_t rp_hash_block_size(rp_hash_id id);
/* 0 on success, -1 for an unknown id (ctx then unusable). */
int rp_hash_init(rp_hash_ctx *ctx, rp_hash_id id);
void rp_hash_update(rp_hash_ctx *ctx, const uint8_t *in, size_t n);
/* Writes rp_hash_size(ctx->id) bytes, then wipes the state. */
void rp_hash_final(rp_hash_ctx *ctx, uint8_t *out);
/* One-shot; 0 or -1 (unknown id). */
int rp_hash(rp_hash_id id, const uint8_t *in, size_t n, uint8_t *out);

#endif
