/* isolation.c - isolation levels 2 and 3 with the Armv8-M MPU (secure side).
 *
 * Region plan (8 regions, the real AN521 core's count; QEMU models 16):
 *   R0        shared code: vectors, SPM, libraries (read-only, executable, everyone)
 *   level 2   Application-RoT partitions run unprivileged with R1 the running partition's
 *             code, R2 its data and stack, R3..R6 its MMIO. FF-M would let them share
 *             their data; they do not, because a partition blocked in an API call has the
 *             SPM's frames of that call and its saved context on its own stack, which no
 *             other partition may write. PSA-RoT partitions and the SPM are privileged
 *             and use the default map (PRIVDEFENA), which unprivileged code never gets.
 *   level 3   the same regions for every partition: all run unprivileged.
 * The regions are rewritten, from values computed at boot, when a thread of a different
 * unprivileged partition is switched in.
 * A partition's code region holds its read-only data too (secrets in PSA-RoT rodata stay
 * out of others' reach). The bounds come from the linker (rp_partition_memory.h). */
#include <stdint.h>

#include "an521_memory_map.h"
#include "rp_partition_memory.h"
#include "rp_platform.h"
#include "rp_print.h"
#include "spm_internal.h"

#define MPU_CTRL    (*(volatile uint32_t *)0xE000ED94u)
#define MPU_RNR     (*(volatile uint32_t *)0xE000ED98u)
#define MPU_RBAR    (*(volatile uint32_t *)0xE000ED9Cu)
#define MPU_RLAR    (*(volatile uint32_t *)0xE000EDA0u)
#define MPU_MAIR0   (*(volatile uint32_t *)0xE000EDC0u)
#define MPU_ALIAS   ((volatile uint32_t *)0xE000EDA4u) /* RBAR_A1, RLAR_A1, ... A3 */

#define AP_RW_ANY   (1u << 1)
#define AP_RO_ANY   (3u << 1)
#define XN          1u
#define ATTR_NORMAL 0u  /* MAIR0 attribute 0: normal memory, non-cacheable */
#define ATTR_DEVICE 1u  /* MAIR0 attribute 1: Device-nGnRnE */
#define EN          1u
#define REGIONS_PER_PART 6 /* code, data, up to 4 MMIO */

typedef struct {
    uint32_t rbar, rlar;
} region_t;

extern char __rp_shared_code_end[];

/* Each partition's regions R1..R6, computed at boot. */
static region_t sets[RP_PART_MAX][REGIONS_PER_PART];
int rp_isolation_programmed = -1; /* partition whose regions are in R1.. */

static region_t region(uintptr_t start, uintptr_t end, uint32_t ap, uint32_t xn,
                       uint32_t attr)
{
    region_t r = { 0, 0 };
    if (end > start) {
        r.rbar = ((uint32_t)start & ~0x1Fu) | ap | xn;
        r.rlar = (((uint32_t)end - 1u) & ~0x1Fu) | (attr << 1) | EN;
    }
    return r;
}

static int same_name(const char *lower, const char *name)
{
    for (; *lower != '\0' && *name != '\0'; lower++, name++) {
        char c = (*name >= 'A' && *name <= 'Z') ? (char)(*name + 32) : *name;
        if (c != *lower) {
            return 0;
        }
    }
    return *lower == *name;
}

static const rp_partition_memory_t *memory_of(int part)
{
    for (unsigned i = 0; i < rp_partition_memory_count; i++) {
        if (same_name(rp_partition_memory[i].name, rp_partitions[part].name)) {
            return &rp_partition_memory[i];
        }
    }
    return NULL;
}

/* MMIO regions of partition p into set[first..REGIONS_PER_PART); named regions are for
 * the platform to resolve and are not mapped here. Returns the next free index. */
static int add_mmio(region_t *set, int first, int part)
{
    const rp_partition_t *p = &rp_partitions[part];
    for (uint16_t i = 0; i < p->n_mmio && first < REGIONS_PER_PART; i++) {
        const rp_mmio_t *m = &rp_mmio[p->first_mmio + i];
        if (m->name == NULL && m->size != 0) {
            uint32_t ap = m->permission == RP_MMIO_READ_ONLY ? AP_RO_ANY : AP_RW_ANY;
            set[first++] = region(m->base, m->base + m->size, ap, XN, ATTR_DEVICE);
            if (rp_platform_mmio_unprivileged(m->base, m->size) != 0) {
                rp_printf("[Rampart] %s: MMIO 0x%08x is no peripheral of this platform\r\n",
                          p->name, (unsigned)m->base);
            }
        }
    }
    return first;
}

int rp_isolation_unprivileged(int part)
{
    return RP_ISOLATION == 3 ||
           (RP_ISOLATION == 2 && rp_partitions[part].type == RP_PART_APP_ROT);
}

/* Writes set[0..REGIONS_PER_PART) into R1..R6: with RNR = 0 the alias registers A1..A3
 * reach R1..R3, with RNR = 4 the main pair reaches R4 and A1, A2 reach R5, R6. The MPU
 * is off meanwhile (we are privileged, in PendSV: the default map applies), because a
 * half-written region (new base, old limit) could overlap another, and an overlap
 * faults every access, instruction fetches included. */
static void program(const region_t *set)
{
    MPU_CTRL = 0;
    __asm volatile("dsb" ::: "memory");
    MPU_RNR = 0;
    MPU_ALIAS[0] = set[0].rbar;
    MPU_ALIAS[1] = set[0].rlar;
    MPU_ALIAS[2] = set[1].rbar;
    MPU_ALIAS[3] = set[1].rlar;
    MPU_ALIAS[4] = set[2].rbar;
    MPU_ALIAS[5] = set[2].rlar;
    MPU_RNR = 4;
    MPU_RBAR = set[3].rbar;
    MPU_RLAR = set[3].rlar;
    MPU_ALIAS[0] = set[4].rbar;
    MPU_ALIAS[1] = set[4].rlar;
    MPU_ALIAS[2] = set[5].rbar;
    MPU_ALIAS[3] = set[5].rlar;
    MPU_CTRL = 5u; /* ENABLE | PRIVDEFENA */
    __asm volatile("dsb\n\tisb" ::: "memory");
}

/* The running partition's regions, rewritten only when it changes. Called by the
 * scheduler (in PendSV) for an unprivileged thread. */
void rp_isolation_switch(int part)
{
    if (RP_ISOLATION == 1 || part == rp_isolation_programmed) {
        return;
    }
    program(sets[part]);
    rp_isolation_programmed = part;
}

/* Partition part's own code (with its rodata), data and stack, and MMIO. */
static void own_set(region_t *set, int part)
{
    const rp_partition_memory_t *m = memory_of(part);
    if (m != NULL) {
        set[0] = region((uintptr_t)m->code_start, (uintptr_t)m->code_end, AP_RO_ANY, 0,
                        ATTR_NORMAL);
        set[1] = region((uintptr_t)m->data_start, (uintptr_t)m->data_end, AP_RW_ANY, XN,
                        ATTR_NORMAL);
    }
    (void)add_mmio(set, 2, part);
}

/* Computes the region sets, programs R0 (and level 2's fixed set) and enables the MPU
 * with the default map for privileged code. Nothing to do at level 1. */
void rp_isolation_init(void)
{
    if (RP_ISOLATION == 1) {
        return;
    }
    MPU_CTRL = 0;
    MPU_MAIR0 = 0x44u | (0x00u << 8); /* attr 0 normal non-cacheable, attr 1 device */
    MPU_RNR = 0;
    MPU_RBAR = (RP_S_CODE_BASE & ~0x1Fu) | AP_RO_ANY;
    MPU_RLAR = (((uint32_t)(uintptr_t)__rp_shared_code_end - 1u) & ~0x1Fu) |
               (ATTR_NORMAL << 1) | EN;
    for (uint16_t p = 0; p < rp_partition_count; p++) {
        if (!rp_isolation_unprivileged(p)) {
            continue;
        }
        own_set(sets[p], p);
    }
    MPU_CTRL = 5u; /* ENABLE | PRIVDEFENA */
    __asm volatile("dsb\n\tisb" ::: "memory");
    rp_printf("[Rampart] isolation level %d: MPU on\r\n", RP_ISOLATION);
}
