/* rp_veneers.h - the secure gateway functions exported to the non-secure side (their
 * addresses come from the CMSE import library in the interface package). Applications
 * use the PSA APIs and rp_ns_client.h; only the NS interface library calls these. */
#ifndef RP_VENEERS_H
#define RP_VENEERS_H

#include <stdint.h>

#include "psa/client.h"

/* psa_call's type and vector counts in one word: type in bits 31..16 (0..INT16_MAX),
 * in_len in bits 15..8, out_len in bits 7..0. */
#define RP_VENEER_CALL_PACK(type, in_len, out_len)                                       \
    (((uint32_t)(type) << 16) | ((uint32_t)(in_len) << 8) | (uint32_t)(out_len))

uint32_t rp_veneer_framework_version(void);
uint32_t rp_veneer_version(uint32_t sid);
psa_handle_t rp_veneer_connect(uint32_t sid, uint32_t version);
psa_status_t rp_veneer_call(psa_handle_t handle, uint32_t packed, const psa_invec *in_vec,
                            psa_outvec *out_vec);
psa_status_t rp_veneer_close(psa_handle_t handle);
psa_status_t rp_veneer_ns_client_id(int32_t client_id);

#endif
