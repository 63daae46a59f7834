/* rp_crypto_chunked.c - key records split over small assets (rp_crypto_chunked.h). */
#include <string.h>

#include "rp_crypto_chunked.h"
#include "rp_crypto_int.h"
#include "rp_ct.h"

static psa_storage_uid_t chunk_uid(psa_storage_uid_t uid, unsigned k)
{
    return uid ^ ((psa_storage_uid_t)k << 30);
}

/* Chunk k's share of a chunked record of len bytes: its offset in the record (*at) and
 * its length (0: the record has no chunk k). */
static size_t chunk_share(size_t len, unsigned k, size_t *at)
{
    size_t first = RP_CHUNK_ASSET_MAX - RP_CHUNK0_HDR;
    size_t start = k == 0 ? 0 : first + (k - 1u) * RP_CHUNK_ASSET_MAX;
    size_t cap = k == 0 ? first : RP_CHUNK_ASSET_MAX;
    *at = start;
    return len <= start ? 0 : (len - start < cap ? len - start : cap);
}

/* Removes chunks from..RP_CHUNKS_MAX-1 of uid, those that exist. */
static void remove_chunks(const struct rp_asset_api *a, psa_storage_uid_t uid,
                          unsigned from)
{
    for (unsigned k = from; k < RP_CHUNKS_MAX; k++) {
        (void)a->remove(chunk_uid(uid, k));
    }
}

psa_status_t rp_chunked_set(const struct rp_asset_api *a, psa_storage_uid_t uid,
                            const uint8_t *d, size_t len)
{
    static uint8_t chunk0[RP_CHUNK_ASSET_MAX];
    size_t at, n;
    psa_status_t st;
    if (len <= RP_CHUNK_ASSET_MAX) {
        st = a->set(uid, len, d);
        if (st == PSA_SUCCESS) {
            remove_chunks(a, uid, 1); /* left by a write a power cut cut short */
        }
        return st;
    }
    if (len > RP_CHUNKED_MAX) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    unsigned k = 1;
    for (; k < RP_CHUNKS_MAX && (n = chunk_share(len, k, &at)) != 0; k++) {
        st = a->set(chunk_uid(uid, k), n, d + at);
        if (st != PSA_SUCCESS) {
            remove_chunks(a, uid, 1);
            return st;
        }
    }
    n = chunk_share(len, 0, &at);
    memcpy(chunk0, "RPKC", 4);
    rp_ck_put_le32(chunk0 + 4, (uint32_t)len);
    memcpy(chunk0 + RP_CHUNK0_HDR, d, n);
    st = a->set(uid, RP_CHUNK0_HDR + n, chunk0); /* the record exists from here on */
    rp_wipe(chunk0, sizeof chunk0);               /* key material */
    /* failed: its chunks; written: the chunks beyond its own that a write a power cut cut
     * short may have left */
    remove_chunks(a, uid, st == PSA_SUCCESS ? k : 1);
    return st;
}

/* Reads n bytes of asset uid from offset into dst, which must all be there. */
static psa_status_t read_exact(const struct rp_asset_api *a, psa_storage_uid_t uid,
                               size_t offset, size_t n, uint8_t *dst)
{
    size_t got = 0;
    if (n == 0) {
        return PSA_SUCCESS;
    }
    return a->get(uid, offset, n, dst, &got) == PSA_SUCCESS && got == n
               ? PSA_SUCCESS
               : PSA_ERROR_DATA_CORRUPT;
}

/* The chunks of a chunked record of len bytes (chunk 0 has size0 bytes) into
 * buf[0..size). A chunk missing or of the wrong size: PSA_ERROR_DATA_CORRUPT. */
static psa_status_t get_chunks(const struct rp_asset_api *a, psa_storage_uid_t uid,
                               size_t len, size_t size0, uint8_t *buf, size_t size)
{
    size_t at, n, have;
    if (len <= RP_CHUNK_ASSET_MAX || len > RP_CHUNKED_MAX ||
        size0 != RP_CHUNK0_HDR + chunk_share(len, 0, &at)) {
        return PSA_ERROR_DATA_CORRUPT;
    }
    for (unsigned k = 0; k < RP_CHUNKS_MAX && (n = chunk_share(len, k, &at)) != 0; k++) {
        psa_storage_uid_t cu = chunk_uid(uid, k);
        size_t off = k == 0 ? RP_CHUNK0_HDR : 0;
        if (k != 0 && (a->size(cu, &have) != PSA_SUCCESS || have != n)) {
            return PSA_ERROR_DATA_CORRUPT;
        }
        if (at < size &&
            read_exact(a, cu, off, n < size - at ? n : size - at, buf + at) != PSA_SUCCESS) {
            return PSA_ERROR_DATA_CORRUPT;
        }
    }
    return PSA_SUCCESS;
}

psa_status_t rp_chunked_get(const struct rp_asset_api *a, psa_storage_uid_t uid,
                            uint8_t *buf, size_t size, size_t *len)
{
    uint8_t hdr[RP_CHUNK0_HDR];
    size_t size0, got = 0;
    psa_status_t st = a->size(uid, &size0);
    if (st != PSA_SUCCESS) {
        return st;
    }
    if (size0 >= RP_CHUNK0_HDR && read_exact(a, uid, 0, RP_CHUNK0_HDR, hdr) == PSA_SUCCESS &&
        memcmp(hdr, "RPKC", 4) == 0) {
        *len = rp_ck_get_le32(hdr + 4);
        return get_chunks(a, uid, *len, size0, buf, size);
    }
    *len = size0;
    if (size == 0 || size0 == 0) {
        return PSA_SUCCESS;
    }
    return a->get(uid, 0, size0 < size ? size0 : size, buf, &got);
}

psa_status_t rp_chunked_remove(const struct rp_asset_api *a, psa_storage_uid_t uid)
{
    psa_status_t st = a->remove(uid); /* the record is gone from here on */
    if (st == PSA_SUCCESS || st == PSA_ERROR_DOES_NOT_EXIST) {
        remove_chunks(a, uid, 1); /* DOES_NOT_EXIST: those of a write cut short, if any */
    }
    return st;
}
