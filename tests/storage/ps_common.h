/* ps_common.h - a PS instance on the host flash simulator for the PS tests. */
#ifndef PS_COMMON_H
#define PS_COMMON_H

#include <string.h>
#include "rp_ps.h"
#include "flash_sim.h"

static struct rp_flash_sim ps_sim;
static struct rp_ps ps;
static struct rp_ps_config ps_cfg;
static struct rp_its_slot ps_slots[RP_ITS_SLOT_RAM(RP_PS_MAX_ASSETS + 3)];
static uint16_t ps_blocks[RP_ITS_BLOCK_RAM(16)];
static uint8_t ps_huk[RP_PS_HUK_SIZE];
static int ps_huk_broken;

static int test_get_huk(void *ctx, uint8_t huk[RP_PS_HUK_SIZE])
{
    (void)ctx;
    if (ps_huk_broken)
        return -1;
    memcpy(huk, ps_huk, RP_PS_HUK_SIZE);
    return 0;
}

/* Fresh erased device (counters 0) of blocks x spb sectors, and the PS configuration. */
static void ps_setup(uint8_t *mem, uint32_t sector, uint32_t spb, uint32_t blocks,
                     uint32_t unit, uint32_t assets, uint32_t max_asset)
{
    unsigned i;
    rp_flash_sim_init(&ps_sim, mem, sector, spb * blocks, unit, 0xFF);
    for (i = 0; i < RP_PS_HUK_SIZE; i++)
        ps_huk[i] = (uint8_t)(0xA0 + i);
    memset(&ps_cfg, 0, sizeof(ps_cfg));
    ps_cfg.its.flash = &ps_sim.flash;
    ps_cfg.its.sectors_per_block = spb;
    ps_cfg.its.block_count = blocks;
    ps_cfg.its.max_files = assets + 3;
    ps_cfg.its.max_asset_size = RP_PS_IV_SIZE + RP_PS_OBJ_HDR + max_asset;
    ps_cfg.its.slot_ram = ps_slots;
    ps_cfg.its.block_ram = ps_blocks;
    ps_cfg.its.slot_ram_count = sizeof(ps_slots) / sizeof(ps_slots[0]);
    ps_cfg.its.block_ram_count = sizeof(ps_blocks) / sizeof(ps_blocks[0]);
    ps_cfg.plat.get_huk = test_get_huk;
    ps_cfg.plat.nvc = &ps_sim.nvc;
    ps_cfg.max_assets = assets;
    ps_cfg.max_asset_size = max_asset;
}

#endif
