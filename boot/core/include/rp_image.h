/* rp_image.h - the MCUboot 2.0 image format: parse and validate an image in a slot.
 *
 * Pure logic over a memory-mapped slot (BL2 on AN521 reads flash directly; host tests pass
 * a buffer). Nothing is written; nothing is allocated. Format: docs/boot.md and
 * FORMATS.md §1.1-1.3.
 *
 * Every function returns RP_IMG_OK (0) or one RP_IMG_ERR_* code that names the first
 * reason the image was refused; rp_image_reason() turns it into a short console word.
 */
#ifndef RP_IMAGE_H
#define RP_IMAGE_H

#include <stdint.h>

#define RP_IMAGE_MAGIC          0x96F3B83Du
#define RP_IMAGE_HDR_MIN        32u
#define RP_IMAGE_TLV_PROT_MAGIC 0x6908u
#define RP_IMAGE_TLV_MAGIC      0x6907u

/* TLV types (FORMATS.md §1.2). */
#define RP_TLV_KEYHASH      0x01u
#define RP_TLV_PUBKEY       0x02u
#define RP_TLV_SHA256       0x10u
#define RP_TLV_ECDSA_SIG    0x22u
#define RP_TLV_DEPENDENCY   0x40u
#define RP_TLV_SEC_CNT      0x50u
#define RP_TLV_BOOT_RECORD  0x60u

/* Header flags. Rampart boots execute-in-place images only: every flag below except
 * ROM_FIXED (checked against the slot) is refused. */
#define RP_IMAGE_F_PIC          0x01u
#define RP_IMAGE_F_ENC_AES128   0x04u
#define RP_IMAGE_F_ENC_AES256   0x08u
#define RP_IMAGE_F_NON_BOOTABLE 0x10u
#define RP_IMAGE_F_RAM_LOAD     0x20u
#define RP_IMAGE_F_ROM_FIXED    0x100u

#define RP_IMAGE_SPKI_LEN       91u  /* DER SubjectPublicKeyInfo of a P-256 key */
#define RP_IMAGE_BOOT_RECORD_MAX 100u
#define RP_IMAGE_MAX_DEPS       2u

enum rp_image_err {
    RP_IMG_OK = 0,
    RP_IMG_ERR_EMPTY,        /* the slot is erased (magic all 0xFF) */
    RP_IMG_ERR_MAGIC,        /* wrong header magic */
    RP_IMG_ERR_HEADER,       /* hdr_size below 32, or slot too small for a header */
    RP_IMG_ERR_FLAGS,        /* an unsupported flag, or ROM_FIXED for another slot */
    RP_IMG_ERR_SIZE,         /* hdr_size + img_size (+ TLVs) overflows or passes the slot */
    RP_IMG_ERR_TLV_MAGIC,    /* a TLV area with the wrong magic or protect_tlv_size */
    RP_IMG_ERR_TLV_BOUNDS,   /* a TLV area that ends past the slot (before the trailer) */
    RP_IMG_ERR_TLV_OVERSIZE, /* an entry that runs past its area, or does not fill it */
    RP_IMG_ERR_TLV_TYPE,     /* a protected type in the unprotected area or vice versa */
    RP_IMG_ERR_TLV_LEN,      /* a known type with a length its format does not allow */
    RP_IMG_ERR_TLV_DUP,      /* a second SHA256, SEC_CNT or BOOT_RECORD */
    RP_IMG_ERR_NO_HASH,      /* no SHA256 TLV */
    RP_IMG_ERR_HASH,         /* SHA256 TLV differs from the image's hash */
    RP_IMG_ERR_NO_SIG,       /* no signature at all */
    RP_IMG_ERR_KEY,          /* signatures only by keys that are not provisioned */
    RP_IMG_ERR_SIG,          /* a provisioned key's signature does not verify */
    RP_IMG_ERR_NO_SEC_CNT,   /* no protected SEC_CNT (anti-rollback needs one) */
    RP_IMG_ERR_ROLLBACK,     /* SEC_CNT below the stored NV counter */
    RP_IMG_ERR_DEPENDENCY,   /* another image's version is below a DEPENDENCY minimum */
    RP_IMG_ERR_COUNT
};

struct rp_image_version {
    uint8_t major;
    uint8_t minor;
    uint16_t revision;
    uint32_t build;
};

/* A provisioned signing key: the SHA-256 of its SPKI (what KEYHASH carries and what a
 * PUBKEY TLV must hash to) and the point itself (04 || X || Y) for KEYHASH images. */
struct rp_image_key {
    const uint8_t *hash;   /* 32 bytes */
    const uint8_t *pub;    /* 65 bytes, or NULL: the key is accepted only from PUBKEY */
};

struct rp_image_dep {
    uint8_t image_id;
    struct rp_image_version min;
};

/* What rp_image_parse() found. Offsets count from the slot start. */
struct rp_image_info {
    uint32_t load_addr, flags;
    uint32_t hdr_size, img_size, prot_size;
    struct rp_image_version version;
    uint32_t hashed_size;      /* hdr_size + img_size + prot_size: what the hash covers */
    uint32_t tlv_off;          /* the unprotected area's info header */
    uint32_t end;              /* just past the unprotected area */
    uint32_t sec_cnt;
    uint8_t has_sec_cnt;
    uint8_t dep_count;
    uint16_t boot_record_len;  /* 0 if absent */
    uint32_t boot_record_off;  /* the BOOT_RECORD data */
    uint32_t sha256_off;       /* the SHA256 TLV data, 0 if absent */
    struct rp_image_dep dep[RP_IMAGE_MAX_DEPS];
    uint8_t hash[32];          /* rp_image_validate(): the computed hash */
    uint8_t signer[32];        /* rp_image_validate(): hash of the key that verified */
};

/* Structure checks only (no hash, no signature): header, both TLV areas, every entry.
 * slot: the slot's first byte; limit: how many bytes an image with its TLVs may use (the
 * slot size minus the trailer reservation); slot_off: the slot's flash offset, which a
 * ROM_FIXED image's load_addr must equal. Fills *info on RP_IMG_OK; on failure *info is
 * partial and must not be used. */
int rp_image_parse(const uint8_t *slot, uint32_t limit, uint32_t slot_off,
                   struct rp_image_info *info);

/* rp_image_parse(), then FORMATS.md §1.2-1.3 in MCUboot's order: the SHA256 TLV must equal
 * the hash of the hashed region, one ECDSA-P256 signature by one of keys[0..nkeys) must
 * verify, and the protected SEC_CNT must be present and >= min_sec_cnt. */
int rp_image_validate(const uint8_t *slot, uint32_t limit, uint32_t slot_off,
                      const struct rp_image_key *keys, uint32_t nkeys,
                      uint32_t min_sec_cnt, struct rp_image_info *info);

/* -1, 0, 1 as a is below, equal to or above b, comparing major, minor, revision, build. */
int rp_image_version_cmp(const struct rp_image_version *a, const struct rp_image_version *b);

/* DEPENDENCY check: every entry of info for image other_id needs other >= its minimum. */
int rp_image_check_deps(const struct rp_image_info *info, uint8_t other_id,
                        const struct rp_image_version *other);

/* Short, stable word for a result ("ok", "bad-magic", "bad-hash", ...): console lines. */
const char *rp_image_reason(int err);

#endif
