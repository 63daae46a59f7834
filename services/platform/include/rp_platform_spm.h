/* rp_platform_spm.h - what the Platform partition asks of the SPM (implemented in
 * spm/psa_api.c, reached through the SPM's SVC API path when the partition runs
 * unprivileged). */
#ifndef RP_PLATFORM_SPM_H
#define RP_PLATFORM_SPM_H

#include "psa/error.h"

/* Requests a system reset (AIRCR.SYSRESETREQ). Only the Platform partition may ask: does
 * not return for it; PSA_ERROR_NOT_PERMITTED for any other caller. */
psa_status_t rp_spm_system_reset(void);

#endif
