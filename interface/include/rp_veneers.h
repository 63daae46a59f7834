/* rp_veneers.h - the secure gateway functions exported to the non-secure side (their
 * addresses come from the CMSE import library in the interface package). Applications
 * use the PSA APIs; only the NS interface library calls these. */
#ifndef RP_VENEERS_H
#define RP_VENEERS_H

#include <stdint.h>

uint32_t rp_veneer_framework_version(void);

#endif
