/* upgrade.c - BL2's boot decision: swap, overwrite, revert, validation, counters
 * (rp_boot.h). The power-fail argument is in docs/boot.md, "Upgrade". */
#include <stddef.h>
#include <string.h>

#include "rp_boot.h"

static const uint8_t boot_magic[16] = {
    0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
    0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80,
};

#define MAGIC_UNSET 0
#define MAGIC_GOOD  1
#define MAGIC_BAD   2

/* Swap status in the scratch area: sector 1 holds 3 records per index; sector 2 holds
 * swap_info, the sector count and the magic that says a swap is in progress. Two sectors,
 * so that clearing the magic (an erase) completes before the records are erased: a torn
 * erase can never leave a valid magic over half-erased records. */
#define ST_INFO   0u
#define ST_COUNT  1u
#define ST_MAGIC  16u
#define ST_RECS   0u

static uint32_t st_recs(const struct rp_boot_cfg *c)
{
    return c->scratch + c->flash->sector_size;
}

static uint32_t st_head(const struct rp_boot_cfg *c)
{
    return c->scratch + 2 * c->flash->sector_size;
}

static int magic_state(const uint8_t *p)
{
    uint8_t all = 0xFF, diff = 0;
    for (int i = 0; i < 16; i++) {
        all &= p[i];
        diff |= (uint8_t)(p[i] ^ boot_magic[i]);
    }
    return all == 0xFF ? MAGIC_UNSET : diff == 0 ? MAGIC_GOOD : MAGIC_BAD;
}

static uint32_t sec_size(const struct rp_boot_cfg *c)
{
    return c->flash->sector_size;
}

/* Flash writes; any failure is a power loss for the caller: RP_BOOT_ERR_FLASH. */
static int erase(const struct rp_boot_cfg *c, uint32_t off)
{
    int r = c->flash->erase(c->flash->ctx, off / sec_size(c));
    return r == RP_FLASH_OK ? RP_BOOT_OK : RP_BOOT_ERR_FLASH;
}

static int program(const struct rp_boot_cfg *c, uint32_t off, const void *d, uint32_t n)
{
    int r = c->flash->program(c->flash->ctx, off, d, n);
    return r == RP_FLASH_OK ? RP_BOOT_OK : RP_BOOT_ERR_FLASH;
}

static int program_byte(const struct rp_boot_cfg *c, uint32_t off, uint8_t v)
{
    return program(c, off, &v, 1);
}

/* Erases the sector at dst, then copies the sector at src into it. */
static int copy_sector(const struct rp_boot_cfg *c, uint32_t dst, uint32_t src)
{
    int e = erase(c, dst);
    return e ? e : program(c, dst, c->map + src, sec_size(c));
}

static uint32_t limit(const struct rp_boot_cfg *c)
{
    return c->slot_size - sec_size(c);
}

/* Trailer byte at `back` bytes before the slot end. */
static uint8_t tr(const struct rp_boot_cfg *c, uint32_t slot, uint32_t back)
{
    return c->map[slot + c->slot_size - back];
}

static int tr_magic(const struct rp_boot_cfg *c, uint32_t slot)
{
    return magic_state(c->map + slot + c->slot_size - RP_TRAILER_MAGIC);
}

/* FORMATS.md §1.4: the swap type from the first rule that matches. */
static int swap_type(const struct rp_boot_cfg *c, const struct rp_boot_image_cfg *im)
{
    int sm = tr_magic(c, im->secondary), pm = tr_magic(c, im->primary);
    uint8_t s_ok = tr(c, im->secondary, RP_TRAILER_IMAGE_OK);
    if (sm == MAGIC_GOOD && s_ok == 0xFF) {
        return RP_SWAP_TEST;
    }
    if (sm == MAGIC_GOOD && s_ok == 0x01) {
        return RP_SWAP_PERM;
    }
    if (pm == MAGIC_GOOD && sm == MAGIC_UNSET && tr(c, im->primary, RP_TRAILER_IMAGE_OK) == 0xFF &&
        tr(c, im->primary, RP_TRAILER_COPY_DONE) == 0x01) {
        return RP_SWAP_REVERT;
    }
    return RP_SWAP_NONE;
}

/* Sectors an image in slot occupies (0 if it does not even parse). */
static uint32_t image_sectors(const struct rp_boot_cfg *c, uint32_t slot)
{
    struct rp_image_info info;
    if (rp_image_parse(c->map + slot, limit(c), slot, &info) != RP_IMG_OK) {
        return 0;
    }
    return (info.end + sec_size(c) - 1) / sec_size(c);
}

/* The primary's trailer after a swap: TEST copy_done, PERM image_ok, REVERT both; the
 * magic last, so a torn trailer is never GOOD. */
static int write_primary_trailer(const struct rp_boot_cfg *c, uint32_t slot, uint8_t info)
{
    uint32_t end = slot + c->slot_size, type = info & 0x0Fu;
    int e = erase(c, end - sec_size(c));
    if (!e) {
        e = program_byte(c, end - RP_TRAILER_SWAP_INFO, info);
    }
    if (!e && type != RP_SWAP_PERM) {
        e = program_byte(c, end - RP_TRAILER_COPY_DONE, 0x01);
    }
    if (!e && type != RP_SWAP_TEST) {
        e = program_byte(c, end - RP_TRAILER_IMAGE_OK, 0x01);
    }
    return e ? e : program(c, end - RP_TRAILER_MAGIC, boot_magic, 16);
}

/* Swaps sectors [0, n) of image im's slots through the scratch buffer, recording each
 * completed step in the status records; skips steps already recorded (resume).
 * Step k of index i: 0 secondary -> buffer, 1 primary -> secondary, 2 buffer -> primary.
 * Then writes the primary trailer and clears the request, the magic and the records. */
static int swap_sectors(const struct rp_boot_cfg *c, const struct rp_boot_image_cfg *im,
                        uint8_t info, uint32_t n)
{
    uint32_t S = sec_size(c), buf = c->scratch, st = st_recs(c);
    int e = 0;
    for (uint32_t i = n; i-- > 0 && !e;) {
        /* step k copies ring[k + 1] into ring[k] (indices mod 3) */
        const uint32_t ring[3] = { buf, im->secondary + i * S, im->primary + i * S };
        for (uint32_t k = 0; k < 3 && !e; k++) {
            uint32_t rec = st + ST_RECS + 3 * i + k;
            if (c->map[rec] != 0xFF) {
                continue;   /* done (a torn record is written only after its copy) */
            }
            e = copy_sector(c, ring[k], ring[k == 2 ? 0 : k + 1]);
            if (!e) {
                e = program_byte(c, rec, 0x01);
            }
        }
    }
    if (!e) {
        e = write_primary_trailer(c, im->primary, info);
    }
    if (!e) {
        e = erase(c, im->secondary + c->slot_size - S);
    }
    if (!e) {
        e = erase(c, st_head(c));
    }
    return e ? e : erase(c, st);
}

/* Starts a swap: erased records, then swap_info and the count, then the magic. */
static int swap_start(const struct rp_boot_cfg *c, uint32_t index, uint32_t type)
{
    const struct rp_boot_image_cfg *im = &c->img[index];
    uint32_t st = st_head(c);
    uint32_t a = image_sectors(c, im->primary), b = image_sectors(c, im->secondary);
    uint8_t head[2] = { (uint8_t)(type | index << 4), (uint8_t)(a > b ? a : b) };
    int e = erase(c, st_recs(c));
    if (!e) {
        e = erase(c, st);
    }
    if (!e) {
        e = program(c, st + ST_INFO, head, 2);
    }
    if (!e) {
        e = program(c, st + ST_MAGIC, boot_magic, 16);
    }
    return e ? e : swap_sectors(c, im, head[0], head[1]);
}

static int up_code(uint32_t type)
{
    return type == RP_SWAP_TEST ? RP_BOOT_UP_TEST
         : type == RP_SWAP_PERM ? RP_BOOT_UP_PERM : RP_BOOT_UP_REVERTED;
}

/* A swap that a power loss interrupted: finish it. Sets *index to its image, or to
 * image_count if none was in progress. */
static int resume_swap(const struct rp_boot_cfg *c, struct rp_boot_result *res,
                       uint32_t *index)
{
    const uint8_t *st = c->map + st_head(c);
    uint32_t i = st[ST_INFO] >> 4, n = st[ST_COUNT];
    *index = c->image_count;
    if (c->mode != RP_BOOT_MODE_SWAP || magic_state(st + ST_MAGIC) != MAGIC_GOOD) {
        return RP_BOOT_OK;
    }
    if (i >= c->image_count || n >= c->slot_size / sec_size(c)) {
        return erase(c, st_head(c));  /* not ours: drop it */
    }
    *index = i;
    res->upgrade[i] = up_code(st[ST_INFO] & 0x0Fu);
    return swap_sectors(c, &c->img[i], st[ST_INFO], n);
}

/* A requested image that fails validation: erase its header and trailer sectors, and mark
 * the primary image_ok so that an erased secondary does not read as a revert. */
static int refuse(const struct rp_boot_cfg *c, const struct rp_boot_image_cfg *im)
{
    int e = erase(c, im->secondary);
    if (!e) {
        e = erase(c, im->secondary + c->slot_size - sec_size(c));
    }
    uint32_t ok = im->primary + c->slot_size - RP_TRAILER_IMAGE_OK;
    if (!e && tr_magic(c, im->primary) == MAGIC_GOOD && c->map[ok] == 0xFF) {
        e = program_byte(c, ok, 0x01);
    }
    return e;
}

/* Overwrite-only install (FORMATS.md §1.5): erase the primary's sectors and trailer, copy
 * the secondary in, then erase the secondary's header and trailer sectors. */
static int overwrite(const struct rp_boot_cfg *c, const struct rp_boot_image_cfg *im)
{
    uint32_t S = sec_size(c), n = image_sectors(c, im->secondary);
    int e = erase(c, im->primary + c->slot_size - S);
    for (uint32_t i = 0; i < n && !e; i++) {
        e = copy_sector(c, im->primary + i * S, im->secondary + i * S);
    }
    if (!e) {
        e = erase(c, im->secondary);
    }
    return e ? e : erase(c, im->secondary + c->slot_size - S);
}

/* The upgrade step of one image: read the request, validate, then install or refuse. */
static int upgrade_one(const struct rp_boot_cfg *c, struct rp_boot_result *res, uint32_t i)
{
    const struct rp_boot_image_cfg *im = &c->img[i];
    uint32_t type = swap_type(c, im);
    if (type == RP_SWAP_NONE || (type == RP_SWAP_REVERT && c->mode != RP_BOOT_MODE_SWAP)) {
        return RP_BOOT_OK;
    }
    if (type != RP_SWAP_REVERT) {
        struct rp_image_info *info = &res->info[i];
        int v = rp_image_validate(c->map + im->secondary, limit(c), im->secondary, c->keys,
                                  c->nkeys, res->counter[i], info);
        if (v == RP_IMG_OK && c->image_count > 1) {
            uint32_t other = 1 - i;
            struct rp_image_info oi;
            if (rp_image_parse(c->map + c->img[other].primary, limit(c),
                               c->img[other].primary, &oi) == RP_IMG_OK) {
                v = rp_image_check_deps(info, (uint8_t)other, &oi.version);
            }
        }
        if (v != RP_IMG_OK) {
            res->upgrade[i] = RP_BOOT_UP_REFUSED;
            res->refused[i] = v;
            return refuse(c, im);
        }
    }
    if (c->mode == RP_BOOT_MODE_OVERWRITE) {
        res->upgrade[i] = RP_BOOT_UP_INSTALLED;
        return overwrite(c, im);
    }
    res->upgrade[i] = up_code(type);
    return swap_start(c, i, type);
}

/* Validates every primary against its counter, then the dependencies between them. */
static int validate_all(const struct rp_boot_cfg *c, struct rp_boot_result *res)
{
    int ok = 1;
    for (uint32_t i = 0; i < c->image_count; i++) {
        uint32_t p = c->img[i].primary;
        res->status[i] = rp_image_validate(c->map + p, limit(c), p, c->keys, c->nkeys,
                                           res->counter[i], &res->info[i]);
    }
    for (uint32_t i = 0; i < c->image_count; i++) {
        for (uint32_t j = 0; j < c->image_count; j++) {
            if (i != j && res->status[i] == RP_IMG_OK && res->status[j] == RP_IMG_OK) {
                res->status[i] = rp_image_check_deps(&res->info[i], (uint8_t)j,
                                                     &res->info[j].version);
            }
        }
        ok &= res->status[i] == RP_IMG_OK;
    }
    return ok;
}

/* Anti-rollback: a confirmed primary (no trailer, or image_ok set) raises its counter. */
static int raise_counters(const struct rp_boot_cfg *c, struct rp_boot_result *res)
{
    for (uint32_t i = 0; i < c->image_count; i++) {
        uint32_t p = c->img[i].primary;
        int confirmed = tr_magic(c, p) == MAGIC_UNSET ||
                        tr(c, p, RP_TRAILER_IMAGE_OK) == 0x01;
        if (confirmed && res->info[i].sec_cnt > res->counter[i]) {
            if (c->nvc->raise(c->nvc->ctx, c->img[i].nvc_id, res->info[i].sec_cnt)) {
                return RP_BOOT_ERR_FLASH;
            }
            res->counter[i] = res->info[i].sec_cnt;
        }
    }
    return RP_BOOT_OK;
}

static int check_cfg(const struct rp_boot_cfg *c)
{
    uint32_t S = c->flash->sector_size;
    /* the status sector holds 3 records per swappable sector (all but the trailer's) */
    if (c->image_count < 1 || c->image_count > RP_BOOT_MAX_IMAGES || S < 64 ||
        c->slot_size % S || c->slot_size / S < 2 || c->slot_size / S > 256 ||
        ST_RECS + 3 * (c->slot_size / S - 1) > S ||
        (c->mode != RP_BOOT_MODE_SWAP && c->mode != RP_BOOT_MODE_OVERWRITE)) {
        return RP_BOOT_ERR_CFG;
    }
    return RP_BOOT_OK;
}

int rp_boot_go(const struct rp_boot_cfg *c, struct rp_boot_result *res)
{
    uint32_t resumed;
    memset(res, 0, sizeof(*res));
    int e = check_cfg(c);
    for (uint32_t i = 0; i < c->image_count && !e; i++) {
        e = c->nvc->read(c->nvc->ctx, c->img[i].nvc_id, &res->counter[i]) ?
            RP_BOOT_ERR_FLASH : RP_BOOT_OK;
    }
    if (!e) {
        e = resume_swap(c, res, &resumed);
    }
    for (uint32_t i = 0; i < c->image_count && !e; i++) {
        if (i != resumed) {
            e = upgrade_one(c, res, i);
        }
    }
    if (e) {
        return e;
    }
    if (!validate_all(c, res)) {
        return RP_BOOT_ERR_IMAGE;
    }
    return raise_counters(c, res);
}
