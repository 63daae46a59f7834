/* rp_boot.h - BL2's boot decision: upgrades (overwrite-only or swap with a scratch area),
 * revert, validation of every image, anti-rollback NV counters.
 *
 * Pure logic over the rp_flash.h seam plus a memory-mapped view of the same flash (reads),
 * so the same code runs in bl2.elf and on the host under the power-cut flash simulator.
 * Layout, trailer and the power-fail argument: docs/boot.md; FORMATS.md §1.4-1.5.
 *
 * The swap state lives in MCUboot's trailers (FORMATS.md 1.4): the request in the
 * secondary's (magic, image_ok), "swap in progress" in the primary's (magic, swap_info,
 * swap_size, copy_done unset) with the per-sector progress in its status area, the result
 * in the primary's (copy_done, image_ok). Rampart's choices within the format: the last
 * sector of every slot is reserved for the trailer (an image with its TLVs ends before
 * it), so the swap never moves a trailer; the status area has 3 bytes per sector of the
 * slot (imgtool's default of 128 sectors for AN521's 0x80000 slots: a 432-byte trailer);
 * the scratch area's first sector is the swap buffer and its last one holds the scratch
 * trailer, through which every primary trailer rewrite is staged.
 */
#ifndef RP_BOOT_H
#define RP_BOOT_H

#include <stdint.h>

#include "rp_flash.h"
#include "rp_image.h"

#define RP_BOOT_MAX_IMAGES 2

/* Upgrade modes. */
#define RP_BOOT_MODE_OVERWRITE 1
#define RP_BOOT_MODE_SWAP      2

/* Swap types (the trailer's swap_info, FORMATS.md §1.4). */
#define RP_SWAP_NONE   1
#define RP_SWAP_TEST   2
#define RP_SWAP_PERM   3
#define RP_SWAP_REVERT 4

/* Trailer field positions, counted back from the slot end (BOOT_MAX_ALIGN 8). */
#define RP_TRAILER_MAGIC      16u
#define RP_TRAILER_IMAGE_OK   24u
#define RP_TRAILER_COPY_DONE  32u
#define RP_TRAILER_SWAP_INFO  40u
#define RP_TRAILER_SWAP_SIZE  48u   /* u32, bytes; below it the swap status area */

/* rp_boot_go() results. */
#define RP_BOOT_OK        0
#define RP_BOOT_ERR_IMAGE (-1)  /* an image is not bootable: see the result's status[] */
#define RP_BOOT_ERR_FLASH (-2)  /* a flash or NV counter operation failed (power loss) */
#define RP_BOOT_ERR_CFG   (-3)  /* the configuration is inconsistent */
#define RP_BOOT_ERR_TRAILER (-4) /* rp_boot_confirm: a malformed trailer (BAD magic or image_ok) */

/* MCUboot's trailer magic for BOOT_MAX_ALIGN 8 (FORMATS.md 1.4). */
extern const uint8_t rp_boot_magic[16];

struct rp_boot_image_cfg {
    uint32_t primary, secondary;   /* slot flash offsets */
    uint32_t nvc_id;               /* its security counter */
};

struct rp_boot_cfg {
    const struct rp_flash *flash;
    const uint8_t *map;            /* the flash contents, memory-mapped, for reads */
    const struct rp_nv_counters *nvc;
    const struct rp_image_key *keys;
    uint32_t nkeys;
    uint32_t slot_size;            /* a multiple of the sector size */
    uint32_t scratch;              /* scratch area offset (swap mode) */
    uint32_t scratch_size;         /* >= 2 sectors: the swap buffer first, the staged
                                      trailer in the last */
    uint32_t mode;                 /* RP_BOOT_MODE_* */
    uint32_t image_count;          /* 1..RP_BOOT_MAX_IMAGES; image i's id is i */
    struct rp_boot_image_cfg img[RP_BOOT_MAX_IMAGES];
};

/* What happened to each image in this boot. */
#define RP_BOOT_UP_NONE      0
#define RP_BOOT_UP_INSTALLED 1    /* overwrite-only: the secondary was copied in */
#define RP_BOOT_UP_TEST      2    /* swapped in for one test boot */
#define RP_BOOT_UP_PERM      3    /* swapped in for good */
#define RP_BOOT_UP_REVERTED  4    /* an unconfirmed test image was swapped back out */
#define RP_BOOT_UP_REFUSED   5    /* a requested image failed validation and was erased */

struct rp_boot_result {
    int status[RP_BOOT_MAX_IMAGES];      /* RP_IMG_* of the primary after the upgrade step */
    int upgrade[RP_BOOT_MAX_IMAGES];     /* RP_BOOT_UP_* */
    int refused[RP_BOOT_MAX_IMAGES];     /* RP_IMG_* reason when upgrade is REFUSED */
    uint32_t counter[RP_BOOT_MAX_IMAGES];/* NV counter after this boot */
    struct rp_image_info info[RP_BOOT_MAX_IMAGES];
};

/* One boot: finish any interrupted swap, carry out a requested upgrade or revert, then
 * validate every primary (hash, signature, SEC_CNT >= its NV counter, dependencies) and
 * raise the NV counter of every confirmed image to its SEC_CNT. RP_BOOT_OK when every
 * image is bootable. Every step is restartable: a power loss at any flash write leaves a
 * state from which the next rp_boot_go() boots the old or the new image. */
int rp_boot_go(const struct rp_boot_cfg *cfg, struct rp_boot_result *res);

/* The running image confirms itself (a TEST upgrade is otherwise reverted at the next
 * boot): f is the flash device that holds its primary slot, slot_end the slot's end as an
 * offset in f. Writes image_ok = 0x01 if the trailer's magic is GOOD and image_ok unset;
 * RP_BOOT_OK also when there is no trailer (the image is permanent) or it is already
 * confirmed; RP_BOOT_ERR_TRAILER for a BAD magic or image_ok; RP_BOOT_ERR_FLASH if a read
 * or the write fails; RP_BOOT_ERR_CFG for a program unit over 8 bytes. */
int rp_boot_confirm(const struct rp_flash *f, uint32_t slot_end);

/* The running image's state from its trailer (f, slot_end as for rp_boot_confirm):
 * RP_BOOT_IMAGE_PERMANENT (no trailer), RP_BOOT_IMAGE_PENDING (a TEST upgrade not yet
 * confirmed: BL2 reverts it at the next boot), RP_BOOT_IMAGE_CONFIRMED; or
 * RP_BOOT_ERR_TRAILER / _FLASH / _CFG as rp_boot_confirm. */
#define RP_BOOT_IMAGE_PERMANENT 0
#define RP_BOOT_IMAGE_PENDING   1
#define RP_BOOT_IMAGE_CONFIRMED 2
int rp_boot_image_state(const struct rp_flash *f, uint32_t slot_end);

/* NV counters emulated in one-time-programmable style over flash (never erased): counter
 * id owns [base + id * per_counter, +per_counter), a log of 8-byte records (value, ~value);
 * the value is the largest intact record, 0 if none. A torn record is ignored. */
struct rp_nvc_otp {
    struct rp_nv_counters nvc;     /* hand &otp.nvc to rp_boot_cfg */
    const struct rp_flash *flash;
    const uint8_t *map;
    uint32_t base, per_counter;
};

/* Sets up otp over flash; count counters. */
void rp_nvc_otp_init(struct rp_nvc_otp *otp, const struct rp_flash *flash, const uint8_t *map,
                     uint32_t base, uint32_t per_counter, uint32_t count);

#endif
