/* psa/initial_attestation.h - PSA Attestation API 1.0: the initial attestation token
 * (FORMATS.md section 3). The token is a COSE_Sign1 (ES256) over the PSA claims,
 * signed inside the secure side with the Initial Attestation Key (docs/attestation.md). */
#ifndef PSA_INITIAL_ATTESTATION_H
#define PSA_INITIAL_ATTESTATION_H

#include <stddef.h>
#include <stdint.h>

#include "psa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PSA_INITIAL_ATTEST_API_VERSION_MAJOR 1
#define PSA_INITIAL_ATTEST_API_VERSION_MINOR 0

/* The challenge (nonce) sizes the service accepts: exactly one of these. */
#define PSA_INITIAL_ATTEST_CHALLENGE_SIZE_32 (32u)
#define PSA_INITIAL_ATTEST_CHALLENGE_SIZE_48 (48u)
#define PSA_INITIAL_ATTEST_CHALLENGE_SIZE_64 (64u)

/* The largest token this implementation produces (any challenge, any boot record). */
#define PSA_INITIAL_ATTEST_MAX_TOKEN_SIZE (0x400u)

/* Writes the token for `auth_challenge` into token_buf[0..token_buf_size) and its length
 * to *token_size.
 * out: PSA_SUCCESS; PSA_ERROR_INVALID_ARGUMENT (challenge size not 32/48/64, token_buf_size
 * 0, a NULL pointer); PSA_ERROR_BUFFER_TOO_SMALL (token_buf_size below the token's size);
 * PSA_ERROR_GENERIC_ERROR (claim data missing, e.g. a malformed boot record). */
psa_status_t psa_initial_attest_get_token(const uint8_t *auth_challenge,
                                          size_t challenge_size, uint8_t *token_buf,
                                          size_t token_buf_size, size_t *token_size);

/* The exact size of the token psa_initial_attest_get_token() would give this caller for
 * a challenge of challenge_size bytes. Errors as above. */
psa_status_t psa_initial_attest_get_token_size(size_t challenge_size, size_t *token_size);

/* Rampart extension: the Initial Attestation Key's public key, 65 bytes 04 || X || Y (SEC1
 * uncompressed), so that a verifier can be given it (the private key never leaves the
 * Crypto service). out: PSA_SUCCESS, PSA_ERROR_BUFFER_TOO_SMALL (key_buf_size < 65),
 * PSA_ERROR_INVALID_ARGUMENT (NULL pointer). */
psa_status_t rp_initial_attest_get_public_key(uint8_t *key_buf, size_t key_buf_size,
                                              size_t *key_size);

#ifdef __cplusplus
}
#endif

#endif
