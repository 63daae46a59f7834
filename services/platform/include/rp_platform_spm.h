/* rp_platform_spm.h - what the Platform partition asks of the SPM (implemented in
 * spm/psa_api.c, reached through the SPM's SVC API path when the partition runs
 * unprivileged). */
#ifndef RP_PLATFORM_SPM_H
#define RP_PLATFORM_SPM_H

#include "psa/error.h"

/* Requests a system reset (AIRCR.SYSRESETREQ). Only the Platform partition may ask: does
 * not return for it; PSA_ERROR_NOT_PERMITTED for any other caller. */
psa_status_t rp_spm_system_reset(void);

/* Confirms the running secure image (MCUboot image_ok in its primary slot's trailer), so
 * that BL2 keeps a TEST upgrade. Only the Platform partition may ask. out: PSA_SUCCESS
 * (also when already confirmed or permanent); PSA_ERROR_BAD_STATE (malformed trailer);
 * PSA_ERROR_STORAGE_FAILURE; PSA_ERROR_NOT_PERMITTED for any other caller. */
psa_status_t rp_spm_image_confirm(void);

/* The running secure image's state: 0 permanent, 1 a TEST upgrade not yet confirmed,
 * 2 confirmed (>= 0); PSA_ERROR_BAD_STATE, PSA_ERROR_STORAGE_FAILURE or, for any caller
 * but the Platform partition, PSA_ERROR_NOT_PERMITTED. */
psa_status_t rp_spm_image_state(void);

#endif
