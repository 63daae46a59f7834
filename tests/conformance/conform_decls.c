/* conform_decls.c - the declarations of every PSA function, checked against the
 * specifications' prototypes (conform_spec_fns.h) by the compiler: a typed pointer per
 * function, initialised with the function. Compiled, not linked, on the host (the FF-M and
 * attestation functions exist only in the firmware: spm/psa_api.c, interface/src), by gcc
 * and arm-none-eabi-gcc with -std=c99 -pedantic -Werror (headers_strict.sh). The crypto
 * and storage functions are also linked against the host library by conform_functions.c. */
#include "psa/client.h"
#include "psa/crypto.h"
#include "psa/initial_attestation.h"
#include "psa/internal_trusted_storage.h"
#include "psa/lifecycle.h"
#include "psa/protected_storage.h"
#include "psa/service.h"

#include "conform_spec_fns.h"

CRYPTO_FUNCTIONS(CONFORM_POINTER)
STORAGE_FUNCTIONS(CONFORM_POINTER)
ATTEST_FUNCTIONS(CONFORM_POINTER)
FFM_FUNCTIONS(CONFORM_POINTER)

static const struct conform_entry all[] = {
    CRYPTO_FUNCTIONS(CONFORM_ENTRY) STORAGE_FUNCTIONS(CONFORM_ENTRY)
    ATTEST_FUNCTIONS(CONFORM_ENTRY) FFM_FUNCTIONS(CONFORM_ENTRY)
};

/* The table, so that nothing above is unused; a firmware image that links this file
 * would also prove every function is defined. */
const struct conform_entry *rp_conform_decls(size_t *count);
const struct conform_entry *rp_conform_decls(size_t *count)
{
    *count = sizeof all / sizeof all[0];
    return all;
}
