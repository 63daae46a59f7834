/* flash_s.c - the AN521 "flash": the storage areas of SSRAM1 (an521_memory_map.h) as NOR
 * flash devices behind rp_flash.h. SSRAM1 is RAM, so the driver itself keeps the flash
 * contract that ITS relies on and that the host simulator enforces: 4-byte program units,
 * programming only into erased units (refused, nothing written, otherwise), 4 KiB sectors
 * erased to 0xFF.
 *
 * Accesses are aligned words or single bytes through volatile pointers: at isolation level
 * 3 the areas are mapped to their partitions as MPU MMIO regions with the Device attribute,
 * where an unaligned access (which a library memcpy may make) faults. The device objects
 * are const and stateless, so unprivileged partitions can use this shared code. */
#include <stddef.h>
#include <stdint.h>

#include "an521_memory_map.h"
#include "rp_boot.h"
#include "rp_platform.h"
#include "rp_storage_platform.h"

#define UNIT   4u
#define ERASED 0xFFFFFFFFu

struct area {
    uintptr_t base;  /* secure alias */
    uint32_t size;
};

static const struct area its_area = { RP_FLASH_S_BASE + RP_FLASH_ITS_OFF, RP_FLASH_ITS_SIZE };
static const struct area ps_area = { RP_FLASH_S_BASE + RP_FLASH_PS_OFF, RP_FLASH_PS_SIZE };
static const struct area nvc_area = { RP_FLASH_S_BASE + RP_FLASH_PS_NVC_OFF,
                                      RP_FLASH_PS_NVC_SIZE };

/* The ITS and PS manifests (services/its, services/ps) declare these areas as MMIO
 * regions with literal numbers (PS: its counters and its area, contiguous, as one region):
 * a layout change must update them (this fails the build). */
typedef char rp_its_area_matches_manifest[(RP_FLASH_S_BASE + RP_FLASH_ITS_OFF == 0x10305000 &&
                                           RP_FLASH_ITS_SIZE == 0x4000) ? 1 : -1];
typedef char rp_ps_areas_match_manifest[(RP_FLASH_S_BASE + RP_FLASH_PS_NVC_OFF == 0x1030B000 &&
                                         RP_FLASH_PS_NVC_OFF + RP_FLASH_PS_NVC_SIZE ==
                                             RP_FLASH_PS_OFF &&
                                         RP_FLASH_PS_NVC_SIZE + RP_FLASH_PS_SIZE == 0x12000)
                                            ? 1 : -1];

/* 1 if [addr, addr + len) lies inside a. */
static int in_area(const struct area *a, uint32_t addr, uint32_t len)
{
    return addr <= a->size && len <= a->size - addr;
}

/* in: any range of the area; buf may be unaligned. out: RP_FLASH_OK or ERR_RANGE. */
static int area_read(void *ctx, uint32_t addr, void *buf, uint32_t len)
{
    const struct area *a = ctx;
    uint8_t *d = buf;
    if (!in_area(a, addr, len) || (buf == NULL && len != 0)) {
        return RP_FLASH_ERR_RANGE;
    }
    const volatile uint8_t *s = (const volatile uint8_t *)(a->base + addr);
    if (((uintptr_t)s & 3u) == 0) {
        for (; len >= 4u; len -= 4u, s += 4, d += 4) {
            uint32_t v = *(const volatile uint32_t *)s;
            d[0] = (uint8_t)v;
            d[1] = (uint8_t)(v >> 8);
            d[2] = (uint8_t)(v >> 16);
            d[3] = (uint8_t)(v >> 24);
        }
    }
    for (; len > 0u; len--) {
        *d++ = *s++;
    }
    return RP_FLASH_OK;
}

static uint32_t load_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* in: whole 4-byte units of the area, every one erased. out: RP_FLASH_OK; ERR_RANGE or
 * ERR_NOT_ERASED with nothing written. Validates the whole range before writing. */
static int area_program(void *ctx, uint32_t addr, const void *buf, uint32_t len)
{
    const struct area *a = ctx;
    const uint8_t *src = buf;
    if (!in_area(a, addr, len) || (addr | len) % UNIT != 0 || (buf == NULL && len != 0)) {
        return RP_FLASH_ERR_RANGE;
    }
    volatile uint32_t *w = (volatile uint32_t *)(a->base + addr);
    for (uint32_t i = 0; i < len / UNIT; i++) {
        if (w[i] != ERASED) {
            return RP_FLASH_ERR_NOT_ERASED;
        }
    }
    for (uint32_t i = 0; i < len / UNIT; i++) {
        w[i] = load_le32(src + UNIT * i);
    }
    return RP_FLASH_OK;
}

/* in: a sector number of the area. out: RP_FLASH_OK (every byte 0xFF) or ERR_RANGE. */
static int area_erase(void *ctx, uint32_t sector)
{
    const struct area *a = ctx;
    if (sector >= a->size / RP_FLASH_SECTOR_SIZE) {
        return RP_FLASH_ERR_RANGE;
    }
    volatile uint32_t *w = (volatile uint32_t *)(a->base + sector * RP_FLASH_SECTOR_SIZE);
    for (uint32_t i = 0; i < RP_FLASH_SECTOR_SIZE / 4u; i += 4u) {
        w[i] = ERASED;
        w[i + 1u] = ERASED;
        w[i + 2u] = ERASED;
        w[i + 3u] = ERASED;
    }
    return RP_FLASH_OK;
}

#define DEVICE(a, sz)                                                                   \
    {                                                                                   \
        UNIT, RP_FLASH_SECTOR_SIZE, (sz) / RP_FLASH_SECTOR_SIZE, 0xFFu, area_read,      \
            area_program, area_erase, (void *)(uintptr_t)&(a)                           \
    }

static const struct rp_flash its_flash = DEVICE(its_area, RP_FLASH_ITS_SIZE);
static const struct rp_flash ps_flash = DEVICE(ps_area, RP_FLASH_PS_SIZE);
static const struct rp_flash nvc_flash = DEVICE(nvc_area, RP_FLASH_PS_NVC_SIZE);
static const struct area plat_nvc_area = { RP_FLASH_S_BASE + RP_FLASH_PLAT_NVC_OFF,
                                           RP_FLASH_PLAT_NVC_SIZE };
static const struct rp_flash plat_nvc_flash = DEVICE(plat_nvc_area, RP_FLASH_PLAT_NVC_SIZE);

/* The last sector of the secure image's primary slot: its MCUboot trailer (docs/boot.md). */
static const struct area s_trailer_area = {
    RP_FLASH_S_BASE + RP_FLASH_S_PRIMARY + RP_FLASH_SLOT_SIZE - RP_FLASH_SECTOR_SIZE,
    RP_FLASH_SECTOR_SIZE
};
static const struct rp_flash s_trailer_flash = DEVICE(s_trailer_area, RP_FLASH_SECTOR_SIZE);

int rp_platform_confirm_s_image(void)
{
    int r = rp_boot_confirm(&s_trailer_flash, RP_FLASH_SECTOR_SIZE);
    return r == RP_BOOT_OK ? 0 : r == RP_BOOT_ERR_FLASH ? -2 : -1;
}

int rp_platform_s_image_state(void)
{
    int r = rp_boot_image_state(&s_trailer_flash, RP_FLASH_SECTOR_SIZE);
    return r >= 0 ? r : r == RP_BOOT_ERR_FLASH ? -2 : -1;
}

/* services/platform's manifests declare this area with literal numbers. */
typedef char rp_plat_nvc_matches_manifest[(RP_FLASH_S_BASE + RP_FLASH_PLAT_NVC_OFF ==
                                               0x10300000 &&
                                           RP_FLASH_PLAT_NVC_SIZE == 0x4000) ? 1 : -1];

const struct rp_flash *rp_platform_plat_nvc_flash(void)
{
    return &plat_nvc_flash;
}

const struct rp_flash *rp_platform_its_flash(void)
{
    return &its_flash;
}

const struct rp_flash *rp_platform_ps_flash(void)
{
    return &ps_flash;
}

const struct rp_flash *rp_platform_nvc_flash(void)
{
    return &nvc_flash;
}
