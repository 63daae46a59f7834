/* Upgrade tests of boot/core (rp_boot.h) on the host flash simulator: swap (test, revert,
 * confirm, permanent), overwrite-only, refused requests (rollback, bad signature, broken
 * dependency), then the power-cut sweep: every flash write of each upgrade scenario is cut
 * in turn, the device reboots, and every run must end booting a valid image, old or new.
 * Prints "POWERCUT upgrade <N> cut points, <F> failures". */
#include "flash_sim.h"
#include "img_build.h"
#include "rp_boot.h"
#include "rp_test.h"

#define SECTOR   0x400u
#define SLOT     0x2000u          /* 8 sectors; the last one holds the trailer */
#define S_PRI    0x0000u
#define NS_PRI   0x2000u
#define S_SEC    0x4000u
#define NS_SEC   0x6000u
#define SCRATCH  0x8000u          /* 3 sectors: the buffer first, the staged trailer last */
#define NVC      0x8C00u          /* 2 counters x 0x200 */
#define SECTORS  36u

static uint8_t mem[SECTORS * SECTOR];
static struct rp_flash_sim sim;
static struct rp_nvc_otp otp;
static struct rp_boot_cfg cfg;
static struct rp_boot_result res;
static struct ib_key key, other;
static struct rp_image_key keys[1];
static const uint8_t magic[16] = { 0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
                                   0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80 };

/* Factory programming: straight into the memory, not counted as flash operations. */
static void put_image(uint32_t slot, uint8_t major, int sec_cnt, const struct ib_key *k,
                      int dep_major)
{
    static uint8_t buf[SLOT];
    struct ib_opts o;
    ib_defaults(&o);
    o.img_size = 2000 + major * 100u;      /* versions differ in size too */
    o.ver.major = major;
    o.sec_cnt = sec_cnt;
    o.fill = major;
    o.sw_type = slot == NS_PRI || slot == NS_SEC ? "NSPE" : "SPE";
    o.dep_image = slot == S_PRI || slot == S_SEC ? 1 : -1;
    o.dep_min.major = (uint8_t)dep_major;
    ib_build(buf, SLOT - SECTOR, &o, k);
    memcpy(mem + slot, buf, SLOT - SECTOR);
    memset(mem + slot + SLOT - SECTOR, 0xFF, SECTOR);
}

static void request(uint32_t slot, int permanent)
{
    memcpy(mem + slot + SLOT - 16, magic, 16);
    if (permanent) {
        mem[slot + SLOT - RP_TRAILER_IMAGE_OK] = 0x01;
    }
}

static void setup(uint32_t mode)
{
    rp_flash_sim_init(&sim, mem, SECTOR, SECTORS, 1, 0xFF);
    rp_nvc_otp_init(&otp, &sim.flash, mem, NVC, 0x200, 2);
    memset(&cfg, 0, sizeof cfg);
    cfg.flash = &sim.flash;
    cfg.map = mem;
    cfg.nvc = &otp.nvc;
    cfg.keys = keys;
    cfg.nkeys = 1;
    cfg.slot_size = SLOT;
    cfg.scratch = SCRATCH;
    cfg.scratch_size = 3 * SECTOR;
    cfg.mode = mode;
    cfg.image_count = 2;
    cfg.img[0].primary = S_PRI;
    cfg.img[0].secondary = S_SEC;
    cfg.img[0].nvc_id = 0;
    cfg.img[1].primary = NS_PRI;
    cfg.img[1].secondary = NS_SEC;
    cfg.img[1].nvc_id = 1;
    put_image(S_PRI, 1, 1, &key, 0);
    put_image(NS_PRI, 1, 1, &key, 0);
}

static int boot(void)
{
    return rp_boot_go(&cfg, &res);
}

/* The running secure image confirms itself (rp_boot_confirm: image_ok = 1 in its primary
 * trailer). RP_FLASH_OK when it did. */
static int confirm(void)
{
    return rp_boot_confirm(&sim.flash, S_PRI + SLOT) == RP_BOOT_OK ? RP_FLASH_OK
                                                                    : RP_FLASH_ERR_IO;
}

/* rp_boot_confirm against each trailer state. */
static void test_confirm(void)
{
    uint8_t *ok = mem + S_PRI + SLOT - RP_TRAILER_IMAGE_OK;
    setup(RP_BOOT_MODE_SWAP);
    unsigned long programs = sim.programs;
    RP_CHECK_EQ(rp_boot_image_state(&sim.flash, S_PRI + SLOT), RP_BOOT_IMAGE_PERMANENT);
    RP_CHECK_EQ(rp_boot_confirm(&sim.flash, S_PRI + SLOT), RP_BOOT_OK);   /* no trailer */
    RP_CHECK_EQ(sim.programs, programs);
    RP_CHECK_EQ(*ok, 0xFF);
    request(S_PRI, 0);
    mem[S_PRI + SLOT - 1] ^= 1;                                           /* BAD magic */
    RP_CHECK_EQ(rp_boot_image_state(&sim.flash, S_PRI + SLOT), RP_BOOT_ERR_TRAILER);
    RP_CHECK_EQ(rp_boot_confirm(&sim.flash, S_PRI + SLOT), RP_BOOT_ERR_TRAILER);
    mem[S_PRI + SLOT - 1] ^= 1;
    RP_CHECK_EQ(rp_boot_image_state(&sim.flash, S_PRI + SLOT), RP_BOOT_IMAGE_PENDING);
    RP_CHECK_EQ(rp_boot_confirm(&sim.flash, S_PRI + SLOT), RP_BOOT_OK);   /* GOOD, unset */
    RP_CHECK_EQ(rp_boot_image_state(&sim.flash, S_PRI + SLOT), RP_BOOT_IMAGE_CONFIRMED);
    RP_CHECK_EQ(*ok, 0x01);
    RP_CHECK_EQ(ok[1], 0xFF);
    programs = sim.programs;
    RP_CHECK_EQ(rp_boot_confirm(&sim.flash, S_PRI + SLOT), RP_BOOT_OK);   /* already */
    RP_CHECK_EQ(sim.programs, programs);
    *ok = 0x81;                                                           /* BAD image_ok */
    RP_CHECK_EQ(rp_boot_confirm(&sim.flash, S_PRI + SLOT), RP_BOOT_ERR_TRAILER);
    RP_CHECK_EQ(rp_boot_confirm(&sim.flash, 10), RP_BOOT_ERR_CFG);        /* before 0 */
}

static void test_swap(void)
{
    setup(RP_BOOT_MODE_SWAP);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);                 /* factory images: counters raised */
    RP_CHECK_EQ(res.counter[0], 1);
    RP_CHECK_EQ(res.upgrade[0], RP_BOOT_UP_NONE);
    put_image(S_SEC, 2, 2, &key, 0);
    request(S_SEC, 0);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);                 /* test boot of v2 */
    RP_CHECK_EQ(res.upgrade[0], RP_BOOT_UP_TEST);
    RP_CHECK_EQ(res.info[0].version.major, 2);
    RP_CHECK_EQ(res.counter[0], 1);                  /* not confirmed: counter stays */
    RP_CHECK_EQ(boot(), RP_BOOT_OK);                 /* not confirmed: reverts */
    RP_CHECK_EQ(res.upgrade[0], RP_BOOT_UP_REVERTED);
    RP_CHECK_EQ(res.info[0].version.major, 1);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.upgrade[0], RP_BOOT_UP_NONE);
    RP_CHECK_EQ(res.info[0].version.major, 1);
    RP_CHECK_EQ(res.upgrade[1], RP_BOOT_UP_NONE);

    request(S_SEC, 0);                               /* v2 is back in the secondary */
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.info[0].version.major, 2);
    RP_CHECK_EQ(confirm(), RP_FLASH_OK);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);                 /* confirmed: stays, counter moves */
    RP_CHECK_EQ(res.upgrade[0], RP_BOOT_UP_NONE);
    RP_CHECK_EQ(res.info[0].version.major, 2);
    RP_CHECK_EQ(res.counter[0], 2);

    put_image(S_SEC, 3, 3, &key, 0);                 /* permanent request */
    request(S_SEC, 1);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.upgrade[0], RP_BOOT_UP_PERM);
    RP_CHECK_EQ(res.counter[0], 3);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.info[0].version.major, 3);
}

static void test_refused(uint32_t mode)
{
    setup(mode);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    put_image(S_PRI, 2, 2, &key, 0);                 /* primary v2, counter 2 */
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.counter[0], 2);

    put_image(S_SEC, 1, 1, &key, 0);                 /* rollback */
    request(S_SEC, 0);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.upgrade[0], RP_BOOT_UP_REFUSED);
    RP_CHECK_EQ(res.refused[0], RP_IMG_ERR_ROLLBACK);
    RP_CHECK_EQ(res.info[0].version.major, 2);
    RP_CHECK_EQ(mem[S_SEC], 0xFF);                   /* erased */
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.upgrade[0], RP_BOOT_UP_NONE);

    put_image(S_SEC, 3, 3, &other, 0);               /* unknown key */
    request(S_SEC, 1);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.refused[0], RP_IMG_ERR_KEY);
    put_image(S_SEC, 3, 3, &key, 0);                 /* bad signature */
    mem[S_SEC + 0x500] ^= 1;
    request(S_SEC, 1);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.refused[0], RP_IMG_ERR_HASH);
    put_image(S_SEC, 3, 3, &key, 5);                 /* needs NS >= 5.0.0 */
    request(S_SEC, 1);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.refused[0], RP_IMG_ERR_DEPENDENCY);
    RP_CHECK_EQ(res.info[0].version.major, 2);

    put_image(S_PRI, 1, 1, &key, 0);                 /* a rolled-back primary never boots */
    RP_CHECK_EQ(boot(), RP_BOOT_ERR_IMAGE);
    RP_CHECK_EQ(res.status[0], RP_IMG_ERR_ROLLBACK);
    RP_CHECK_EQ(res.status[1], RP_IMG_OK);
}

static void test_overwrite(void)
{
    setup(RP_BOOT_MODE_OVERWRITE);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    put_image(NS_SEC, 4, 4, &key, 0);
    request(NS_SEC, 0);
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.upgrade[1], RP_BOOT_UP_INSTALLED);
    RP_CHECK_EQ(res.info[1].version.major, 4);
    RP_CHECK_EQ(res.counter[1], 4);                  /* overwrite: installed = confirmed */
    RP_CHECK_EQ(boot(), RP_BOOT_OK);
    RP_CHECK_EQ(res.upgrade[1], RP_BOOT_UP_NONE);
    RP_CHECK_EQ(res.info[1].version.major, 4);
}

static void test_counters(void)
{
    uint32_t v;
    setup(RP_BOOT_MODE_SWAP);
    RP_CHECK_EQ(otp.nvc.read(otp.nvc.ctx, 1, &v), RP_FLASH_OK);
    RP_CHECK_EQ(v, 0);
    RP_CHECK_EQ(otp.nvc.raise(otp.nvc.ctx, 1, 7), RP_FLASH_OK);
    RP_CHECK_EQ(otp.nvc.raise(otp.nvc.ctx, 1, 7), RP_FLASH_OK);      /* equal: no-op */
    RP_CHECK_EQ(otp.nvc.raise(otp.nvc.ctx, 1, 6), RP_FLASH_ERR_RANGE);
    RP_CHECK_EQ(otp.nvc.read(otp.nvc.ctx, 1, &v), RP_FLASH_OK);
    RP_CHECK_EQ(v, 7);
    RP_CHECK_EQ(otp.nvc.read(otp.nvc.ctx, 0, &v), RP_FLASH_OK);
    RP_CHECK_EQ(v, 0);
    RP_CHECK_EQ(otp.nvc.read(otp.nvc.ctx, 2, &v), RP_FLASH_ERR_RANGE);
    for (uint32_t i = 8; i < 8 + 63; i++) {                           /* 64 records */
        RP_CHECK_EQ(otp.nvc.raise(otp.nvc.ctx, 1, i), RP_FLASH_OK);
    }
    RP_CHECK_EQ(otp.nvc.raise(otp.nvc.ctx, 1, 100), RP_FLASH_ERR_IO); /* full */
    RP_CHECK_EQ(otp.nvc.read(otp.nvc.ctx, 1, &v), RP_FLASH_OK);
    RP_CHECK_EQ(v, 70);
}

/* ---- power cuts -------------------------------------------------------------------- */

enum { BOOT, CONFIRM, END };
struct scenario {
    const char *name;
    uint32_t mode;
    int permanent;
    uint32_t slot, pri;       /* which image is upgraded */
    int steps[6];
    int final_new;            /* 1: must end new; 0: must end old; -1: either */
};

static const struct scenario scenarios[] = {
    { "swap-test-revert", RP_BOOT_MODE_SWAP, 0, S_SEC, S_PRI, { BOOT, BOOT, BOOT, END }, 0 },
    { "swap-test-confirm", RP_BOOT_MODE_SWAP, 0, S_SEC, S_PRI, { BOOT, CONFIRM, BOOT, BOOT, END }, -1 },
    { "swap-perm", RP_BOOT_MODE_SWAP, 1, NS_SEC, NS_PRI, { BOOT, BOOT, END }, 1 },
    { "overwrite", RP_BOOT_MODE_OVERWRITE, 0, S_SEC, S_PRI, { BOOT, BOOT, END }, 1 },
};

/* Runs a scenario from the factory state, with a power cut at operation `cut` counted
 * from its start (0: none). Returns the number of failed invariants; *ops gets the
 * number of operations the scenario performed. */
static int run(const struct scenario *sc, unsigned long cut, uint64_t seed, unsigned long *ops)
{
    int fails = 0, confirmed = 0, last_major = 0;
    uint32_t idx = sc->pri == S_PRI ? 0 : 1;
    setup(sc->mode);
    if (boot() != RP_BOOT_OK) {
        return 1;
    }
    put_image(sc->slot, 2, 2, &key, 0);
    request(sc->slot, sc->permanent);
    unsigned long start = sim.ops;
    if (cut) {
        rp_flash_sim_cut(&sim, start + cut, seed);
    }
    for (int k = 0; sc->steps[k] != END; k++) {
        int r = sc->steps[k] == BOOT ? boot() : confirm();
        if (sim.powered_off) {               /* the cut: power comes back, start again */
            rp_flash_sim_reboot(&sim);
            k -= sc->steps[k] == CONFIRM ? 2 : 1;
            continue;
        }
        if (sc->steps[k] == CONFIRM) {
            confirmed |= r == RP_FLASH_OK && last_major == 2;
            continue;
        }
        last_major = res.info[idx].version.major;
        /* every completed boot boots valid images, old (1) or new (2) */
        if (r != RP_BOOT_OK || (last_major != 1 && last_major != 2) ||
            res.status[1 - idx] != RP_IMG_OK) {
            fprintf(stderr, "%s cut %lu: boot %d -> %d, major %d\n", sc->name, cut, k, r,
                    last_major);
            fails++;
        }
        /* the counter moves only to a confirmed image's value */
        uint32_t want = last_major == 2 && (sc->permanent || confirmed ||
                                            sc->mode == RP_BOOT_MODE_OVERWRITE) ? 2 : 1;
        if (res.counter[idx] != want) {
            fprintf(stderr, "%s cut %lu: counter %u, want %u\n", sc->name, cut,
                    (unsigned)res.counter[idx], (unsigned)want);
            fails++;
        }
    }
    if (sc->final_new >= 0 && last_major != (sc->final_new ? 2 : 1)) {
        fprintf(stderr, "%s cut %lu: ends with major %d\n", sc->name, cut, last_major);
        fails++;
    }
    *ops = sim.ops - start;
    return fails;
}

static void powercut_sweep(void)
{
    unsigned long points = 0, failures = 0;
    for (unsigned s = 0; s < sizeof scenarios / sizeof scenarios[0]; s++) {
        unsigned long total = 0, ops;
        RP_CHECK_EQ(run(&scenarios[s], 0, 0, &total), 0);
        for (unsigned long cut = 1; cut <= total; cut++) {
            int f = run(&scenarios[s], cut, cut * 31 + s, &ops);
            points++;
            failures += f != 0;
        }
        printf("  %s: %lu flash operations, each cut\n", scenarios[s].name, total);
    }
    printf("POWERCUT upgrade %lu cut points, %lu failures\n", points, failures);
    RP_CHECK(points > 100);
    RP_CHECK_EQ(failures, 0);
}

/* Random trailers and swap status (fuzz-smoke of the boot decision): every boot must end
 * (no crash under ASan/UBSan), and must never write into unerased flash (which the
 * simulator reports as an error); when it boots, the images are valid, old or new. */
static void test_random_states(unsigned iterations)
{
    uint64_t x = 0x1234567;
    unsigned booted = 0;
    for (unsigned it = 0; it < iterations; it++) {
        setup(RP_BOOT_MODE_SWAP);
        put_image(S_SEC, 2, 2, &key, 0);
        /* trailer fields of the S primary (after its status area), S secondary, scratch */
        const uint32_t areas[4] = { S_PRI + SLOT - 48, S_SEC + SLOT - 48,
                                    SCRATCH + 3 * SECTOR - 48, S_PRI + SLOT - 72 };
        for (int a = 0; a < 4; a++) {
            for (uint32_t i = 0; i < 48; i++) {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                uint32_t pick = (uint32_t)(x >> 40) % 8;
                uint8_t *b = mem + areas[a] + i;
                *b = pick < 4 ? 0xFF : pick == 4 ? 0x01 : pick == 5 ? (uint8_t)(x >> 8) : *b;
            }
            if (a < 3 && ((x >> 20) & 1)) {   /* often a good magic: the rules are reached */
                memcpy(mem + areas[a] + 32, magic, 16);
            }
            if (a < 3 && ((x >> 21) & 1)) {   /* often a valid swap_size and swap_info */
                uint32_t n = 1 + (uint32_t)(x >> 24) % 7;
                mem[areas[a] + 1] = (uint8_t)(n * SECTOR >> 8);
                mem[areas[a] + 0] = 0;
                mem[areas[a] + 2] = mem[areas[a] + 3] = 0;
                mem[areas[a] + 8] = (uint8_t)(2 + (x >> 28) % 3);
            }
        }
        for (int b = 0; b < 3; b++) {
            int r = boot();
            RP_CHECK(r == RP_BOOT_OK || r == RP_BOOT_ERR_IMAGE);
            if (r == RP_BOOT_OK) {
                booted++;
                RP_CHECK(res.info[0].version.major == 1 || res.info[0].version.major == 2);
            }
        }
    }
    printf("  random states: %u boots, %u booted\n", iterations * 3, booted);
    RP_CHECK(booted > 0);
}

int main(void)
{
    ib_key_make(&key, 0x42);
    ib_key_make(&other, 0x43);
    keys[0].hash = key.hash;
    keys[0].pub = key.pub;
    test_counters();
    test_confirm();
    test_swap();
    test_refused(RP_BOOT_MODE_SWAP);
    test_refused(RP_BOOT_MODE_OVERWRITE);
    test_overwrite();
    test_random_states(150);
    powercut_sweep();
    return rp_test_end("boot.upgrade");
}
