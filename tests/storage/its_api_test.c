/* its_api_test.c - PSA ITS 1.0 semantics of rp_its (every row of FORMATS.md 4.1), client
 * isolation, edge lengths and offsets, compaction, wear spread, and a reliability loop.
 * Usage: storage_its_api [loop-iterations]  (default short; the long label passes more) */
#include <stdint.h>
#include "rp_test.h"
#include "rp_its.h"
#include "flash_sim.h"

#define SECTOR 4096u
#define SECTORS 4u
#define FILES 10u
#define MAXA 512u

static uint8_t mem[SECTOR * 8];
static uint32_t wear[8];
static struct rp_flash_sim sim;
static struct rp_its fs;
static struct rp_its_slot slots[RP_ITS_SLOT_RAM(16)];
static uint16_t blocks[RP_ITS_BLOCK_RAM(8)];

static struct rp_its_config config(uint32_t nblocks, uint32_t files, uint32_t maxa)
{
    struct rp_its_config c;
    memset(&c, 0, sizeof(c));
    c.flash = &sim.flash;
    c.sectors_per_block = 1;
    c.block_count = nblocks;
    c.max_files = files;
    c.max_asset_size = maxa;
    c.slot_ram = slots;
    c.block_ram = blocks;
    c.slot_ram_count = sizeof(slots) / sizeof(slots[0]);
    c.block_ram_count = sizeof(blocks) / sizeof(blocks[0]);
    return c;
}

/* Fresh erased device of `sectors` sectors with program unit `unit`, mounted. */
static void fresh(uint32_t sectors, uint32_t unit, uint32_t files, uint32_t maxa)
{
    struct rp_its_config c = config(sectors, files, maxa);
    rp_flash_sim_init(&sim, mem, SECTOR, sectors, unit, 0xFF);
    memset(wear, 0, sizeof(wear));
    sim.wear = wear;
    RP_CHECK_EQ(rp_its_mount(&fs, &c), PSA_SUCCESS);
}

static void remount(void)
{
    struct rp_its_config c = fs.cfg;
    RP_CHECK_EQ(rp_its_mount(&fs, &c), PSA_SUCCESS);
}

static void fill_pattern(uint8_t *p, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(seed * 31u + i * 7u + (i >> 8));
}

/* Checks that (client, uid) holds exactly want[0..n). */
static void expect(int32_t client, uint64_t uid, const uint8_t *want, size_t n)
{
    uint8_t got[MAXA * 4];
    size_t out = 12345;
    struct psa_storage_info_t info;
    RP_CHECK_EQ(rp_its_get(&fs, client, uid, 0, sizeof(got), got, &out), PSA_SUCCESS);
    RP_CHECK_EQ(out, n);
    if (out == n)
        RP_CHECK_MEM(got, want, n);
    RP_CHECK_EQ(rp_its_get_info(&fs, client, uid, &info), PSA_SUCCESS);
    RP_CHECK_EQ(info.size, n);
    RP_CHECK_EQ(info.capacity, n);
}

static void test_table_rows(void)
{
    uint8_t a[MAXA + 1], b[64], buf[64];
    size_t out = 99;
    struct psa_storage_info_t info;
    fresh(SECTORS, 4, FILES, MAXA);
    fill_pattern(a, sizeof(a), 1);
    /* any call, uid 0 */
    RP_CHECK_EQ(rp_its_set(&fs, 1, 0, 4, a, 0), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_its_get(&fs, 1, 0, 0, 4, buf, &out), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_its_get_info(&fs, 1, 0, &info), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_its_remove(&fs, 1, 0), PSA_ERROR_INVALID_ARGUMENT);
    /* unknown uid */
    RP_CHECK_EQ(rp_its_get(&fs, 1, 5, 0, 4, buf, &out), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_its_get_info(&fs, 1, 5, &info), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_its_remove(&fs, 1, 5), PSA_ERROR_DOES_NOT_EXIST);
    /* undefined flag bits */
    RP_CHECK_EQ(rp_its_set(&fs, 1, 5, 4, a, 1u << 3), PSA_ERROR_NOT_SUPPORTED);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 5, 4, a, 1u << 31), PSA_ERROR_NOT_SUPPORTED);
    RP_CHECK_EQ(rp_its_get_info(&fs, 1, 5, &info), PSA_ERROR_DOES_NOT_EXIST);
    /* defined flags are accepted and stored */
    RP_CHECK_EQ(rp_its_set(&fs, 1, 6, 4, a, PSA_STORAGE_FLAG_NO_CONFIDENTIALITY |
                                             PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION),
                PSA_SUCCESS);
    RP_CHECK_EQ(rp_its_get_info(&fs, 1, 6, &info), PSA_SUCCESS);
    RP_CHECK_EQ(info.flags, PSA_STORAGE_FLAG_NO_CONFIDENTIALITY |
                                PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION);
    /* length > maximum asset size */
    RP_CHECK_EQ(rp_its_set(&fs, 1, 7, MAXA + 1, a, 0), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 7, MAXA, a, 0), PSA_SUCCESS);
    expect(1, 7, a, MAXA);
    /* length 0, data NULL */
    RP_CHECK_EQ(rp_its_set(&fs, 1, 8, 0, NULL, 0), PSA_SUCCESS);
    expect(1, 8, a, 0);
    RP_CHECK_EQ(rp_its_get(&fs, 1, 8, 0, 0, NULL, &out), PSA_SUCCESS);
    RP_CHECK_EQ(out, 0);
    /* NULL data with a length is refused before anything is written */
    RP_CHECK_EQ(rp_its_set(&fs, 1, 9, 4, NULL, 0), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_its_get(&fs, 1, 7, 0, 4, NULL, &out), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_its_get(&fs, 1, 7, 0, 4, buf, NULL), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_its_get_info(&fs, 1, 7, NULL), PSA_ERROR_INVALID_ARGUMENT);
    /* existing, not write-once: replaces data and flags */
    fill_pattern(b, sizeof(b), 2);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 6, 20, b, PSA_STORAGE_FLAG_WRITE_ONCE), PSA_SUCCESS);
    expect(1, 6, b, 20);
    RP_CHECK_EQ(rp_its_get_info(&fs, 1, 6, &info), PSA_SUCCESS);
    RP_CHECK_EQ(info.flags, PSA_STORAGE_FLAG_WRITE_ONCE);
    /* existing write-once: set and remove refused, data unchanged */
    RP_CHECK_EQ(rp_its_set(&fs, 1, 6, 4, a, 0), PSA_ERROR_NOT_PERMITTED);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 6, 20, b, PSA_STORAGE_FLAG_WRITE_ONCE),
                PSA_ERROR_NOT_PERMITTED);
    RP_CHECK_EQ(rp_its_remove(&fs, 1, 6), PSA_ERROR_NOT_PERMITTED);
    expect(1, 6, b, 20);
    /* get: offset > size leaves the buffer and *data_length untouched */
    memset(buf, 0xA5, sizeof(buf));
    out = 777;
    RP_CHECK_EQ(rp_its_get(&fs, 1, 6, 21, 4, buf, &out), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(out, 777);
    RP_CHECK_EQ(buf[0], 0xA5);
    RP_CHECK_EQ(rp_its_get(&fs, 1, 6, (size_t)-1, 4, buf, &out), PSA_ERROR_INVALID_ARGUMENT);
    /* offset == size: success, nothing */
    RP_CHECK_EQ(rp_its_get(&fs, 1, 6, 20, 4, buf, &out), PSA_SUCCESS);
    RP_CHECK_EQ(out, 0);
    RP_CHECK_EQ(buf[0], 0xA5);
    /* offset + length > size: what there is */
    RP_CHECK_EQ(rp_its_get(&fs, 1, 6, 15, 40, buf, &out), PSA_SUCCESS);
    RP_CHECK_EQ(out, 5);
    RP_CHECK_MEM(buf, b + 15, 5);
    RP_CHECK_EQ(buf[5], 0xA5);
    /* get with a short buffer: len bytes only */
    memset(buf, 0xA5, sizeof(buf));
    RP_CHECK_EQ(rp_its_get(&fs, 1, 6, 3, 2, buf, &out), PSA_SUCCESS);
    RP_CHECK_EQ(out, 2);
    RP_CHECK_MEM(buf, b + 3, 2);
    RP_CHECK_EQ(buf[2], 0xA5);
    /* remove */
    RP_CHECK_EQ(rp_its_remove(&fs, 1, 7), PSA_SUCCESS);
    RP_CHECK_EQ(rp_its_get_info(&fs, 1, 7, &info), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_its_remove(&fs, 1, 7), PSA_ERROR_DOES_NOT_EXIST);
    /* survives a re-mount */
    remount();
    expect(1, 6, b, 20);
    expect(1, 8, a, 0);
}

static void test_isolation(void)
{
    uint8_t a[32], b[32], buf[32];
    size_t out;
    struct psa_storage_info_t info;
    fresh(SECTORS, 4, FILES, MAXA);
    fill_pattern(a, sizeof(a), 3);
    fill_pattern(b, sizeof(b), 4);
    RP_CHECK_EQ(rp_its_set(&fs, -1, 42, 32, a, 0), PSA_SUCCESS);
    RP_CHECK_EQ(rp_its_get(&fs, 7, 42, 0, 32, buf, &out), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_its_get_info(&fs, 7, 42, &info), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_its_remove(&fs, 7, 42), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_its_set(&fs, 7, 42, 16, b, PSA_STORAGE_FLAG_WRITE_ONCE), PSA_SUCCESS);
    expect(-1, 42, a, 32);
    expect(7, 42, b, 16);
    RP_CHECK_EQ(rp_its_set(&fs, -1, 42, 8, b, 0), PSA_SUCCESS);
    RP_CHECK_EQ(rp_its_remove(&fs, -1, 42), PSA_SUCCESS);
    expect(7, 42, b, 16);
    RP_CHECK_EQ(rp_its_file_count(&fs), 1);
}

/* 10 files of 512 on AN521's 16 KB (4 blocks): fills up, then the 11th file or a bigger
 * replace has no room; a remove makes room again (compaction). */
static void test_full_and_compaction(void)
{
    uint8_t d[MAXA];
    uint64_t uid;
    int stored = 0;
    fresh(SECTORS, 4, FILES, MAXA);
    for (uid = 1; uid <= FILES; uid++) {
        fill_pattern(d, sizeof(d), (unsigned)uid);
        if (rp_its_set(&fs, 1, uid, MAXA, d, 0) == PSA_SUCCESS)
            stored++;
    }
    RP_CHECK_EQ(stored, FILES);   /* 2 logical blocks hold 5120 bytes + metadata */
    RP_CHECK_EQ(rp_its_set(&fs, 1, 99, 1, d, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    RP_CHECK_EQ(rp_its_set(&fs, 2, 1, 0, NULL, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    for (uid = 1; uid <= FILES; uid++) {
        fill_pattern(d, sizeof(d), (unsigned)uid);
        expect(1, uid, d, MAXA);
    }
    /* shrink one file, then remove another: their space is reused (blocks repacked) */
    RP_CHECK_EQ(rp_its_set(&fs, 1, 3, 10, d, 0), PSA_SUCCESS);
    RP_CHECK_EQ(rp_its_remove(&fs, 1, 4), PSA_SUCCESS);
    fill_pattern(d, sizeof(d), 50);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 50, MAXA, d, 0), PSA_SUCCESS);
    expect(1, 50, d, MAXA);
    remount();
    expect(1, 50, d, MAXA);
    for (uid = 5; uid <= FILES; uid++) {
        fill_pattern(d, sizeof(d), (unsigned)uid);
        expect(1, uid, d, MAXA);
    }
}

/* With more files allowed than fit, the space runs out first: with 17 slots the metadata
 * takes 460 bytes, so logical block 0 holds 7 files of 512 (3636 bytes) and block 1 holds 8. */
static void test_full_by_space(void)
{
    uint8_t d[MAXA];
    uint64_t uid;
    unsigned stored = 0;
    fresh(SECTORS, 4, 16, MAXA);
    for (uid = 1; uid <= 16; uid++) {
        psa_status_t st;
        fill_pattern(d, sizeof(d), (unsigned)uid);
        st = rp_its_set(&fs, 1, uid, MAXA, d, 0);
        RP_CHECK(st == PSA_SUCCESS || st == PSA_ERROR_INSUFFICIENT_STORAGE);
        stored += st == PSA_SUCCESS;
        if (st != PSA_SUCCESS)
            break;
    }
    RP_CHECK_EQ(stored, 15);
    RP_CHECK_EQ(rp_its_file_count(&fs), stored);
    /* a small file still fits in the gaps; growing one does not */
    RP_CHECK_EQ(rp_its_set(&fs, 2, 1, 4, d, 0), PSA_SUCCESS);
    RP_CHECK_EQ(rp_its_set(&fs, 2, 1, MAXA, d, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    fill_pattern(d, 4, 0);
    RP_CHECK_EQ(rp_its_set(&fs, 2, 1, 4, d, 0), PSA_SUCCESS);
    /* removing one big file makes room (the block is repacked) */
    RP_CHECK_EQ(rp_its_remove(&fs, 1, 2), PSA_SUCCESS);
    fill_pattern(d, sizeof(d), 99);
    RP_CHECK_EQ(rp_its_set(&fs, 2, 1, MAXA, d, 0), PSA_SUCCESS);
    remount();
    expect(2, 1, d, MAXA);
    for (uid = 3; uid <= stored; uid++) {
        fill_pattern(d, sizeof(d), (unsigned)uid);
        expect(1, uid, d, MAXA);
    }
}

/* Grows a file until it must move to the other logical block (two-commit replace). */
static void test_moving_replace(void)
{
    uint8_t d[1024];
    uint64_t uid;
    struct rp_its_config c;
    fresh(6, 8, 12, 1024);
    c = fs.cfg;
    (void)c;
    for (uid = 1; uid <= 9; uid++) {
        fill_pattern(d, 900, (unsigned)uid);
        RP_CHECK_EQ(rp_its_set(&fs, 3, uid, 900, d, 0), PSA_SUCCESS);
    }
    for (uid = 1; uid <= 9; uid++) {
        fill_pattern(d, 1024, (unsigned)uid + 100);
        RP_CHECK_EQ(rp_its_set(&fs, 3, uid, 1000 + (size_t)uid % 24, d, 0), PSA_SUCCESS);
        expect(3, uid, d, 1000 + (size_t)uid % 24);
    }
    remount();
    for (uid = 1; uid <= 9; uid++) {
        fill_pattern(d, 1024, (unsigned)uid + 100);
        expect(3, uid, d, 1000 + (size_t)uid % 24);
    }
}

/* Many sets to one uid, sizes varying; also checks the data scratch block rotates. */
static void test_many_sets(void)
{
    uint8_t d[MAXA];
    unsigned i, n = 3000;
    uint32_t lo = 0xFFFFFFFFu, hi = 0, s;
    fresh(6, 4, FILES, MAXA);
    fill_pattern(d, sizeof(d), 9);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 100, 300, d, 0), PSA_SUCCESS);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 101, 300, d, 0), PSA_SUCCESS);
    for (i = 0; i < n; i++) {
        size_t len = (i * 37u) % (MAXA + 1);
        fill_pattern(d, len, i);
        if (rp_its_set(&fs, 1, 5, len, d, 0) != PSA_SUCCESS) {
            RP_CHECK(0);
            break;
        }
        if (i % 500 == 0) {
            remount();
            expect(1, 5, d, len);
        }
    }
    fill_pattern(d, (n - 1) * 37u % (MAXA + 1), n - 1);
    expect(1, 5, d, (n - 1) * 37u % (MAXA + 1));
    /* the 4 data blocks (sectors 2..5) share the erases */
    for (s = 2; s < 6; s++) {
        if (wear[s] < lo) lo = wear[s];
        if (wear[s] > hi) hi = wear[s];
    }
    printf("wear after %u sets: meta %u/%u, data blocks %u..%u erases\n", n,
           (unsigned)wear[0], (unsigned)wear[1], (unsigned)lo, (unsigned)hi);
    RP_CHECK(lo > 0);
    RP_CHECK(hi <= 2 * lo + 2);
}

/* Other geometries: 2 blocks (metadata and data share a block), program unit 16. */
static void test_geometries(void)
{
    uint8_t d[300];
    struct rp_its_config bad;
    fresh(2, 16, 4, 300);
    fill_pattern(d, sizeof(d), 5);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 1, 300, d, 0), PSA_SUCCESS);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 2, 17, d, 0), PSA_SUCCESS);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 1, 33, d + 1, 0), PSA_SUCCESS);
    remount();
    expect(1, 1, d + 1, 33);
    expect(1, 2, d, 17);
    /* invalid configurations */
    bad = config(3, 4, 100);
    RP_CHECK_EQ(rp_its_mount(&fs, &bad), PSA_ERROR_INVALID_ARGUMENT);
    bad = config(9, 4, 100);   /* more blocks than the device has */
    RP_CHECK_EQ(rp_its_mount(&fs, &bad), PSA_ERROR_INVALID_ARGUMENT);
    bad = config(2, 4, SECTOR);  /* a file larger than the data area */
    RP_CHECK_EQ(rp_its_mount(&fs, &bad), PSA_ERROR_INVALID_ARGUMENT);
    bad = config(2, 0, 100);
    RP_CHECK_EQ(rp_its_mount(&fs, &bad), PSA_ERROR_INVALID_ARGUMENT);
    /* an area formatted with another geometry is refused, not reformatted */
    bad = config(2, 5, 300);
    RP_CHECK_EQ(rp_its_mount(&fs, &bad), PSA_ERROR_STORAGE_FAILURE);
    bad = config(2, 4, 300);
    RP_CHECK_EQ(rp_its_mount(&fs, &bad), PSA_SUCCESS);
    expect(1, 2, d, 17);
}

/* A failing device: every write fails after the power cut; reads of the last committed
 * state keep working through a re-mount. */
static void test_flash_failure(void)
{
    uint8_t d[64];
    size_t out;
    fresh(SECTORS, 4, FILES, MAXA);
    fill_pattern(d, sizeof(d), 6);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 1, 64, d, 0), PSA_SUCCESS);
    rp_flash_sim_cut(&sim, sim.ops + 1, 1);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 2, 64, d, 0), PSA_ERROR_STORAGE_FAILURE);
    RP_CHECK_EQ(rp_its_remove(&fs, 1, 1), PSA_ERROR_STORAGE_FAILURE);
    RP_CHECK_EQ(rp_its_get(&fs, 1, 1, 0, 64, d, &out), PSA_SUCCESS);
    rp_flash_sim_reboot(&sim);
    remount();
    fill_pattern(d, sizeof(d), 6);
    expect(1, 1, d, 64);
    RP_CHECK_EQ(rp_its_get_info(&fs, 1, 2, &(struct psa_storage_info_t){0, 0, 0}),
                PSA_ERROR_DOES_NOT_EXIST);
}

/* Random operations against a model, with re-mounts: the reliability loop. */
static void test_reliability(unsigned iters)
{
    static uint8_t model[8][MAXA];
    static size_t mlen[8];
    static int present[8];
    uint8_t d[MAXA];
    uint32_t x = 12345;
    unsigned i;
    fresh(SECTORS, 4, 8, MAXA);
    memset(present, 0, sizeof(present));
    for (i = 0; i < iters; i++) {
        unsigned u;
        x = x * 1103515245u + 12345u;
        u = (x >> 16) % 8;
        if ((x >> 8) % 4 == 0) {
            psa_status_t st = rp_its_remove(&fs, 1, u + 1);
            RP_CHECK_EQ(st, present[u] ? PSA_SUCCESS : PSA_ERROR_DOES_NOT_EXIST);
            present[u] = 0;
        } else {
            size_t len = (x >> 3) % (MAXA / 2 + 1);
            psa_status_t st;
            fill_pattern(d, len, i);
            st = rp_its_set(&fs, 1, u + 1, len, d, 0);
            RP_CHECK(st == PSA_SUCCESS || st == PSA_ERROR_INSUFFICIENT_STORAGE);
            if (st == PSA_SUCCESS) {
                memcpy(model[u], d, len);
                mlen[u] = len;
                present[u] = 1;
            }
        }
        if (i % 97 == 0) {
            remount();
            for (u = 0; u < 8; u++)
                if (present[u])
                    expect(1, u + 1, model[u], mlen[u]);
        }
    }
}

/* A device whose reads fail: get reports STORAGE_FAILURE and mount refuses (it must not
 * take unreadable metadata for blank flash and format it). */
static int reads_fail;
static int flaky_read(void *ctx, uint32_t addr, void *buf, uint32_t len)
{
    return reads_fail ? RP_FLASH_ERR_IO : sim.flash.read(ctx, addr, buf, len);
}

static void test_read_failure(void)
{
    static struct rp_flash flaky;
    uint8_t d[40], buf[40];
    size_t out;
    struct rp_its_config c;
    fresh(SECTORS, 4, FILES, MAXA);
    flaky = sim.flash;
    flaky.read = flaky_read;
    c = fs.cfg;
    c.flash = &flaky;
    RP_CHECK_EQ(rp_its_mount(&fs, &c), PSA_SUCCESS);
    fill_pattern(d, sizeof(d), 13);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 1, sizeof(d), d, 0), PSA_SUCCESS);
    reads_fail = 1;
    RP_CHECK_EQ(rp_its_get(&fs, 1, 1, 0, sizeof(buf), buf, &out), PSA_ERROR_STORAGE_FAILURE);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 2, sizeof(d), d, 0), PSA_ERROR_STORAGE_FAILURE);
    RP_CHECK_EQ(rp_its_mount(&fs, &c), PSA_ERROR_STORAGE_FAILURE);
    RP_CHECK_EQ(rp_its_get(&fs, 1, 1, 0, sizeof(buf), buf, &out), PSA_ERROR_STORAGE_FAILURE);
    reads_fail = 0;
    RP_CHECK_EQ(rp_its_get(&fs, 1, 1, 0, sizeof(buf), buf, &out), PSA_SUCCESS);
    RP_CHECK_EQ(out, sizeof(d));
    RP_CHECK_MEM(buf, d, sizeof(d));
}

/* The file-backed simulator (for the host library): contents survive a new process. */
static void test_file_backed(void)
{
    static uint8_t other[SECTOR * SECTORS];
    uint8_t d[100];
    const char *path = "storage_its_api_flash.bin";
    struct rp_its_config c;
    remove(path);
    fresh(SECTORS, 4, FILES, MAXA);
    RP_CHECK_EQ(rp_flash_sim_attach_file(&sim, path), 0);
    fill_pattern(d, sizeof(d), 12);
    RP_CHECK_EQ(rp_its_set(&fs, 1, 1, sizeof(d), d, 0), PSA_SUCCESS);
    rp_flash_sim_detach_file(&sim);
    c = fs.cfg;
    rp_flash_sim_init(&sim, other, SECTOR, SECTORS, 4, 0xFF);   /* a "new process" */
    RP_CHECK_EQ(rp_flash_sim_attach_file(&sim, path), 0);
    RP_CHECK_EQ(rp_its_mount(&fs, &c), PSA_SUCCESS);
    expect(1, 1, d, sizeof(d));
    rp_flash_sim_detach_file(&sim);
    remove(path);
}

int main(int argc, char **argv)
{
    unsigned iters = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 2000u;
    test_table_rows();
    test_isolation();
    test_full_and_compaction();
    test_full_by_space();
    test_moving_replace();
    test_many_sets();
    test_geometries();
    test_flash_failure();
    test_file_backed();
    test_read_failure();
    test_reliability(iters);
    return rp_test_end("storage_its_api");
}
