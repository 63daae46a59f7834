/* rp_platform_api.h - the Rampart Platform service's client API (docs/platform.md): a
 * system reset, the platform's monotonic NV counters, and an ioctl hook for what is
 * specific to one platform. Every call is one psa_call to the RP_PLATFORM service. */
#ifndef RP_PLATFORM_API_H
#define RP_PLATFORM_API_H

#include <stddef.h>
#include <stdint.h>

#include "psa/error.h"

/* NV counter ids (AN521: two counters, each a power-fail-safe record log). */
#define RP_PLATFORM_NV_COUNTER_0     0u
#define RP_PLATFORM_NV_COUNTER_1     1u
#define RP_PLATFORM_NV_COUNTER_COUNT 2u

/* ioctl requests. Unknown requests: PSA_ERROR_NOT_SUPPORTED. */
#define RP_PLATFORM_IOCTL_LIFECYCLE  1u /* no input; output u32 PSA lifecycle state */
#define RP_PLATFORM_IOCTL_NV_COUNTERS 2u /* no input; output u32 number of NV counters */
#define RP_PLATFORM_IOCTL_CONFIRM_IMAGE 3u /* no input, no output: the running secure
                                            * image confirms itself (MCUboot image_ok), so
                                            * BL2 keeps a TEST upgrade (docs/boot.md) */
#define RP_PLATFORM_IOCTL_IMAGE_STATE 4u /* no input; output u32: 0 permanent, 1 a TEST
                                          * upgrade not confirmed yet, 2 confirmed */

/* Resets the whole system (warm reset). Does not return on success.
 * out: PSA_ERROR_NOT_SUPPORTED where the service cannot reset (isolation level 3, where
 * the partition is unprivileged and the reset register is privileged only). */
psa_status_t rp_platform_svc_system_reset(void);

/* *value = counter `id`. out: PSA_SUCCESS; PSA_ERROR_INVALID_ARGUMENT (unknown id, NULL
 * value); PSA_ERROR_STORAGE_FAILURE. */
psa_status_t rp_platform_svc_nv_counter_read(uint32_t id, uint32_t *value);

/* Counter `id` += 1, power-fail safe (after a power loss it holds the old or the new value).
 * out: PSA_SUCCESS; PSA_ERROR_INVALID_ARGUMENT (unknown id); PSA_ERROR_NOT_PERMITTED (the
 * counter is at UINT32_MAX); PSA_ERROR_STORAGE_FAILURE. */
psa_status_t rp_platform_svc_nv_counter_increment(uint32_t id);

/* A platform-specific request: input in[0..in_len), output into out[0..out_size), its
 * length in *out_len. out: PSA_SUCCESS, PSA_ERROR_NOT_SUPPORTED (unknown request),
 * PSA_ERROR_INVALID_ARGUMENT (wrong input size, NULL pointers), PSA_ERROR_BUFFER_TOO_SMALL. */
psa_status_t rp_platform_svc_ioctl(uint32_t request, const void *in, size_t in_len, void *out,
                                   size_t out_size, size_t *out_len);

#endif
