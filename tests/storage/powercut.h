/* powercut.h - the power-cut sweep shared by the ITS and PS tests.
 *
 * A scripted workload is run once without a cut (the reference: the status of every
 * operation and the expected contents after it). Then, for every operation N of the flash
 * simulator that the reference run performed (program, erase, or NV counter raise), from a
 * fresh device: run the workload with the power cut at N, "reboot" (re-mount from the flash
 * contents), and check that
 *   - every operation before the cut returned its reference status;
 *   - the asset the interrupted operation touched holds its old or its new value, and every
 *     other asset holds exactly its value from before that operation;
 *   - the storage keeps working: remove one asset, store a new one, re-mount, check all.
 */
#ifndef POWERCUT_H
#define POWERCUT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "psa/storage_common.h"
#include "flash_sim.h"

#define PC_MAX_OPS    64
#define PC_MAX_ASSETS 24
#define PC_MAX_DATA   2048

struct pc_op {
    char kind;          /* 'S' set, 'R' remove */
    int32_t client;
    uint64_t uid;
    uint16_t len;
    uint32_t flags;
};

struct pc_target {
    const char *name;
    struct rp_flash_sim *sim;
    void (*fresh)(void);        /* erased device, counters 0 */
    psa_status_t (*mount)(void);
    psa_status_t (*set)(int32_t c, uint64_t uid, size_t len, const void *d, uint32_t fl);
    psa_status_t (*get)(int32_t c, uint64_t uid, size_t off, size_t len, void *b, size_t *o);
    psa_status_t (*info)(int32_t c, uint64_t uid, struct psa_storage_info_t *i);
    psa_status_t (*remove)(int32_t c, uint64_t uid);
};

struct pc_asset {       /* expected state of one (client, uid) */
    int present;
    uint16_t len;
    uint16_t seed;      /* which set wrote it */
    uint32_t flags;
};

struct pc_state {
    struct pc_asset a[PC_MAX_ASSETS];
};

static struct pc_state pc_ref[PC_MAX_OPS + 1];
static psa_status_t pc_status[PC_MAX_OPS];
static int32_t pc_client[PC_MAX_ASSETS];
static uint64_t pc_uid[PC_MAX_ASSETS];
static unsigned pc_nassets;
static int pc_quiet;

static void pc_pattern(uint8_t *p, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(seed * 151u + i * 13u + (i >> 7) + 1u);
}

static unsigned pc_asset_index(int32_t client, uint64_t uid)
{
    unsigned i;
    for (i = 0; i < pc_nassets; i++)
        if (pc_client[i] == client && pc_uid[i] == uid)
            return i;
    pc_client[pc_nassets] = client;
    pc_uid[pc_nassets] = uid;
    return pc_nassets++;
}

static psa_status_t pc_run_op(const struct pc_target *t, const struct pc_op *op, unsigned k)
{
    static uint8_t buf[PC_MAX_DATA];
    if (op->kind == 'R')
        return t->remove(op->client, op->uid);
    pc_pattern(buf, op->len, k + 1u);
    return t->set(op->client, op->uid, op->len, buf, op->flags);
}

/* Applies a successful op k to the state s. */
static void pc_apply(struct pc_state *s, const struct pc_op *op, unsigned k)
{
    struct pc_asset *a = &s->a[pc_asset_index(op->client, op->uid)];
    if (op->kind == 'R') {
        a->present = 0;
        return;
    }
    a->present = 1;
    a->len = op->len;
    a->seed = (uint16_t)(k + 1u);
    a->flags = op->flags;
}

/* 1 if asset i on the device matches e exactly. */
static int pc_matches(const struct pc_target *t, unsigned i, const struct pc_asset *e)
{
    static uint8_t got[PC_MAX_DATA + 1], want[PC_MAX_DATA];
    struct psa_storage_info_t info;
    size_t out = 0;
    psa_status_t st = t->info(pc_client[i], pc_uid[i], &info);
    if (!e->present)
        return st == PSA_ERROR_DOES_NOT_EXIST;
    if (st != PSA_SUCCESS || info.size != e->len || info.flags != e->flags)
        return 0;
    if (t->get(pc_client[i], pc_uid[i], 0, sizeof(got), got, &out) != PSA_SUCCESS ||
        out != e->len)
        return 0;
    pc_pattern(want, e->len, e->seed);
    return memcmp(got, want, e->len) == 0;
}

/* Checks the device against before/after of the interrupted op (target asset ti may be
 * either; every other asset must equal before). Returns the number of mismatches. */
static unsigned pc_check(const struct pc_target *t, const struct pc_state *before,
                         const struct pc_state *after, int ti)
{
    unsigned i, bad = 0;
    for (i = 0; i < pc_nassets; i++) {
        int ok = pc_matches(t, i, &before->a[i]);
        if (!ok && (int)i == ti)
            ok = pc_matches(t, i, &after->a[i]);
        if (!ok && !pc_quiet) {
            fprintf(stderr, "  asset %u (client %d uid %llu) wrong\n", i, (int)pc_client[i],
                    (unsigned long long)pc_uid[i]);
        }
        bad += !ok;
    }
    return bad;
}

/* Reference run: statuses and states; returns the number of device operations. */
static unsigned long pc_reference(const struct pc_target *t, const struct pc_op *ops,
                                  unsigned n)
{
    unsigned k;
    pc_nassets = 0;
    for (k = 0; k < n; k++)
        (void)pc_asset_index(ops[k].client, ops[k].uid);
    memset(&pc_ref[0], 0, sizeof(pc_ref[0]));
    t->fresh();
    if (t->mount() != PSA_SUCCESS)
        return 0;
    for (k = 0; k < n; k++) {
        pc_ref[k + 1] = pc_ref[k];
        pc_status[k] = pc_run_op(t, &ops[k], k);
        if (pc_status[k] == PSA_SUCCESS)
            pc_apply(&pc_ref[k + 1], &ops[k], k);
    }
    return t->sim->ops;
}

/* After the reboot check: remove one removable asset, add a new one, re-mount, check. */
static unsigned pc_keeps_working(const struct pc_target *t, struct pc_state *s)
{
    static uint8_t d[100];
    unsigned i, bad = 0;
    psa_status_t st;
    for (i = 0; i < pc_nassets; i++)
        if (s->a[i].present && !(s->a[i].flags & PSA_STORAGE_FLAG_WRITE_ONCE)) {
            if (t->remove(pc_client[i], pc_uid[i]) != PSA_SUCCESS)
                bad++;
            s->a[i].present = 0;
            break;
        }
    pc_pattern(d, sizeof(d), 999);
    st = t->set(77, 0x1234, sizeof(d), d, 0);
    if (st != PSA_SUCCESS && st != PSA_ERROR_INSUFFICIENT_STORAGE)
        bad++;
    if (t->mount() != PSA_SUCCESS)
        return bad + 1;
    bad += pc_check(t, s, s, -1);
    if (st == PSA_SUCCESS) {
        struct pc_asset e = {1, sizeof(d), 999, 0};
        int32_t c0 = pc_client[0];
        uint64_t u0 = pc_uid[0];
        pc_client[0] = 77;
        pc_uid[0] = 0x1234;
        bad += !pc_matches(t, 0, &e);
        pc_client[0] = c0;
        pc_uid[0] = u0;
        bad += t->remove(77, 0x1234) != PSA_SUCCESS;
    }
    return bad;
}

/* One run with the power cut at device operation cut. Returns 0 if all checks hold. */
/* cut2 != 0 cuts the power again at the cut2-th write of the recovery mount (then reboots
 * and mounts once more). pc_recovery_ops is set to the number of writes that the recovery
 * mount made. */
static unsigned long pc_recovery_ops;
static unsigned long pc_second_stride = 1;   /* cut every this-many-th recovery write */

static unsigned pc_one(const struct pc_target *t, const struct pc_op *ops, unsigned n,
                       unsigned long cut, unsigned long cut2)
{
    static struct pc_state s;
    unsigned k, bad = 0;
    int hit = -1;   /* op during which the power went; -1: during the first mount */
    psa_status_t st;
    t->fresh();
    rp_flash_sim_cut(t->sim, cut, cut);
    st = t->mount();
    for (k = 0; k < n && !t->sim->powered_off; k++) {
        st = pc_run_op(t, &ops[k], k);
        if (t->sim->powered_off) {
            hit = (int)k;
            break;
        }
        if (st != pc_status[k]) {
            fprintf(stderr, "  op %u: status %d, reference %d\n", k, (int)st,
                    (int)pc_status[k]);
            bad++;
        }
    }
    rp_flash_sim_reboot(t->sim);
    if (cut2 != 0) {
        rp_flash_sim_cut(t->sim, t->sim->ops + cut2, cut * 7919u + cut2);
        (void)t->mount();
        rp_flash_sim_reboot(t->sim);
    }
    pc_recovery_ops = t->sim->ops;
    st = t->mount();
    pc_recovery_ops = t->sim->ops - pc_recovery_ops;
    if (st != PSA_SUCCESS) {
        fprintf(stderr, "  re-mount failed\n");
        return bad + 1;
    }
    if (hit < 0) {
        memset(&s, 0, sizeof(s));
        bad += pc_check(t, &s, &s, -1);
    } else {
        bad += pc_check(t, &pc_ref[hit], &pc_ref[hit + 1],
                        (int)pc_asset_index(ops[hit].client, ops[hit].uid));
        /* continue from whichever state the device holds */
        pc_quiet = 1;
        s = pc_check(t, &pc_ref[hit + 1], &pc_ref[hit + 1], -1) == 0 ? pc_ref[hit + 1]
                                                                     : pc_ref[hit];
        pc_quiet = 0;
    }
    if (hit < 0)
        memset(&s, 0, sizeof(s));
    return bad + pc_keeps_working(t, &s);
}

/* The sweep: returns failures; *points = number of cut points tried. Where the recovery
 * mount after a cut writes to flash (finishing an interrupted update), each of those writes
 * is cut too: *second counts those runs and *failures2 their failures. */
static unsigned long pc_sweep(const struct pc_target *t, const struct pc_op *ops, unsigned n,
                              unsigned long *points, unsigned long *second,
                              unsigned long *failures2)
{
    unsigned long total = pc_reference(t, ops, n), cut, failures = 0, m, rec;
    *points = total;
    *second = 0;
    *failures2 = 0;
    if (total == 0)
        return 1;
    for (cut = 1; cut <= total; cut++) {
        unsigned bad = pc_one(t, ops, n, cut, 0);
        if (bad != 0) {
            fprintf(stderr, "%s: cut at operation %lu: %u problems\n", t->name, cut, bad);
            failures++;
        }
        rec = pc_recovery_ops;
        for (m = 1; m <= rec; m += pc_second_stride) {
            ++*second;
            bad = pc_one(t, ops, n, cut, m);
            if (bad != 0) {
                fprintf(stderr, "%s: cut at operation %lu, then at recovery write %lu: "
                        "%u problems\n", t->name, cut, m, bad);
                ++*failures2;
            }
        }
    }
    return failures;
}

#endif
