/* rp_drbg.h - HMAC_DRBG (NIST SP 800-90A Rev. 1, 10.1.2) over any rp_hash_id.
 *
 * Two layers:
 *  - rp_hmac_drbg_*: the deterministic mechanism. The caller passes entropy input
 *    explicitly (test vectors, or a platform that gathers entropy itself).
 *  - rp_drbg_*: the same mechanism fed by a platform entropy function that the caller
 *    supplies (a TRNG driver on real hardware), with automatic reseeding when the reseed
 *    interval is reached and prediction resistance on request.
 * Security strength: 128 bits (SHA-1), 192 (SHA-224), 256 (SHA-256/384/512); entropy
 * input is requested in that many bytes (and half as much again at instantiation, the
 * nonce taken from the same source as SP 800-90A 8.6.7 allows).
 * The state is secret; rp_drbg_uninstantiate wipes it.
 */
#ifndef RP_DRBG_H
#define RP_DRBG_H

#include <stddef.h>
#include <stdint.h>
#include "rp_sha2.h"

/* Fill out[0..len) with full-entropy bits. 0 on success; anything else = failure. */
typedef int (*rp_entropy_fn)(void *arg, uint8_t *out, size_t len);

#define RP_DRBG_MAX_REQUEST      65536u     /* bytes per generate (2^19 bits) */
#define RP_DRBG_RESEED_INTERVAL  10000u     /* default; SP 800-90A allows up to 2^48 */
#define RP_DRBG_RESEED_REQUIRED  1          /* return of rp_hmac_drbg_generate */

typedef struct {
    uint8_t k[RP_HASH_MAX_SIZE], v[RP_HASH_MAX_SIZE];
    uint64_t reseed_counter, reseed_interval;
    rp_hash_id id;
    rp_entropy_fn entropy;      /* NULL for the deterministic layer */
    void *entropy_arg;
    uint8_t prediction_resistance;
} rp_drbg_ctx;

/* ---- deterministic mechanism ---- */
/* 10.1.2.3 Instantiate with seed material entropy || nonce || pers (each may be empty).
 * 0, or -1 for an unknown id. reseed_interval is set to RP_DRBG_RESEED_INTERVAL. */
int rp_hmac_drbg_instantiate(rp_drbg_ctx *ctx, rp_hash_id id,
                             const uint8_t *entropy, size_t entropy_len,
                             const uint8_t *nonce, size_t nonce_len,
                             const uint8_t *pers, size_t pers_len);
/* 10.1.2.4 Reseed with entropy || addl. Always 0. */
int rp_hmac_drbg_reseed(rp_drbg_ctx *ctx, const uint8_t *entropy, size_t entropy_len,
                        const uint8_t *addl, size_t addl_len);
/* 10.1.2.5 Generate n bytes. 0; RP_DRBG_RESEED_REQUIRED when the reseed counter has passed
 * the interval (nothing written); -1 for n > RP_DRBG_MAX_REQUEST. */
int rp_hmac_drbg_generate(rp_drbg_ctx *ctx, uint8_t *out, size_t n,
                          const uint8_t *addl, size_t addl_len);

/* ---- with an entropy source ---- */
/* Instantiate from entropy(arg) (3/2 x strength bytes) and the personalization string.
 * prediction_resistance != 0 makes every generate reseed first. 0, or -1 for an unknown
 * id, a NULL source or an entropy failure (ctx wiped then). */
int rp_drbg_instantiate(rp_drbg_ctx *ctx, rp_hash_id id, rp_entropy_fn entropy, void *arg,
                        const uint8_t *pers, size_t pers_len, int prediction_resistance);
/* Reseed from the source (strength bytes) plus additional input. 0 or -1 (source failed:
 * the state is left as it was). */
int rp_drbg_reseed(rp_drbg_ctx *ctx, const uint8_t *addl, size_t addl_len);
/* Generate n bytes. Reseeds first when prediction resistance is on for the context or
 * requested here, or when the reseed interval is reached. 0, or -1 (n too big, source
 * failure: nothing written). */
int rp_drbg_generate(rp_drbg_ctx *ctx, uint8_t *out, size_t n,
                     const uint8_t *addl, size_t addl_len, int prediction_resistance);
void rp_drbg_uninstantiate(rp_drbg_ctx *ctx);

#endif
