/* The declarations the manifest tool generates for the Crypto partition
 * (services/crypto/crypto.yaml), for compiling crypto_sp.c on the host. */
#ifndef PSA_MANIFEST_RP_CRYPTO_SP_H
#define PSA_MANIFEST_RP_CRYPTO_SP_H

#include "psa/service.h"

#define RP_CRYPTO_SIGNAL (1u << 4)
psa_status_t rp_crypto_sp_init(void);
psa_status_t rp_crypto_sfn(const psa_msg_t *msg);
void rp_crypto_sp_main(void);

#endif
