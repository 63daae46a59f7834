/* rp_flash.h - the storage platform seam: a NOR-like flash device and monotonic
 * non-volatile counters. ITS and PS use only these; each platform supplies one of each
 * (host: platform/host/flash_sim.c; AN521: the lead's SSRAM-backed driver).
 *
 * Flash semantics the filesystem relies on (and the host simulator enforces):
 * - read:    any byte range inside the device.
 * - program: whole program units (addr and len multiples of program_unit), only into
 *            units that are fully erased (every byte == erased_value).
 * - erase:   one whole sector; afterwards every byte reads erased_value.
 * A power loss during program or erase may leave that one operation torn (some bits done,
 * some not); every earlier operation is complete.
 *
 * NV counters: three (or more) monotonic 32-bit counters. raise() sets counter id to value
 * if value is greater than the current one (an equal value is a no-op, a smaller value an
 * error). A power loss during raise leaves the old or the new value.
 */
#ifndef RP_FLASH_H
#define RP_FLASH_H

#include <stdint.h>

/* Results of every flash and NV counter function. */
#define RP_FLASH_OK            0
#define RP_FLASH_ERR_RANGE     (-1)  /* address, length or alignment outside the contract */
#define RP_FLASH_ERR_NOT_ERASED (-2) /* program into a unit that is not erased */
#define RP_FLASH_ERR_IO        (-3)  /* the device failed (or lost power) */

struct rp_flash {
    uint32_t program_unit;   /* bytes, a power of two (1..32 for ITS) */
    uint32_t sector_size;    /* erase granularity in bytes, a multiple of program_unit */
    uint32_t sector_count;
    uint8_t erased_value;    /* 0xFF on NOR flash */
    /* Each returns RP_FLASH_OK or one of the RP_FLASH_ERR_* codes above. */
    int (*read)(void *ctx, uint32_t addr, void *buf, uint32_t len);
    int (*program)(void *ctx, uint32_t addr, const void *buf, uint32_t len);
    int (*erase)(void *ctx, uint32_t sector);
    void *ctx;
};

struct rp_nv_counters {
    uint32_t count;          /* number of counters (ids 0..count-1) */
    int (*read)(void *ctx, uint32_t id, uint32_t *value);
    int (*raise)(void *ctx, uint32_t id, uint32_t value);
    void *ctx;
};

#endif
