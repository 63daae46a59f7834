/* rp_ps.h - Rampart's Protected Storage: PSA PS 1.0 semantics over an rp_its instance of
 * its own (the PS flash area), every object encrypted and authenticated with AES-128-GCM
 * under a key derived from the hardware unique key, and an object table authenticated and
 * bound to three monotonic NV counters (rollback protection). FORMATS.md section 5 and
 * docs/storage.md describe the storage layout and the protocol.
 *
 * Like rp_its, the rp_ps_* calls take the caller's client ID explicitly; the secure
 * partition wrapper supplies it. One call at a time per instance. No allocation: the
 * instance holds a table and one object buffer (about RP_PS_OBJ_MAX bytes).
 */
#ifndef RP_PS_H
#define RP_PS_H

#include <stddef.h>
#include <stdint.h>
#include "psa/error.h"
#include "psa/storage_common.h"
#include "rp_flash.h"
#include "rp_its.h"

/* Build-time caps; the configuration may use less. */
#ifndef RP_PS_MAX_ASSETS
#define RP_PS_MAX_ASSETS 10u
#endif
#ifndef RP_PS_MAX_ASSET_SIZE
#define RP_PS_MAX_ASSET_SIZE 2048u
#endif

#define RP_PS_HUK_SIZE   32u
#define RP_PS_IV_SIZE    12u
#define RP_PS_TAG_SIZE   16u
#define RP_PS_OBJ_HDR    12u   /* {u32 size, u32 max_size, u32 flags} */
#define RP_PS_ENTRY_SIZE 28u   /* {tag[16], u64 uid, i32 client_id} */
/* ITS file of one object: IV || ciphertext of (header || data). */
#define RP_PS_OBJ_MAX (RP_PS_IV_SIZE + RP_PS_OBJ_HDR + RP_PS_MAX_ASSET_SIZE)
/* ITS file of one table copy: tag, IV, version, entries for max_assets + 1 objects. */
#define RP_PS_TABLE_SIZE(max_assets) \
    (RP_PS_TAG_SIZE + RP_PS_IV_SIZE + 4u + RP_PS_ENTRY_SIZE * ((max_assets) + 1u))

#define RP_PS_BUF_SIZE                                                        \
    (RP_PS_OBJ_MAX > RP_PS_TABLE_SIZE(RP_PS_MAX_ASSETS) + 4u                  \
         ? RP_PS_OBJ_MAX : RP_PS_TABLE_SIZE(RP_PS_MAX_ASSETS) + 4u)

/* The three NV counters PS uses (ids in rp_nv_counters). */
#define RP_PS_NVC1 0u
#define RP_PS_NVC2 1u
#define RP_PS_NVC3 2u

struct rp_ps_platform {
    /* Writes the hardware unique key; returns 0, or non-zero if it is unavailable. */
    int (*get_huk)(void *ctx, uint8_t huk[RP_PS_HUK_SIZE]);
    void *huk_ctx;
    const struct rp_nv_counters *nvc;  /* ids RP_PS_NVC1..3 */
};

struct rp_ps_config {
    struct rp_its_config its;   /* the PS area: max_files >= max_assets + 3 and
                                   max_asset_size >= IV + header + max_asset_size */
    struct rp_ps_platform plat;
    uint32_t max_assets;        /* 1..RP_PS_MAX_ASSETS */
    uint32_t max_asset_size;    /* 1..RP_PS_MAX_ASSET_SIZE */
};

struct rp_ps_entry {
    uint8_t tag[RP_PS_TAG_SIZE];
    uint64_t uid;                /* 0: free */
    int32_t client_id;
};

/* Instance state; fields are private to rp_ps.c. */
struct rp_ps {
    struct rp_ps_config cfg;
    struct rp_its its;
    struct rp_ps_entry table[RP_PS_MAX_ASSETS + 1u];
    uint32_t active;             /* ITS uid (1 or 2) of the valid table copy; 0: none yet */
    uint32_t nvc1;               /* cached NV counter 1 */
    psa_status_t state;          /* PSA_SUCCESS when mounted, else why not */
    uint8_t buf[RP_PS_BUF_SIZE];   /* one object, or one table copy + NV counter value */
};

/* Mounts the PS area (rp_its_mount), authenticates the object table against the NV
 * counters, finishes an interrupted update and removes orphaned objects.
 * PSA_SUCCESS; PSA_ERROR_INVALID_ARGUMENT (bad cfg); PSA_ERROR_STORAGE_FAILURE (flash or
 * counters); PSA_ERROR_INVALID_SIGNATURE (no table copy authenticates: tampering or a
 * rollback to an older image). After a failed mount every call returns its status; after a
 * flash error in a call the instance re-mounts itself on the next call. */
psa_status_t rp_ps_mount(struct rp_ps *ps, const struct rp_ps_config *cfg);

/* PSA PS 1.0 psa_ps_set / get / get_info / remove for client_id, with the results of
 * FORMATS.md section 4.1. get and get_info may also return PSA_ERROR_INVALID_SIGNATURE (an
 * object fails authentication) or PSA_ERROR_DATA_CORRUPT (an authenticated object with an
 * impossible header, or a missing object); set and remove of such an object return the
 * same, since its flags (write-once) cannot be trusted. */
psa_status_t rp_ps_set(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                       size_t len, const void *data, psa_storage_create_flags_t flags);
psa_status_t rp_ps_get(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                       size_t offset, size_t len, void *buf, size_t *out_len);
psa_status_t rp_ps_get_info(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                            struct psa_storage_info_t *info);
psa_status_t rp_ps_remove(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid);

/* psa_ps_create and psa_ps_set_extended: not supported (PSA_ERROR_NOT_SUPPORTED);
 * psa_ps_get_support: 0. */
psa_status_t rp_ps_create(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                          size_t capacity, psa_storage_create_flags_t flags);
psa_status_t rp_ps_set_extended(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                                size_t offset, size_t len, const void *data);
uint32_t rp_ps_get_support(void);

#endif
