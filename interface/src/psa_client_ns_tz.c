/* psa_client_ns_tz.c - the PSA client API on the non-secure side of TrustZone: each call
 * goes straight to its secure gateway veneer. */
#include "psa/client.h"
#include "rp_veneers.h"

uint32_t psa_framework_version(void)
{
    return rp_veneer_framework_version();
}
