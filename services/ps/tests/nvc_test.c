/* Host test of the AN521 NV counters (platform/an521/secure/nv_counters_s.c) on the flash
 * simulator: blank and zero-filled areas read 0; raises are monotonic across many sector
 * switches; counters are independent; and a power cut at every flash operation of a
 * workload leaves each counter at its old or its new value, after which it keeps working. */
#include <stdint.h>
#include <string.h>

#include "flash_sim.h"
#include "rp_storage_platform.h"
#include "rp_test.h"

#define SECTOR  4096u
#define SECTORS 6u

static uint8_t mem[SECTOR * SECTORS];
static struct rp_flash_sim sim;

/* The port's flash device for the counter area: here, the simulator. */
const struct rp_flash *rp_platform_nvc_flash(void)
{
    return &sim.flash;
}

/* The platform service's counters run the same code over another area; this test
 * exercises PS's, so it gives them the same simulated device (never called here). */
const struct rp_flash *rp_platform_plat_nvc_flash(void)
{
    return &sim.flash;
}

static uint32_t rd(uint32_t id)
{
    uint32_t v = 0xDEADu;
    const struct rp_nv_counters *c = rp_platform_ps_nv_counters();
    RP_CHECK_EQ(c->read(c->ctx, id, &v), RP_FLASH_OK);
    return v;
}

static int raise_to(uint32_t id, uint32_t v)
{
    const struct rp_nv_counters *c = rp_platform_ps_nv_counters();
    return c->raise(c->ctx, id, v);
}

static void basics(void)
{
    const struct rp_nv_counters *c = rp_platform_ps_nv_counters();
    uint32_t v;
    RP_CHECK_EQ(c->count, 3);
    rp_flash_sim_init(&sim, mem, SECTOR, SECTORS, 4, 0xFF);
    RP_CHECK(rd(0) == 0 && rd(1) == 0 && rd(2) == 0);
    memset(mem, 0, sizeof mem); /* QEMU's first boot: RAM reads as zeros */
    RP_CHECK(rd(0) == 0 && rd(2) == 0);
    RP_CHECK_EQ(raise_to(2, 5), RP_FLASH_OK);
    RP_CHECK(rd(2) == 5 && rd(0) == 0 && rd(1) == 0);
    RP_CHECK_EQ(c->read(c->ctx, 3, &v), RP_FLASH_ERR_RANGE);
    RP_CHECK_EQ(raise_to(3, 1), RP_FLASH_ERR_RANGE);
    /* 2,000 raises per counter: about four sector switches each, interleaved. */
    rp_flash_sim_init(&sim, mem, SECTOR, SECTORS, 4, 0xFF);
    for (uint32_t i = 1; i <= 2000; i++) {
        RP_CHECK_EQ(raise_to(0, i), RP_FLASH_OK);
        RP_CHECK_EQ(raise_to(1, 3 * i), RP_FLASH_OK);
        if (i % 97 == 0) {
            RP_CHECK_EQ(raise_to(0, i), RP_FLASH_OK);             /* equal: no-op */
            RP_CHECK_EQ(raise_to(0, i - 1), RP_FLASH_ERR_RANGE);  /* smaller: refused */
            RP_CHECK(rd(0) == i && rd(1) == 3 * i && rd(2) == 0);
        }
    }
    RP_CHECK(rd(0) == 2000 && rd(1) == 6000);
    RP_CHECK(sim.erases >= 6 && sim.erases <= 12);
    RP_CHECK_EQ(raise_to(0, 0xFFFFFFFEu), RP_FLASH_OK);
    RP_CHECK_EQ(rd(0), 0xFFFFFFFEu);
}

/* The workload: raises of counter 0 by 1 and counter 1 by 2, 1,100 rounds (two sector
 * switches each). Returns the number of rounds completed before a write failed. */
static uint32_t workload(uint32_t *target0, uint32_t *target1)
{
    for (uint32_t i = 1; i <= 1100; i++) {
        *target0 = i;
        if (raise_to(0, i) != RP_FLASH_OK) {
            return i - 1;
        }
        *target1 = 2 * i;
        if (raise_to(1, 2 * i) != RP_FLASH_OK) {
            return i - 1;
        }
    }
    return 1100;
}

static void power_cuts(void)
{
    unsigned long total, failures = 0;
    uint32_t t0, t1;
    rp_flash_sim_init(&sim, mem, SECTOR, SECTORS, 4, 0xFF);
    (void)workload(&t0, &t1);
    total = sim.ops;
    for (unsigned long k = 1; k <= total; k++) {
        rp_flash_sim_init(&sim, mem, SECTOR, SECTORS, 4, 0xFF);
        rp_flash_sim_cut(&sim, k, 0x9E3779B97F4A7C15ull * k);
        uint32_t done = workload(&t0, &t1);
        rp_flash_sim_reboot(&sim);
        uint32_t v0 = rd(0), v1 = rd(1);
        /* The round in progress: counter 0 at done or done + 1; counter 1 at 2 * done, or
         * 2 * (done + 1) if counter 0 had reached done + 1. */
        int ok0 = v0 == done || v0 == done + 1;
        int ok1 = v1 == 2 * done || (v0 == done + 1 && v1 == 2 * (done + 1));
        failures += !(ok0 && ok1);
        /* It keeps working: raise both further, twice (a sector switch may follow). */
        RP_CHECK_EQ(raise_to(0, v0 + 600), RP_FLASH_OK);
        RP_CHECK_EQ(raise_to(1, v1 + 600), RP_FLASH_OK);
        RP_CHECK(rd(0) == v0 + 600 && rd(1) == v1 + 600 && rd(2) == 0);
    }
    RP_CHECK_EQ(failures, 0);
    printf("POWERCUT nvc %lu cut points, %lu failures\n", total, failures);
}

int main(void)
{
    basics();
    power_cuts();
    return rp_test_end("storage_nvc_an521");
}
