/* ps_powercut_test.c - PS under a power cut at every flash program, flash erase and NV
 * counter raise; then rollback: replaying the flash image saved after any earlier update
 * is detected at mount. Prints "POWERCUT ps <N> cut points, <F> failures". */
#include "rp_test.h"
#include "ps_common.h"
#include "powercut.h"

#define SECTOR 1024u
#define NSECT 12u

static uint8_t mem[SECTOR * NSECT];
static uint8_t images[PC_MAX_OPS + 1][SECTOR * NSECT];

static void t_fresh(void)
{
    ps_setup(mem, SECTOR, 1, NSECT, 8, 8, 300);
}
static psa_status_t t_mount(void) { return rp_ps_mount(&ps, &ps_cfg); }
static psa_status_t t_set(int32_t c, uint64_t u, size_t n, const void *d, uint32_t f)
{
    return rp_ps_set(&ps, c, u, n, d, f);
}
static psa_status_t t_get(int32_t c, uint64_t u, size_t off, size_t n, void *b, size_t *o)
{
    return rp_ps_get(&ps, c, u, off, n, b, o);
}
static psa_status_t t_info(int32_t c, uint64_t u, struct psa_storage_info_t *i)
{
    return rp_ps_get_info(&ps, c, u, i);
}
static psa_status_t t_remove(int32_t c, uint64_t u) { return rp_ps_remove(&ps, c, u); }

static const struct pc_target target = {"ps", &ps_sim, t_fresh, t_mount, t_set, t_get,
                                        t_info, t_remove};

#define WO PSA_STORAGE_FLAG_WRITE_ONCE
/* create, overwrite bigger and smaller, isolation, remove, write-once, fill to the asset
 * limit, remove and reuse, replace at full size. */
static const struct pc_op ops[] = {
    {'S', 1, 1, 100, 0}, {'S', 1, 2, 300, 0}, {'S', 2, 1, 40, 0}, {'S', 1, 1, 250, 0},
    {'S', 1, 1, 8, 0}, {'R', 1, 2, 0, 0}, {'S', 1, 3, 0, 0}, {'S', 1, 4, 64, WO},
    {'S', 1, 4, 1, 0}, {'R', 1, 4, 0, 0}, {'S', 1, 5, 300, 0}, {'S', 1, 6, 300, 0},
    {'S', 1, 7, 300, 0}, {'S', 1, 8, 300, 0}, {'R', 1, 5, 0, 0}, {'S', 1, 9, 300, 0},
    {'S', 1, 6, 299, 0}, {'R', 2, 1, 0, 0}, {'S', 2, 1, 300, 0}, {'S', 1, 1, 300, 0},
    {'R', 1, 3, 0, 0}, {'S', 3, 3, 120, 0}, {'S', 3, 3, 121, 0}, {'S', 3, 3, 7, WO},
    {'S', 3, 3, 9, 0}, {'R', 1, 9, 0, 0}, {'S', 1, 9, 1, 0}, {'S', 1, 9, 200, 0},
    {'R', 1, 6, 0, 0}, {'R', 1, 7, 0, 0}, {'S', 1, 7, 300, 0}, {'S', 1, 6, 150, 0},
    {'S', 1, 2, 300, 0}, {'S', 1, 2, 100, 0}, {'R', 1, 8, 0, 0}, {'S', 1, 8, 80, 0},
    {'R', 1, 1, 0, 0}, {'S', 4, 1, 300, 0}, {'S', 4, 1, 10, 0}, {'S', 1, 1, 290, 0},
    {'R', 4, 1, 0, 0}, {'S', 1, 5, 123, 0}, {'S', 1, 2, 0, 0}, {'S', 1, 2, 300, 0},
};
#define NOPS (sizeof(ops) / sizeof(ops[0]))

/* Rollback: keep the image after every update, finish the workload, then put back each
 * older image whose table differs from the final one: mount must refuse it. Returns the
 * number of images that were accepted (failures) and counts the images tried. */
static unsigned rollback(unsigned *tried)
{
    unsigned k, bad = 0;
    t_fresh();
    if (t_mount() != PSA_SUCCESS)
        return 1;
    for (k = 0; k < NOPS; k++) {
        memcpy(images[k], mem, sizeof(mem));
        (void)pc_run_op(&target, &ops[k], k);
    }
    memcpy(images[NOPS], mem, sizeof(mem));
    *tried = 0;
    for (k = 0; k < NOPS; k++) {
        if (pc_status[k] != PSA_SUCCESS)
            continue;   /* the image after a refused update is the current one */
        memcpy(mem, images[k], sizeof(mem));
        ++*tried;
        if (t_mount() != PSA_ERROR_INVALID_SIGNATURE) {
            fprintf(stderr, "ps: image before op %u accepted after rollback\n", k);
            bad++;
        }
    }
    memcpy(mem, images[NOPS], sizeof(mem));
    if (t_mount() != PSA_SUCCESS)
        bad++;
    return bad;
}

/* Usage: storage_ps_powercut [stride]: cut every stride-th write of each recovery mount
 * (default 32 for make test; the long run uses 1). */
int main(int argc, char **argv)
{
    unsigned long points, f, s2, f2;
    unsigned tried = 0, rb;
    pc_second_stride = argc > 1 ? strtoul(argv[1], NULL, 0) : 32u;
    if (pc_second_stride == 0)
        pc_second_stride = 1;
    f = pc_sweep(&target, ops, NOPS, &points, &s2, &f2);
    printf("POWERCUT ps %lu cut points, %lu failures\n", points, f);
    printf("POWERCUT ps recovery: %lu second cuts, %lu failures\n", s2, f2);
    RP_CHECK_EQ(f2, 0);
    rb = rollback(&tried);
    printf("ROLLBACK ps %u older images replayed, %u accepted\n", tried, rb);
    RP_CHECK(points >= 1000);
    RP_CHECK_EQ(f, 0);
    RP_CHECK(tried >= 10);
    RP_CHECK_EQ(rb, 0);
    return rp_test_end("storage_ps_powercut");
}
