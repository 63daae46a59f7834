/* confirm.c - the running image's side of a swap upgrade (rp_boot.h): it confirms itself
 * by writing image_ok in its primary trailer, so that BL2 does not revert it. Apart from
 * upgrade.c so that a service of the running image can link it alone (it needs only the
 * flash seam). */
#include "rp_boot.h"

const uint8_t rp_boot_magic[16] = {
    0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
    0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80,
};

/* MCUboot's boot_set_confirmed, FORMATS.md 1.4 ("to confirm a test image"). Reads the
 * image_ok cell and the magic through f->read, then programs one program unit (<= 8, the
 * cell's size) with image_ok = 0x01 when the magic is GOOD and image_ok unset. */
/* Reads the image_ok cell and the magic into t[RP_TRAILER_IMAGE_OK] and classifies them.
 * out: RP_BOOT_IMAGE_* (>= 0) or RP_BOOT_ERR_CFG / _FLASH / _TRAILER. */
static int trailer_state(const struct rp_flash *f, uint32_t slot_end,
                         uint8_t t[RP_TRAILER_IMAGE_OK])
{
    uint8_t all = 0xFF, diff = 0;
    const uint32_t cell = slot_end - RP_TRAILER_IMAGE_OK;
    if (slot_end < RP_TRAILER_IMAGE_OK || f->program_unit == 0 || f->program_unit > 8 ||
        8 % f->program_unit || cell % f->program_unit) {
        return RP_BOOT_ERR_CFG;
    }
    if (f->read(f->ctx, cell, t, RP_TRAILER_IMAGE_OK) != RP_FLASH_OK) {
        return RP_BOOT_ERR_FLASH;
    }
    for (int i = 0; i < 16; i++) {
        all &= t[8 + i];
        diff |= (uint8_t)(t[8 + i] ^ rp_boot_magic[i]);
    }
    if (all == 0xFF) {
        return RP_BOOT_IMAGE_PERMANENT;   /* no trailer: installed for good */
    }
    if (diff != 0 || (t[0] != 0xFF && t[0] != 0x01)) {
        return RP_BOOT_ERR_TRAILER;
    }
    return t[0] == 0x01 ? RP_BOOT_IMAGE_CONFIRMED : RP_BOOT_IMAGE_PENDING;
}

int rp_boot_image_state(const struct rp_flash *f, uint32_t slot_end)
{
    uint8_t t[RP_TRAILER_IMAGE_OK];
    return trailer_state(f, slot_end, t);
}

int rp_boot_confirm(const struct rp_flash *f, uint32_t slot_end)
{
    uint8_t t[RP_TRAILER_IMAGE_OK];
    int st = trailer_state(f, slot_end, t);
    if (st != RP_BOOT_IMAGE_PENDING) {
        return st < 0 ? st : RP_BOOT_OK;   /* permanent or already confirmed: nothing to do */
    }
    t[0] = 0x01;                    /* the rest of the unit stays erased (0xFF) */
    return f->program(f->ctx, slot_end - RP_TRAILER_IMAGE_OK, t, f->program_unit) ==
                   RP_FLASH_OK ? RP_BOOT_OK : RP_BOOT_ERR_FLASH;
}
