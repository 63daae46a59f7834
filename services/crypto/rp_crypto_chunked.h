/* rp_crypto_chunked.h - persistent key records over an asset store whose assets hold at
 * most RP_CHUNK_ASSET_MAX bytes (the ITS service: 512, docs/storage.md), for the Crypto
 * partition's ITS store (crypto_sp.c).
 *
 * A record that fits is one asset at its uid, as it is (the core's records start "RPK"
 * and a version byte 1 or 2). A larger one (an RSA key pair: 2048 bits 1,215 bytes) is
 * split over up to RP_CHUNKS_MAX assets whose uids differ from the record's in bits 30-31
 * (the Crypto partition's uids keep key ids in bits 0-29):
 *   chunk 0, at the record's uid:   "RPKC", the record's length (u32 LE), its first bytes
 *   chunk k = 1..RP_CHUNKS_MAX-1:   the next RP_CHUNK_ASSET_MAX bytes
 * Chunk 0 is written last and removed first, so after a power cut the record is there
 * whole or not at all; a write cut short can leave chunks nobody references, which the
 * next record at that uid rewrites. */
#ifndef RP_CRYPTO_CHUNKED_H
#define RP_CRYPTO_CHUNKED_H

#include <stddef.h>
#include <stdint.h>

#include "psa/error.h"
#include "psa/storage_common.h"

#define RP_CHUNK_ASSET_MAX 512u
#define RP_CHUNKS_MAX      4u
#define RP_CHUNK0_HDR      8u
#define RP_CHUNKED_MAX     (RP_CHUNKS_MAX * RP_CHUNK_ASSET_MAX - RP_CHUNK0_HDR) /* 2,040 */

/* The asset store, as the PSA ITS API gives it (psa_its_set / get / get_info / remove). */
struct rp_asset_api {
    psa_status_t (*set)(psa_storage_uid_t uid, size_t len, const void *data);
    psa_status_t (*get)(psa_storage_uid_t uid, size_t offset, size_t len, void *data,
                        size_t *got);
    psa_status_t (*size)(psa_storage_uid_t uid, size_t *len); /* DOES_NOT_EXIST if none */
    psa_status_t (*remove)(psa_storage_uid_t uid);
};

/* Stores the record d[0..len) at uid (replacing what is there).
 * out: PSA_SUCCESS; PSA_ERROR_INSUFFICIENT_STORAGE for len > RP_CHUNKED_MAX; or the
 *      store's error (the chunks written so far are removed again). */
psa_status_t rp_chunked_set(const struct rp_asset_api *a, psa_storage_uid_t uid,
                            const uint8_t *d, size_t len);

/* Reads the record at uid: *len = its length, at most size bytes copied to buf.
 * out: PSA_SUCCESS; PSA_ERROR_DOES_NOT_EXIST; PSA_ERROR_DATA_CORRUPT for a chunked
 *      record whose header or chunks do not agree; or the store's error. */
psa_status_t rp_chunked_get(const struct rp_asset_api *a, psa_storage_uid_t uid,
                            uint8_t *buf, size_t size, size_t *len);

/* Removes the record at uid and its chunks. out: the store's answer for the record's own
 * asset (PSA_ERROR_DOES_NOT_EXIST if there is none). */
psa_status_t rp_chunked_remove(const struct rp_asset_api *a, psa_storage_uid_t uid);

#endif
