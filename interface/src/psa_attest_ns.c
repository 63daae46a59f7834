/* psa_attest_ns.c - the PSA Initial Attestation API as a client library: each function is
 * one psa_call to the attestation partition's stateless service (message format:
 * services/attestation/include/rp_attest_ipc.h). Serves NS images (interface package) and
 * secure partitions that list RP_ATTEST in their dependencies.
 *
 * Refused here before anything crosses (PSA_ERROR_INVALID_ARGUMENT): NULL output length
 * pointers, a NULL buffer with a non-zero size, token_buf_size 0. The service checks the
 * challenge size and the buffer size again. */
#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa/initial_attestation.h"
#include "psa_manifest/sid.h"
#include "rp_attest_ipc.h"

psa_status_t psa_initial_attest_get_token(const uint8_t *auth_challenge,
                                          size_t challenge_size, uint8_t *token_buf,
                                          size_t token_buf_size, size_t *token_size)
{
    psa_invec in = { auth_challenge, challenge_size };
    psa_outvec out = { token_buf, token_buf_size };
    if (token_size == NULL || token_buf == NULL || token_buf_size == 0 ||
        (auth_challenge == NULL && challenge_size != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    psa_status_t st = psa_call(RP_ATTEST_HANDLE, RP_ATTEST_GET_TOKEN, &in, 1, &out, 1);
    if (st == PSA_SUCCESS) {
        *token_size = out.len;
    }
    return st;
}

psa_status_t psa_initial_attest_get_token_size(size_t challenge_size, size_t *token_size)
{
    /* Sizes above 32 bits cannot be valid: 0 is refused the same way. */
    uint32_t cs = challenge_size == (uint32_t)challenge_size ? (uint32_t)challenge_size : 0u;
    uint32_t ts = 0;
    psa_invec in = { &cs, sizeof cs };
    psa_outvec out = { &ts, sizeof ts };
    if (token_size == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    psa_status_t st = psa_call(RP_ATTEST_HANDLE, RP_ATTEST_GET_TOKEN_SIZE, &in, 1, &out, 1);
    if (st == PSA_SUCCESS) {
        *token_size = ts;
    }
    return st;
}

psa_status_t rp_initial_attest_get_public_key(uint8_t *key_buf, size_t key_buf_size,
                                              size_t *key_size)
{
    psa_outvec out = { key_buf, key_buf_size };
    if (key_size == NULL || (key_buf == NULL && key_buf_size != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    psa_status_t st = psa_call(RP_ATTEST_HANDLE, RP_ATTEST_GET_PUBLIC_KEY, NULL, 0, &out, 1);
    if (st == PSA_SUCCESS) {
        *key_size = out.len;
    }
    return st;
}
