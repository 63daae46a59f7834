/* upgrade.c - BL2's boot decision: swap, overwrite, revert, validation, counters
 * (rp_boot.h). The power-fail argument is in docs/boot.md, "Upgrade". */
#include <stddef.h>
#include <string.h>

#include "rp_boot.h"

#define MAGIC_UNSET 0
#define MAGIC_GOOD  1
#define MAGIC_BAD   2

static int magic_state(const uint8_t *p)
{
    uint8_t all = 0xFF, diff = 0;
    for (int i = 0; i < 16; i++) {
        all &= p[i];
        diff |= (uint8_t)(p[i] ^ rp_boot_magic[i]);
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

/* Little-endian u32 at p (the trailer's swap_size). */
static uint32_t rd32(const uint8_t *p)
{
    return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t slot_sectors(const struct rp_boot_cfg *c)
{
    return c->slot_size / sec_size(c);
}

static uint32_t scratch_end(const struct rp_boot_cfg *c)
{
    return c->scratch + c->scratch_size;
}

/* The swap a trailer (ending at `end`) describes: its type (TEST, PERM or REVERT) if the
 * magic is GOOD and swap_info and swap_size are valid, else 0; *image from swap_info,
 * *n the sector count from swap_size. */
static uint32_t tr_swap(const struct rp_boot_cfg *c, uint32_t end, uint32_t *image,
                        uint32_t *n)
{
    const uint8_t *t = c->map + end;
    uint32_t info = t[-(int)RP_TRAILER_SWAP_INFO], size = rd32(t - RP_TRAILER_SWAP_SIZE);
    uint32_t type = info & 0x0Fu, S = sec_size(c);
    *image = info >> 4;
    *n = size / S;
    /* unsigned wrap-around: one compare each for 2..4 and for S..slot_size - S */
    if (magic_state(t - RP_TRAILER_MAGIC) != MAGIC_GOOD || type - RP_SWAP_TEST > 2u ||
        *image >= c->image_count || size % S || size - S >= c->slot_size - S) {
        return 0;
    }
    return type;
}

/* Writes image i's primary trailer from the copy staged in the scratch trailer (the four
 * field cells, then the magic), then erases the staged copy. Repeatable: while the staged
 * copy stands (GOOD), the next boot rewrites the primary trailer, so a torn erase or write
 * of it never counts. */
static int commit(const struct rp_boot_cfg *c, uint32_t i)
{
    uint32_t end = c->img[i].primary + c->slot_size, send = scratch_end(c);
    int e = erase(c, end - sec_size(c));
    if (!e) {
        e = program(c, end - RP_TRAILER_SWAP_SIZE, c->map + send - RP_TRAILER_SWAP_SIZE,
                    RP_TRAILER_SWAP_SIZE - RP_TRAILER_MAGIC);
    }
    if (!e) {
        e = program(c, end - RP_TRAILER_MAGIC, rp_boot_magic, 16);
    }
    return e ? e : erase(c, send - sec_size(c));
}

/* Stages image i's next primary trailer in the scratch trailer, then commits it:
 * swap_size = n sectors, swap_info = type | i << 4; when `done`, copy_done = 1 and for
 * PERM and REVERT image_ok = 1 (FORMATS.md 1.5: the final trailer). */
static int stage(const struct rp_boot_cfg *c, uint32_t i, uint32_t type, uint32_t n, int done)
{
    uint32_t send = scratch_end(c), size = n * sec_size(c);
    uint8_t f[RP_TRAILER_SWAP_SIZE - RP_TRAILER_MAGIC];
    memset(f, 0xFF, sizeof f);
    for (int k = 0; k < 4; k++) {
        f[k] = (uint8_t)(size >> 8 * k);
    }
    f[RP_TRAILER_SWAP_SIZE - RP_TRAILER_SWAP_INFO] = (uint8_t)(type | i << 4);
    if (done) {
        f[RP_TRAILER_SWAP_SIZE - RP_TRAILER_COPY_DONE] = 0x01;
        if (type != RP_SWAP_TEST) {
            f[RP_TRAILER_SWAP_SIZE - RP_TRAILER_IMAGE_OK] = 0x01;
        }
    }
    int e = erase(c, send - sec_size(c));
    if (!e) {
        e = program(c, send - RP_TRAILER_SWAP_SIZE, f, sizeof f);
    }
    if (!e) {
        e = program(c, send - RP_TRAILER_MAGIC, rp_boot_magic, 16);
    }
    return e ? e : commit(c, i);
}

/* Swaps sectors [0, n) of image i's slots through the scratch buffer, highest first,
 * recording each completed step in the primary trailer's status area (MCUboot's layout:
 * 3 bytes per region, region 0 the highest); skips steps already recorded (resume).
 * Step k: 0 secondary -> buffer, 1 primary -> secondary, 2 buffer -> primary. Then erases
 * the secondary trailer (the request) and stages the final primary trailer. */
static int swap_run(const struct rp_boot_cfg *c, uint32_t i, uint32_t type, uint32_t n)
{
    const struct rp_boot_image_cfg *im = &c->img[i];
    uint32_t S = sec_size(c), buf = c->scratch;
    uint32_t st = im->primary + c->slot_size - RP_TRAILER_SWAP_SIZE - 3 * slot_sectors(c);
    int e = 0;
    for (uint32_t r = 0; r < n && !e; r++) {
        uint32_t s = n - 1 - r;
        /* step k copies ring[k + 1] into ring[k] (indices mod 3) */
        const uint32_t ring[3] = { buf, im->secondary + s * S, im->primary + s * S };
        for (uint32_t k = 0; k < 3 && !e; k++) {
            uint32_t rec = st + 3 * r + k;
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
        e = erase(c, im->secondary + c->slot_size - S);
    }
    return e ? e : stage(c, i, type, n, 1);
}

/* Starts image i's swap: the primary trailer (staged) gets swap_info and swap_size, with
 * copy_done unset: "swap in progress". */
static int swap_start(const struct rp_boot_cfg *c, uint32_t i, uint32_t type)
{
    const struct rp_boot_image_cfg *im = &c->img[i];
    uint32_t a = image_sectors(c, im->primary), b = image_sectors(c, im->secondary);
    uint32_t n = a > b ? a : b;
    int e = stage(c, i, type, n, 0);
    return e ? e : swap_run(c, i, type, n);
}

static int up_code(uint32_t type)
{
    return type == RP_SWAP_TEST ? RP_BOOT_UP_TEST
         : type == RP_SWAP_PERM ? RP_BOOT_UP_PERM : RP_BOOT_UP_REVERTED;
}

/* A staged trailer that a power loss left in the scratch (swap mode only): commit it.
 * Sets done[i] when it was image i's final trailer (the swap is complete). */
static int resume_staged(const struct rp_boot_cfg *c, struct rp_boot_result *res,
                         uint8_t *done)
{
    uint32_t i, n, type = tr_swap(c, scratch_end(c), &i, &n);
    if (!type) {
        return RP_BOOT_OK;
    }
    if (c->map[scratch_end(c) - RP_TRAILER_COPY_DONE] == 0x01) {
        done[i] = 1;
        res->upgrade[i] = up_code(type);
    }
    return commit(c, i);
}

/* Image i's swap that a power loss interrupted (its primary trailer says "in progress":
 * GOOD, a valid swap_info for this image, copy_done unset): finish it. Returns 1 with *e
 * set if there was one, else 0. */
static int resume_swap(const struct rp_boot_cfg *c, struct rp_boot_result *res, uint32_t i,
                       int *e)
{
    uint32_t end = c->img[i].primary + c->slot_size, k, n;
    uint32_t type = tr_swap(c, end, &k, &n);
    if (c->mode != RP_BOOT_MODE_SWAP || !type || k != i ||
        c->map[end - RP_TRAILER_COPY_DONE] != 0xFF) {
        return 0;
    }
    res->upgrade[i] = up_code(type);
    *e = swap_run(c, i, type, n);
    return 1;
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
    uint32_t S = c->flash->sector_size, n = c->slot_size / S;
    /* the trailer sector holds the fields and 3 status bytes per sector of the slot; the
     * scratch area the buffer and, in its last sector, the staged trailer */
    if (c->image_count < 1 || c->image_count > RP_BOOT_MAX_IMAGES || S < 64 ||
        c->slot_size % S || n < 2 || n > 256 || RP_TRAILER_SWAP_SIZE + 3 * n > S ||
        (c->mode == RP_BOOT_MODE_SWAP && (c->scratch_size % S || c->scratch_size < 2 * S)) ||
        (c->mode != RP_BOOT_MODE_SWAP && c->mode != RP_BOOT_MODE_OVERWRITE)) {
        return RP_BOOT_ERR_CFG;
    }
    return RP_BOOT_OK;
}

int rp_boot_go(const struct rp_boot_cfg *c, struct rp_boot_result *res)
{
    uint8_t done[RP_BOOT_MAX_IMAGES] = { 0 };
    memset(res, 0, sizeof(*res));
    int e = check_cfg(c);
    for (uint32_t i = 0; i < c->image_count && !e; i++) {
        e = c->nvc->read(c->nvc->ctx, c->img[i].nvc_id, &res->counter[i]) ?
            RP_BOOT_ERR_FLASH : RP_BOOT_OK;
    }
    if (!e && c->mode == RP_BOOT_MODE_SWAP) {
        e = resume_staged(c, res, done);
    }
    for (uint32_t i = 0; i < c->image_count && !e; i++) {
        if (!done[i] && !resume_swap(c, res, i, &e)) {
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
