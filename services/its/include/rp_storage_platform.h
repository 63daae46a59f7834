/* rp_storage_platform.h - what the ITS and PS partitions need from the platform port, and
 * nothing more (AN521: platform/an521/secure/flash_s.c, nv_counters_s.c, huk_s.c).
 *
 * Every object returned is const and holds no mutable state: at isolation level 3 the
 * partitions run unprivileged and reach only their own data and the flash areas their
 * manifests declare, while the port's code and constants are shared (read-only). */
#ifndef RP_STORAGE_PLATFORM_H
#define RP_STORAGE_PLATFORM_H

#include <stdint.h>

#include "rp_flash.h"

#define RP_PLATFORM_HUK_SIZE 32u

/* The ITS area and the PS area as flash devices (addresses from 0), with NOR semantics
 * (rp_flash.h): program only into erased units, erase whole sectors. */
const struct rp_flash *rp_platform_its_flash(void);
const struct rp_flash *rp_platform_ps_flash(void);

/* The flash device of the PS rollback counters' area (used by the counters below). */
const struct rp_flash *rp_platform_nvc_flash(void);

/* The platform service's NV counter area, and its two counters (ids 0..1; the same
 * record log as PS's, in an area of their own, so that no client of the platform service
 * can move PS's counters). */
const struct rp_flash *rp_platform_plat_nvc_flash(void);
const struct rp_nv_counters *rp_platform_nv_counters(void);

/* Three monotonic NV counters for PS's rollback protection (ids 0..2). */
const struct rp_nv_counters *rp_platform_ps_nv_counters(void);

/* Writes the hardware unique key (the signature matches rp_ps_platform.get_huk; ctx is
 * unused). out: 0. The caller wipes its copy. */
int rp_platform_get_huk(void *ctx, uint8_t huk[RP_PLATFORM_HUK_SIZE]);

#endif
