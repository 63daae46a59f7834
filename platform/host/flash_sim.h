/* flash_sim.h - host flash and NV counter simulator behind rp_flash.h.
 *
 * RAM-backed (the caller owns the memory), optionally mirrored to a file. Enforces the
 * rp_flash.h contract (whole units, program only into erased units, whole sectors) and
 * counts every program, erase and counter raise as one "operation". A power cut can be
 * armed at the N-th operation: that operation is left torn (a prefix of the units, a random
 * subset of bits, or nothing at all, chosen by a seeded generator; a counter raise keeps the
 * old or takes the new value) and every later write fails with RP_FLASH_ERR_IO until
 * rp_flash_sim_reboot(). Reads keep working so a test can inspect the wreck.
 */
#ifndef RP_FLASH_SIM_H
#define RP_FLASH_SIM_H

#include <stdint.h>
#include "rp_flash.h"

#define RP_FLASH_SIM_NVC 3

struct rp_flash_sim {
    struct rp_flash flash;        /* hand &sim.flash to the filesystem */
    struct rp_nv_counters nvc;    /* hand &sim.nvc to PS */
    uint8_t *mem;
    uint32_t size;
    uint32_t nv[RP_FLASH_SIM_NVC];
    uint32_t *wear;               /* optional: erases per sector (sector_count entries) */
    void *file;                   /* optional FILE * mirror (rp_flash_sim_attach_file) */
    unsigned long ops;            /* programs + erases + raises since init */
    unsigned long programs, erases, raises;
    unsigned long cut_at;         /* cut the power at this operation (1-based); 0: never */
    int powered_off;
    uint64_t rng;
};

/* Sets up the device over mem (sector_size * sector_count bytes) and erases it. program_unit
 * must be a power of two dividing sector_size. Counters start at 0. */
void rp_flash_sim_init(struct rp_flash_sim *s, uint8_t *mem, uint32_t sector_size,
                       uint32_t sector_count, uint32_t program_unit, uint8_t erased_value);

/* Arms a power cut at operation number at_op (counted from init, 1-based); the way it tears
 * is drawn from seed. at_op == 0 disarms. */
void rp_flash_sim_cut(struct rp_flash_sim *s, unsigned long at_op, uint64_t seed);

/* Power comes back: writes work again and no cut is armed. Contents stay as they are. */
void rp_flash_sim_reboot(struct rp_flash_sim *s);

/* Mirrors the device in the file at path: loads it if the file has the right size (else
 * writes the current contents there), then writes every change through. 0 or -1. */
int rp_flash_sim_attach_file(struct rp_flash_sim *s, const char *path);
void rp_flash_sim_detach_file(struct rp_flash_sim *s);

#endif
