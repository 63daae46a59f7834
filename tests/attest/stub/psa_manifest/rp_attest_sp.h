/* Host stand-in for the generated psa_manifest/rp_attest_sp.h (tests/attest/host_attest.c):
 * the partition's signal and entry points, and the boot data area, which on the host is
 * the harness's array instead of AN521's 0x38000000. */
#ifndef PSA_MANIFEST_RP_ATTEST_SP_H
#define PSA_MANIFEST_RP_ATTEST_SP_H

#include <stdint.h>

#include "psa/service.h"

#define RP_ATTEST_SIGNAL (0x00000010u)

extern uint8_t rp_test_boot_area[0x400];
#define BOOT_SHARED_BASE ((uintptr_t)rp_test_boot_area)

psa_status_t rp_attest_sp_init(void);
psa_status_t rp_attest_sfn(const psa_msg_t *msg);

#endif
