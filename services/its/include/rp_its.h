/* rp_its.h - Rampart's Internal Trusted Storage: a power-fail-safe flat filesystem on a
 * NOR flash area (rp_flash.h) and the PSA ITS 1.0 semantics on top of it.
 *
 * Files are keyed by (client_id, uid); each client sees only its own uids. Every set and
 * every remove is atomic: after a power loss at any point a file holds its old or its new
 * contents and no other file changes. The on-flash layout and the commit protocol are in
 * docs/storage.md.
 *
 * Limits are configuration: block size and count, number of files and largest file. RAM is
 * supplied by the caller (slot_ram and block_ram, sized with the macros below), so one build
 * serves ITS and the PS backing store. Nothing is allocated.
 *
 * The rp_its_* calls below take the caller's client ID explicitly; the secure partition
 * wrapper (SPM side) reads iovecs and calls them. They return PSA status codes exactly as
 * the PSA ITS 1.0 API defines them (docs/storage.md, FORMATS.md section 4.1).
 * A filesystem instance is not reentrant: one call at a time.
 */
#ifndef RP_ITS_H
#define RP_ITS_H

#include <stddef.h>
#include <stdint.h>
#include "psa/error.h"
#include "psa/storage_common.h"
#include "rp_flash.h"

/* One file slot of the metadata (RAM copy). */
struct rp_its_slot {
    uint64_t uid;
    int32_t client_id;
    uint32_t size;        /* bytes of data */
    uint32_t offset;      /* within its logical block's data area, program-unit aligned */
    uint16_t flags;       /* PSA_STORAGE_FLAG_* */
    uint8_t lb;           /* logical block */
    uint8_t state;        /* free, live, or doomed (replaced, removal pending) */
};

/* RAM the caller supplies for a configuration (element counts). */
#define RP_ITS_SLOT_RAM(max_files)  (2u * ((max_files) + 1u))
#define RP_ITS_BLOCK_RAM(blocks)    (2u * (blocks))

/* Largest program unit supported (bytes). */
#define RP_ITS_MAX_PROGRAM_UNIT 32u

struct rp_its_config {
    const struct rp_flash *flash;
    uint32_t first_sector;       /* the area starts at this sector of the device */
    uint32_t sectors_per_block;  /* a block is this many erase sectors */
    uint32_t block_count;        /* 2, or 4..255 (3 is invalid: no data scratch block) */
    uint32_t max_files;          /* 1..250 files at once; one more slot is kept spare */
    uint32_t max_asset_size;     /* largest file, bytes (1 .. a data block) */
    struct rp_its_slot *slot_ram;  /* RP_ITS_SLOT_RAM(max_files) entries or more */
    uint16_t *block_ram;           /* RP_ITS_BLOCK_RAM(block_count) entries or more */
    uint32_t slot_ram_count;       /* entries at slot_ram */
    uint32_t block_ram_count;      /* entries at block_ram */
};

/* Instance state. Fields are private to rp_its.c. */
struct rp_its {
    struct rp_its_config cfg;
    struct rp_its_slot *cur, *next;   /* committed metadata and the one being built */
    uint16_t *cur_phys, *next_phys;   /* physical block of each logical block */
    uint32_t block_size, hdr_size, body_size, lb0_start, lb_count, nslots;
    uint32_t gen, active, scratch;    /* generation, live metadata block, data scratch */
    int mounted;
};

/* Validates cfg and mounts the area: picks the newest valid metadata block, finishes an
 * interrupted replace, or formats the area if it holds no valid metadata at all.
 * Returns PSA_SUCCESS, PSA_ERROR_INVALID_ARGUMENT (bad cfg), or PSA_ERROR_STORAGE_FAILURE
 * (flash error, or an area formatted with a different geometry: never reformatted). After a
 * flash error in a later call the instance re-mounts itself on the next call. */
psa_status_t rp_its_mount(struct rp_its *fs, const struct rp_its_config *cfg);

/* PSA ITS 1.0 psa_its_set for client_id. data may be NULL when len == 0. Creates or
 * atomically replaces (data and flags) the file. */
psa_status_t rp_its_set(struct rp_its *fs, int32_t client_id, psa_storage_uid_t uid,
                        size_t len, const void *data, psa_storage_create_flags_t flags);

/* PSA ITS 1.0 psa_its_get: copies min(len, size - offset) bytes from offset into buf and
 * sets *out_len. buf may be NULL when len == 0. offset > size: INVALID_ARGUMENT, buf and
 * *out_len untouched. */
psa_status_t rp_its_get(struct rp_its *fs, int32_t client_id, psa_storage_uid_t uid,
                        size_t offset, size_t len, void *buf, size_t *out_len);

/* PSA ITS 1.0 psa_its_get_info: capacity = size = current size, flags as stored. */
psa_status_t rp_its_get_info(struct rp_its *fs, int32_t client_id, psa_storage_uid_t uid,
                             struct psa_storage_info_t *info);

/* PSA ITS 1.0 psa_its_remove. */
psa_status_t rp_its_remove(struct rp_its *fs, int32_t client_id, psa_storage_uid_t uid);

/* Number of files (all clients) and bytes of data free in the largest logical block.
 * For tests and the host library. */
uint32_t rp_its_file_count(struct rp_its *fs);
uint32_t rp_its_largest_free(struct rp_its *fs);

#endif
