/* its_powercut_test.c - ITS under a power cut at every flash program and erase, on two
 * geometries: AN521's (4 x 4 KB blocks, 4-byte units, 10 files of 512 bytes) and a
 * 6-block one with 16-byte units (exercises the two-commit replace and wear moves).
 * Prints "POWERCUT its <N> cut points, <F> failures". */
#include "rp_test.h"
#include "rp_its.h"
#include "powercut.h"

static uint8_t mem[6 * 4096];
static struct rp_flash_sim sim;
static struct rp_its fs;
static struct rp_its_slot slots[RP_ITS_SLOT_RAM(10)];
static uint16_t blocks[RP_ITS_BLOCK_RAM(6)];
static struct rp_its_config cfg;
static uint32_t g_sector, g_sectors, g_unit;

static void t_fresh(void)
{
    rp_flash_sim_init(&sim, mem, g_sector, g_sectors, g_unit, 0xFF);
}
static psa_status_t t_mount(void) { return rp_its_mount(&fs, &cfg); }
static psa_status_t t_set(int32_t c, uint64_t u, size_t n, const void *d, uint32_t f)
{
    return rp_its_set(&fs, c, u, n, d, f);
}
static psa_status_t t_get(int32_t c, uint64_t u, size_t off, size_t n, void *b, size_t *o)
{
    return rp_its_get(&fs, c, u, off, n, b, o);
}
static psa_status_t t_info(int32_t c, uint64_t u, struct psa_storage_info_t *i)
{
    return rp_its_get_info(&fs, c, u, i);
}
static psa_status_t t_remove(int32_t c, uint64_t u) { return rp_its_remove(&fs, c, u); }

static const struct pc_target target = {"its", &sim, t_fresh, t_mount, t_set, t_get,
                                        t_info, t_remove};

#define WO PSA_STORAGE_FLAG_WRITE_ONCE
/* AN521 geometry: create, overwrite bigger and smaller, isolation, write-once, fill to the
 * file limit, remove and reuse (compaction), grow into the other logical block. */
static const struct pc_op an521_ops[] = {
    {'S', 1, 1, 100, 0}, {'S', 1, 2, 200, 0}, {'S', 2, 1, 50, 0}, {'S', 1, 1, 300, 0},
    {'S', 1, 1, 20, 0}, {'R', 1, 2, 0, 0}, {'S', 1, 3, 0, 0}, {'S', 1, 4, 64, WO},
    {'S', 1, 4, 10, 0}, {'R', 1, 4, 0, 0}, {'S', 1, 10, 512, 0}, {'S', 1, 11, 512, 0},
    {'S', 1, 12, 512, 0}, {'S', 1, 13, 512, 0}, {'S', 1, 14, 512, 0}, {'S', 1, 15, 512, 0},
    {'S', 1, 16, 512, 0}, {'S', 1, 17, 512, 0}, {'R', 1, 10, 0, 0}, {'S', 1, 18, 512, 0},
    {'S', 1, 11, 100, 0}, {'S', 1, 11, 512, 0}, {'R', 1, 1, 0, 0}, {'R', 2, 1, 0, 0},
    {'S', 1, 1, 512, 0}, {'S', 1, 3, 7, 0}, {'R', 1, 13, 0, 0}, {'S', 3, 13, 480, 0},
    {'S', 1, 12, 1, 0}, {'S', 1, 12, 511, 0}, {'R', 1, 14, 0, 0}, {'R', 1, 15, 0, 0},
    {'S', 1, 14, 256, 0}, {'S', 1, 15, 512, 0},
};
/* 6 blocks of 1 KB: logical blocks 0 (in the metadata block) to 3; files of up to 400 fill
 * blocks so that growing files must move between data blocks (two commits). */
static const struct pc_op big_ops[] = {
    {'S', 1, 1, 300, 0}, {'S', 1, 2, 300, 0}, {'S', 1, 3, 300, 0}, {'S', 1, 4, 300, 0},
    {'S', 1, 5, 300, 0}, {'S', 1, 6, 300, 0}, {'S', 1, 7, 400, 0}, {'S', 1, 8, 400, 0},
    {'S', 1, 1, 400, 0}, {'S', 1, 2, 400, 0}, {'S', 1, 3, 400, 0}, {'S', 1, 4, 400, 0},
    {'R', 1, 5, 0, 0}, {'S', 1, 4, 16, WO}, {'S', 1, 6, 399, 0}, {'S', 1, 9, 400, 0},
    {'R', 1, 1, 0, 0}, {'S', 1, 9, 1, 0}, {'S', 1, 2, 33, 0}, {'S', 1, 1, 400, 0},
    {'S', 1, 3, 12, 0}, {'S', 1, 3, 400, 0}, {'R', 1, 7, 0, 0}, {'S', 1, 8, 399, 0},
};

static unsigned long sweep(uint32_t sector, uint32_t sectors, uint32_t unit, uint32_t files,
                           uint32_t maxa, const struct pc_op *ops, unsigned n,
                           unsigned long *points, unsigned long *second,
                           unsigned long *failures2)
{
    g_sector = sector;
    g_sectors = sectors;
    g_unit = unit;
    memset(&cfg, 0, sizeof(cfg));
    cfg.flash = &sim.flash;
    cfg.sectors_per_block = 1;
    cfg.block_count = sectors;
    cfg.max_files = files;
    cfg.max_asset_size = maxa;
    cfg.slot_ram = slots;
    cfg.block_ram = blocks;
    cfg.slot_ram_count = sizeof(slots) / sizeof(slots[0]);
    cfg.block_ram_count = sizeof(blocks) / sizeof(blocks[0]);
    return pc_sweep(&target, ops, n, points, second, failures2);
}

int main(void)
{
    unsigned long p1, p2, f, s1, s2, f1, f2;
    f = sweep(4096, 4, 4, 10, 512, an521_ops, sizeof(an521_ops) / sizeof(an521_ops[0]), &p1,
              &s1, &f1);
    f += sweep(1024, 6, 16, 8, 400, big_ops, sizeof(big_ops) / sizeof(big_ops[0]), &p2, &s2,
               &f2);
    printf("POWERCUT its %lu cut points, %lu failures\n", p1 + p2, f);
    printf("POWERCUT its recovery: %lu second cuts, %lu failures\n", s1 + s2, f1 + f2);
    RP_CHECK_EQ(f1 + f2, 0);
    RP_CHECK(p1 + p2 >= 1000);
    RP_CHECK_EQ(f, 0);
    return rp_test_end("storage_its_powercut");
}
