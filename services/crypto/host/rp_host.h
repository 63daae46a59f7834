/* rp_host.h - Rampart's PSA Crypto host library (librampart.a): the settings a Linux
 * program makes before psa_crypto_init(). Everything else is psa/crypto.h.
 *
 * Test your PSA application on Linux, then run it on the device: the library runs the same
 * crypto core as the Crypto secure partition, with the same key policies, limits and
 * status codes. docs/crypto-service.md. */
#ifndef RP_HOST_H
#define RP_HOST_H

#include <stdint.h>
#include "psa/crypto.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Keep persistent keys in files under dir (which must exist): one file per key,
 * "<owner>_<id>.rpk" (docs/crypto-service.md, storage format), written atomically. The
 * directory also holds "huk.bin", this installation's 32-byte hardware unique key stand-in
 * from which the builtin keys are derived (created on first use). Call before
 * psa_crypto_init(); dir is copied (at most 200 bytes). NULL: persistent keys in RAM
 * only, and a fixed development HUK.
 * PSA_SUCCESS, PSA_ERROR_INVALID_ARGUMENT (path too long) or PSA_ERROR_BAD_STATE (after
 * psa_crypto_init). */
psa_status_t rp_host_set_storage_dir(const char *dir);

/* The client id the following PSA calls act for (default 1, a secure-partition-like
 * caller; negative ids behave as non-secure clients). Lets one program test key
 * ownership between clients. */
void rp_host_set_client(int32_t client_id);

/* End client_id's session: abort its operations, destroy its volatile keys (what the
 * partition does when a client goes away). */
void rp_host_client_gone(int32_t client_id);

#ifdef __cplusplus
}
#endif

#endif
