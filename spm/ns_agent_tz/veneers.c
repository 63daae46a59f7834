/* veneers.c - the secure gateway: the only functions the non-secure side may call.
 * Each is a cmse_nonsecure_entry function; the linker emits an SG veneer for it in
 * .gnu.sgstubs (the NSC region) and the import library lists them for the NS build. */
#include "psa/client.h"

__attribute__((cmse_nonsecure_entry)) uint32_t rp_veneer_framework_version(void)
{
    return PSA_FRAMEWORK_VERSION;
}
