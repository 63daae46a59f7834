/* nv_counters_s.c - PS's three monotonic NV counters on AN521, in a flash area reserved for
 * them (RP_FLASH_PS_NVC_*, reached through the flash driver's NOR semantics). QEMU's AN521
 * has no OTP: this emulates what a device keeps in OTP or in a protected NV store.
 *
 * Counter i owns sectors 2i and 2i+1. A sector is a log of 8-byte records {value, ~value}
 * (little-endian words), appended in order after the sector was erased; values grow along
 * the log. The counter is the largest valid record of its two sectors. A raise appends to
 * the sector holding that value; when it is full, the other sector is erased and the new
 * value becomes its first record. So:
 *  - a torn record program or a torn erase never yields a valid record other than one
 *    that was completely written (any changed bit breaks value == ~complement, since
 *    programming only clears bits and erasing only sets them);
 *  - the sector holding the current value is never erased, so a power loss leaves the old
 *    value or the new one, never less and never more;
 *  - an area that holds no valid record (first boot: QEMU's RAM reads as zeros) reads 0;
 *    its first raise erases both sectors of the counter, so garbage is scanned only once.
 * 512 records per sector: a counter erases one of its sectors every 512 raises. */
#include <stddef.h>
#include <stdint.h>

#include "rp_storage_platform.h"

#define COUNTERS   3u
#define PLAT_COUNTERS 2u
#define REC        8u

static int read_rec(const struct rp_flash *f, uint32_t addr, uint32_t w[2])
{
    uint8_t b[REC];
    int r = f->read(f->ctx, addr, b, REC);
    for (unsigned i = 0; i < 2u; i++) {
        w[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 | (uint32_t)b[4 * i + 2] << 16 |
               (uint32_t)b[4 * i + 3] << 24;
    }
    return r;
}

/* The state of one sector: its first never-written record (binary search: written records
 * form a prefix) and the value of its last valid record (0 if none). */
struct sector_state {
    uint32_t next;   /* records in use (index of the first erased one) */
    uint32_t value;
    int valid;       /* a valid record exists */
};

static int scan(const struct rp_flash *f, uint32_t sector, struct sector_state *st)
{
    uint32_t base = sector * f->sector_size, lo = 0, hi = f->sector_size / REC, w[2];
    while (lo < hi) {   /* first index whose record is erased */
        uint32_t mid = lo + (hi - lo) / 2u;
        if (read_rec(f, base + mid * REC, w) != RP_FLASH_OK) {
            return RP_FLASH_ERR_IO;
        }
        if ((w[0] & w[1]) == 0xFFFFFFFFu) {
            hi = mid;
        } else {
            lo = mid + 1u;
        }
    }
    st->next = lo;
    st->valid = 0;
    st->value = 0;
    for (uint32_t i = lo; i > 0u && !st->valid; i--) {   /* last valid record */
        if (read_rec(f, base + (i - 1u) * REC, w) != RP_FLASH_OK) {
            return RP_FLASH_ERR_IO;
        }
        if (w[0] == ~w[1]) {
            st->valid = 1;
            st->value = w[0];
        }
    }
    return RP_FLASH_OK;
}

/* Counter id's value and the sector (0 or 1 of its pair) that holds it, -1 if none. */
static int current(const struct rp_flash *f, uint32_t id, uint32_t *value, int *active,
                   struct sector_state st[2])
{
    *value = 0;
    *active = -1;
    for (int s = 0; s < 2; s++) {
        if (scan(f, 2u * id + (uint32_t)s, &st[s]) != RP_FLASH_OK) {
            return RP_FLASH_ERR_IO;
        }
        if (st[s].valid && (*active < 0 || st[s].value > *value)) {
            *value = st[s].value;
            *active = s;
        }
    }
    return RP_FLASH_OK;
}

/* Counter id of the `count` counters on f. */
static int read_in(const struct rp_flash *f, uint32_t count, uint32_t id, uint32_t *value)
{
    struct sector_state st[2];
    int active;
    if (id >= count || value == NULL) {
        return RP_FLASH_ERR_RANGE;
    }
    return current(f, id, value, &active, st);
}

/* Raises counter id of the `count` counters on f to value. */
static int raise_in(const struct rp_flash *f, uint32_t count, uint32_t id, uint32_t value)
{
    struct sector_state st[2];
    uint32_t cur, sector;
    int active, r;
    uint8_t rec[REC];
    if (id >= count) {
        return RP_FLASH_ERR_RANGE;
    }
    if (current(f, id, &cur, &active, st) != RP_FLASH_OK) {
        return RP_FLASH_ERR_IO;
    }
    if (value <= cur) {
        return value == cur ? RP_FLASH_OK : RP_FLASH_ERR_RANGE;
    }
    for (unsigned i = 0; i < 4u; i++) {
        rec[i] = (uint8_t)(value >> (8u * i));
        rec[4u + i] = (uint8_t)(~value >> (8u * i));
    }
    if (active >= 0 && st[active].next < f->sector_size / REC) {
        sector = 2u * id + (uint32_t)active;   /* room left: append */
        return f->program(f->ctx, sector * f->sector_size + st[active].next * REC, rec, REC);
    }
    sector = 2u * id + (active == 0 ? 1u : 0u);  /* full or none: start the other sector */
    r = f->erase(f->ctx, sector);
    if (r == RP_FLASH_OK && active < 0) {
        /* No valid record anywhere (a blank or zero-filled pair): clear the partner too,
         * so that later scans do not walk its garbage. Nothing is lost: the value is 0. */
        r = f->erase(f->ctx, sector + 1u);
    }
    return r != RP_FLASH_OK ? r : f->program(f->ctx, sector * f->sector_size, rec, REC);
}

static int nvc_read(void *ctx, uint32_t id, uint32_t *value)
{
    (void)ctx;
    return read_in(rp_platform_nvc_flash(), COUNTERS, id, value);
}

static int nvc_raise(void *ctx, uint32_t id, uint32_t value)
{
    (void)ctx;
    return raise_in(rp_platform_nvc_flash(), COUNTERS, id, value);
}

static int plat_read(void *ctx, uint32_t id, uint32_t *value)
{
    (void)ctx;
    return read_in(rp_platform_plat_nvc_flash(), PLAT_COUNTERS, id, value);
}

static int plat_raise(void *ctx, uint32_t id, uint32_t value)
{
    (void)ctx;
    return raise_in(rp_platform_plat_nvc_flash(), PLAT_COUNTERS, id, value);
}

static const struct rp_nv_counters ps_counters = { COUNTERS, nvc_read, nvc_raise, NULL };
static const struct rp_nv_counters plat_counters = { PLAT_COUNTERS, plat_read, plat_raise, NULL };

/* The platform service's counters (same record log, their own area). */
const struct rp_nv_counters *rp_platform_nv_counters(void)
{
    return &plat_counters;
}

const struct rp_nv_counters *rp_platform_ps_nv_counters(void)
{
    return &ps_counters;
}
