/* storage_fuzz.c - drives rp_its (or, with FUZZ_PS, rp_ps) with random operation
 * sequences (sets, removes, partial gets, re-mounts, power cuts) against a simple model;
 * any disagreement aborts.
 *
 * Input: byte 0 picks the geometry, then 4-byte records {op, a, b, c}. Built as a libFuzzer
 * target when RP_LIBFUZZER is defined; otherwise main() feeds random inputs:
 *   storage_its_fuzz_smoke [inputs [seed]]   storage_ps_fuzz_smoke [inputs [seed]]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rp_its.h"
#include "flash_sim.h"
#ifdef FUZZ_PS
#include "ps_common.h"
#define NAME "storage_ps_fuzz"
#else
#define NAME "storage_its_fuzz"
#endif

#define NCLIENT 2
#define NUID 6
#define NASSET (NCLIENT * NUID)
#define MAXA 600

struct model {
    int present;
    uint32_t len, flags;
    uint8_t data[MAXA];
};

static struct model m[NASSET], alt;
static unsigned long n_cuts, n_sets, n_full;

#define FAIL(...) do { fprintf(stderr, NAME ": " __VA_ARGS__); abort(); } while (0)

#ifndef FUZZ_PS
static uint8_t mem[6 * 2048];
static struct rp_flash_sim its_sim;
static struct rp_flash_sim *const sim = &its_sim;
static struct rp_its fs;
static struct rp_its_slot slots[RP_ITS_SLOT_RAM(8)];
static uint16_t blocks[RP_ITS_BLOCK_RAM(6)];
static struct rp_its_config cfg;

static psa_status_t b_mount(void) { return rp_its_mount(&fs, &cfg); }
static uint32_t b_max_asset(void) { return cfg.max_asset_size; }
static psa_status_t b_set(int32_t c, uint64_t u, size_t n, const void *d, uint32_t f)
{
    return rp_its_set(&fs, c, u, n, d, f);
}
static psa_status_t b_get(int32_t c, uint64_t u, size_t off, size_t n, void *b, size_t *o)
{
    return rp_its_get(&fs, c, u, off, n, b, o);
}
static psa_status_t b_info(int32_t c, uint64_t u, struct psa_storage_info_t *i)
{
    return rp_its_get_info(&fs, c, u, i);
}
static psa_status_t b_remove(int32_t c, uint64_t u) { return rp_its_remove(&fs, c, u); }
static int b_sane(void) { return rp_its_file_count(&fs) <= cfg.max_files; }

static void b_setup(uint8_t g)
{
    static const uint32_t geo[3][5] = { /* sector, blocks, unit, files, max asset */
        {2048, 2, 8, 5, 600}, {2048, 4, 4, 8, 512}, {1024, 6, 16, 8, 400}};
    const uint32_t *p = geo[g % 3];
    rp_flash_sim_init(sim, mem, p[0], p[1], p[2], 0xFF);
    memset(&cfg, 0, sizeof(cfg));
    cfg.flash = &sim->flash;
    cfg.sectors_per_block = 1;
    cfg.block_count = p[1];
    cfg.max_files = p[3];
    cfg.max_asset_size = p[4];
    cfg.slot_ram = slots;
    cfg.block_ram = blocks;
    cfg.slot_ram_count = sizeof(slots) / sizeof(slots[0]);
    cfg.block_ram_count = sizeof(blocks) / sizeof(blocks[0]);
}
#else
static uint8_t mem[12 * 1024];
static struct rp_flash_sim *const sim = &ps_sim;

static psa_status_t b_mount(void) { return rp_ps_mount(&ps, &ps_cfg); }
static uint32_t b_max_asset(void) { return ps_cfg.max_asset_size; }
static psa_status_t b_set(int32_t c, uint64_t u, size_t n, const void *d, uint32_t f)
{
    return rp_ps_set(&ps, c, u, n, d, f);
}
static psa_status_t b_get(int32_t c, uint64_t u, size_t off, size_t n, void *b, size_t *o)
{
    return rp_ps_get(&ps, c, u, off, n, b, o);
}
static psa_status_t b_info(int32_t c, uint64_t u, struct psa_storage_info_t *i)
{
    return rp_ps_get_info(&ps, c, u, i);
}
static psa_status_t b_remove(int32_t c, uint64_t u) { return rp_ps_remove(&ps, c, u); }
static int b_sane(void)
{
    return sim->nv[1] == sim->nv[2] && sim->nv[1] <= sim->nv[0];
}

static void b_setup(uint8_t g)
{
    if (g & 1)
        ps_setup(mem, 1024, 1, 12, 8, 6, 300);
    else
        ps_setup(mem, 1024, 2, 6, 4, 5, 500);
}
#endif

static void setup(uint8_t g)
{
    b_setup(g);
    memset(m, 0, sizeof(m));
    if (b_mount() != PSA_SUCCESS)
        FAIL("mount of a fresh device failed\n");
}

static int32_t client_of(unsigned i) { return i < NUID ? 1 : -5; }
static uint64_t uid_of(unsigned i) { return (uint64_t)(i % NUID) * 0x100000001ULL + 1u; }

/* 1 if asset i on the device equals e. */
static int same(unsigned i, const struct model *e)
{
    static uint8_t buf[MAXA + 8];
    struct psa_storage_info_t info;
    size_t out = 0;
    psa_status_t st = b_info(client_of(i), uid_of(i), &info);
    if (!e->present)
        return st == PSA_ERROR_DOES_NOT_EXIST;
    if (st != PSA_SUCCESS || info.size != e->len || info.flags != e->flags)
        return 0;
    if (b_get(client_of(i), uid_of(i), 0, sizeof(buf), buf, &out) != PSA_SUCCESS)
        return 0;
    return out == e->len && memcmp(buf, e->data, e->len) == 0;
}

/* After a power cut: reboot, re-mount, asset t (or none: -1) may be old (m) or new (alt). */
static void recover(int t)
{
    unsigned i;
    n_cuts++;
    rp_flash_sim_reboot(sim);
    if (b_mount() != PSA_SUCCESS)
        FAIL("re-mount after a power cut failed\n");
    for (i = 0; i < NASSET; i++) {
        if (same(i, &m[i]))
            continue;
        if ((int)i == t && same(i, &alt)) {
            m[i] = alt;
            continue;
        }
        FAIL("asset %u neither old nor new after a power cut\n", i);
    }
}

static void op_set(unsigned i, uint8_t b, uint8_t c)
{
    uint32_t len = ((uint32_t)b | ((uint32_t)(c & 3) << 8)) % (b_max_asset() + 40);
    uint32_t flags = (c & 0xF0) == 0xF0 ? PSA_STORAGE_FLAG_WRITE_ONCE : (c >> 2) & 6u;
    psa_status_t st, want = PSA_SUCCESS;
    unsigned k;
    alt.present = 1;
    alt.len = len;
    alt.flags = flags;
    for (k = 0; k < len && k < MAXA; k++)
        alt.data[k] = (uint8_t)(b * 7u + c + k * 3u);
    if (len > b_max_asset())   /* arguments are checked before the file is looked up */
        want = PSA_ERROR_INVALID_ARGUMENT;
    else if (m[i].present && (m[i].flags & PSA_STORAGE_FLAG_WRITE_ONCE))
        want = PSA_ERROR_NOT_PERMITTED;
    st = b_set(client_of(i), uid_of(i), len, alt.data, flags);
    if (sim->powered_off)
        return recover((int)i);
    if (st == PSA_ERROR_INSUFFICIENT_STORAGE && want == PSA_SUCCESS) {
        n_full++;
        if (!same(i, &m[i]))   /* the model does not predict space; the old value stays */
            FAIL("asset %u changed by a refused set\n", i);
        return;
    }
    if (st != want)
        FAIL("set asset %u len %u: %d, model %d\n", i, (unsigned)len, (int)st, (int)want);
    if (st == PSA_SUCCESS) {
        m[i] = alt;
        n_sets++;
    }
}

static void op_remove(unsigned i)
{
    psa_status_t want = !m[i].present ? PSA_ERROR_DOES_NOT_EXIST
                        : (m[i].flags & PSA_STORAGE_FLAG_WRITE_ONCE) ? PSA_ERROR_NOT_PERMITTED
                                                                    : PSA_SUCCESS;
    psa_status_t st = b_remove(client_of(i), uid_of(i));
    alt.present = 0;
    if (sim->powered_off)
        return recover((int)i);
    if (st != want)
        FAIL("remove asset %u: %d, model %d\n", i, (int)st, (int)want);
    if (st == PSA_SUCCESS)
        m[i].present = 0;
}

static void op_get(unsigned i, uint8_t b, uint8_t c)
{
    static uint8_t buf[MAXA + 64];
    size_t off = (size_t)b * 3u, len = c, out = 999;
    psa_status_t st = b_get(client_of(i), uid_of(i), off, len, buf, &out);
    psa_status_t want = !m[i].present ? PSA_ERROR_DOES_NOT_EXIST
                        : off > m[i].len ? PSA_ERROR_INVALID_ARGUMENT : PSA_SUCCESS;
    if (st != want)
        FAIL("get asset %u off %u: %d, model %d\n", i, (unsigned)off, (int)st, (int)want);
    if (st == PSA_SUCCESS) {
        size_t n = m[i].len - off < len ? m[i].len - off : len;
        if (out != n || memcmp(buf, m[i].data + off, n) != 0)
            FAIL("get asset %u: wrong data\n", i);
    }
}

static void op_mount_or_cut(uint8_t a, uint8_t b)
{
    unsigned i;
    if (a & 1) {
        rp_flash_sim_cut(sim, sim->ops + 1u + b % 48u, (uint64_t)a << 8 | b);
        return;
    }
    if (b_mount() != PSA_SUCCESS) {
        if (!sim->powered_off)
            FAIL("re-mount failed\n");
        recover(-1);
    }
    for (i = 0; i < NASSET; i++)
        if (!same(i, &m[i]))
            FAIL("asset %u changed across a re-mount\n", i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t p;
    if (size < 1)
        return 0;
    setup(data[0]);
    for (p = 1; p + 4 <= size; p += 4) {
        uint8_t op = data[p], a = data[p + 1], b = data[p + 2], c = data[p + 3];
        unsigned i = a % NASSET;
        switch (op % 8) {
        case 0: case 1: case 2: op_set(i, b, c); break;
        case 3: op_remove(i); break;
        case 4: case 5: op_get(i, b, c); break;
        case 6: op_mount_or_cut(a, b); break;
        default:
            if (!b_sane())
                FAIL("internal limits broken\n");
            break;
        }
        if (sim->powered_off)   /* a cut during a read-only call or a mount */
            recover(-1);
    }
    rp_flash_sim_reboot(sim);
    op_mount_or_cut(0, 0);
    return 0;
}

#ifndef RP_LIBFUZZER
int main(int argc, char **argv)
{
    static uint8_t in[4 * 400 + 1];
    unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 0) : 300, i;
    uint64_t x = argc > 2 ? strtoull(argv[2], NULL, 0) : 1;
    for (i = 0; i < n; i++) {
        size_t k, len = 1 + 4 * (1 + (size_t)(x >> 40) % 400);
        for (k = 0; k < len; k++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            in[k] = (uint8_t)(x >> 56);
        }
        LLVMFuzzerTestOneInput(in, len);
    }
    printf(NAME ": %lu random inputs (%lu sets, %lu full, %lu power cuts), "
           "0 disagreements\n", n, n_sets, n_full, n_cuts);
    return 0;
}
#endif
