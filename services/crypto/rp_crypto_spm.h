/* rp_crypto_spm.h - what the Crypto partition asks of the SPM (implemented in
 * spm/psa_api.c, reached through the SPM's SVC API path when the partition runs
 * unprivileged). */
#ifndef RP_CRYPTO_SPM_H
#define RP_CRYPTO_SPM_H

#include <stdint.h>

/* 1 while the client can still call (every NS client; a secure partition that has not
 * panicked), 0 once it is gone for good (a panicked partition, or no such partition). */
int rp_spm_client_alive(int32_t client_id);

#endif
