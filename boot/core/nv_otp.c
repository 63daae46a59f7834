/* nv_otp.c - monotonic NV counters as append-only logs in flash, OTP style (rp_boot.h).
 * A record is (u32 value, u32 ~value); programming it is the only write, so a power loss
 * leaves the old maximum or the new one, never a larger value: a torn record fails its
 * check and is skipped. The area is never erased (it stands in for OTP fuses). */
#include <stddef.h>

#include "rp_boot.h"

static uint32_t ld32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int erased(const uint8_t *p)
{
    return (p[0] & p[1] & p[2] & p[3] & p[4] & p[5] & p[6] & p[7]) == 0xFF;
}

/* Largest intact record of counter id, and the offset of its first erased record (or the
 * area end when full). */
static uint32_t scan(const struct rp_nvc_otp *o, uint32_t id, uint32_t *free_off)
{
    uint32_t base = o->base + id * o->per_counter, best = 0;
    *free_off = base + o->per_counter;
    for (uint32_t off = base; off + 8 <= base + o->per_counter; off += 8) {
        const uint8_t *r = o->map + off;
        if (erased(r)) {
            *free_off = off;
            break;
        }
        uint32_t v = ld32(r);
        if (v == ~ld32(r + 4) && v > best) {
            best = v;
        }
    }
    return best;
}

static int otp_read(void *ctx, uint32_t id, uint32_t *value)
{
    const struct rp_nvc_otp *o = ctx;
    uint32_t unused;
    if (id >= o->nvc.count) {
        return RP_FLASH_ERR_RANGE;
    }
    *value = scan(o, id, &unused);
    return RP_FLASH_OK;
}

static int otp_raise(void *ctx, uint32_t id, uint32_t value)
{
    const struct rp_nvc_otp *o = ctx;
    uint32_t free_off;
    if (id >= o->nvc.count) {
        return RP_FLASH_ERR_RANGE;
    }
    uint32_t cur = scan(o, id, &free_off);
    if (value <= cur) {
        return value == cur ? RP_FLASH_OK : RP_FLASH_ERR_RANGE;
    }
    if (free_off + 8 > o->base + (id + 1) * o->per_counter) {
        return RP_FLASH_ERR_IO;   /* worn out: every record used */
    }
    uint8_t rec[8];
    for (int i = 0; i < 4; i++) {
        rec[i] = (uint8_t)(value >> 8 * i);
        rec[4 + i] = (uint8_t)(~value >> 8 * i);
    }
    return o->flash->program(o->flash->ctx, free_off, rec, 8);
}

void rp_nvc_otp_init(struct rp_nvc_otp *otp, const struct rp_flash *flash, const uint8_t *map,
                     uint32_t base, uint32_t per_counter, uint32_t count)
{
    otp->flash = flash;
    otp->map = map;
    otp->base = base;
    otp->per_counter = per_counter;
    otp->nvc.count = count;
    otp->nvc.read = otp_read;
    otp->nvc.raise = otp_raise;
    otp->nvc.ctx = otp;
}
