/* The service ids the manifest tool generates, for the host build of the Crypto client
 * library: the Crypto service only (its stateless handle's value is not significant on the
 * host, where spm_sim.c's psa_call knows no other service). */
#ifndef PSA_MANIFEST_SID_H
#define PSA_MANIFEST_SID_H

#include "psa/client.h"

#define RP_CRYPTO_SID (0x00000080u)
#define RP_CRYPTO_VERSION (1u)
#define RP_CRYPTO_HANDLE ((psa_handle_t)0x40000701)

#endif
