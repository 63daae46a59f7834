/* rp_platform_ipc.h - messages between the platform client library
 * (interface/src/psa_platform_ns.c) and the platform partition (platform_sp.c).
 *
 * | type | in_vec | out_vec |
 * | RP_PLATFORM_RESET | none | none |
 * | RP_PLATFORM_NVC_READ | [0] u32 id | [0] u32 value |
 * | RP_PLATFORM_NVC_INCREMENT | [0] u32 id | none |
 * | RP_PLATFORM_IOCTL | [0] u32 request, [1] input (may be empty) | [0] output (may be empty) |
 * Anything else is PSA_ERROR_PROGRAMMER_ERROR. */
#ifndef RP_PLATFORM_IPC_H
#define RP_PLATFORM_IPC_H

#define RP_PLATFORM_RESET         1
#define RP_PLATFORM_NVC_READ      2
#define RP_PLATFORM_NVC_INCREMENT 3
#define RP_PLATFORM_IOCTL         4

#endif
