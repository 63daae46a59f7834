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
int rp_boot_confirm(const struct rp_flash *f, uint32_t slot_end)
{
    uint8_t t[RP_TRAILER_IMAGE_OK], all = 0xFF, diff = 0;
    const uint32_t cell = slot_end - RP_TRAILER_IMAGE_OK;
    if (slot_end < sizeof t || f->program_unit == 0 || f->program_unit > 8 ||
        8 % f->program_unit || cell % f->program_unit) {
        return RP_BOOT_ERR_CFG;
    }
    if (f->read(f->ctx, cell, t, sizeof t) != RP_FLASH_OK) {
        return RP_BOOT_ERR_FLASH;
    }
    for (int i = 0; i < 16; i++) {
        all &= t[8 + i];
        diff |= (uint8_t)(t[8 + i] ^ rp_boot_magic[i]);
    }
    if (all == 0xFF) {
        return RP_BOOT_OK;          /* no trailer: installed for good (factory, overwrite) */
    }
    if (diff != 0 || (t[0] != 0xFF && t[0] != 0x01)) {
        return RP_BOOT_ERR_TRAILER;
    }
    if (t[0] == 0x01) {
        return RP_BOOT_OK;          /* already confirmed */
    }
    t[0] = 0x01;                    /* the rest of the unit stays erased (0xFF) */
    return f->program(f->ctx, cell, t, f->program_unit) == RP_FLASH_OK ? RP_BOOT_OK
                                                                       : RP_BOOT_ERR_FLASH;
}
