/* psa_crypto_ns.c - the PSA Crypto API 1.1 as a client library: every function becomes
 * one psa_call to the Crypto partition's stateless service (message format:
 * rp_crypto_ipc.h). The same file serves non-secure applications (through the TrustZone
 * client API) and secure partitions that list RP_CRYPTO in their manifest dependencies.
 *
 * Checked here before anything crosses: a buffer pointer is non-NULL when its length is
 * not zero, and every output-length pointer is valid (else PSA_ERROR_INVALID_ARGUMENT).
 * Long multipart inputs and outputs are split into RP_CRYPTO_CHUNK pieces, so only
 * one-shot calls meet the partition's per-call limits (docs/crypto-service.md). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "psa/client.h"
#include "psa/crypto.h"
#include "psa_manifest/sid.h"

/* An image without the Crypto partition (its profile does not list it) has no
 * RP_CRYPTO_HANDLE: the library is then empty, and only an application that calls the
 * Crypto API fails, at link time. */
#ifdef RP_CRYPTO_HANDLE
#include "rp_crypto_ipc.h"

#define RP_CRYPTO_CHUNK 1024u

#define BAD_BUF(p, n) ((n) != 0 && (p) == NULL)

static psa_status_t call(int32_t fn, const struct rp_crypto_req *r, const psa_invec *in,
                         size_t nin, psa_outvec *out, size_t nout)
{
    psa_invec iv[PSA_MAX_IOVEC];
    iv[0].base = r;
    iv[0].len = sizeof *r;
    for (size_t i = 0; i < nin; i++)
        iv[1 + i] = in[i];
    return psa_call(RP_CRYPTO_HANDLE, fn, iv, 1 + nin, out, nout);
}

/* A request for operation handle op, key, algorithm and argument. */
static struct rp_crypto_req req(uint32_t op, psa_key_id_t key, psa_algorithm_t alg,
                                uint32_t arg)
{
    struct rp_crypto_req r = { op, key, alg, arg, { { 0, 0 } } };
    return r;
}

/* A multipart call: out_vec[0] carries the handle back, then up to three outputs. */
static psa_status_t op_call(int32_t fn, uint32_t *handle, const struct rp_crypto_req *r,
                            const psa_invec *in, size_t nin, psa_outvec *outs, size_t nouts)
{
    psa_outvec o[PSA_MAX_IOVEC];
    psa_status_t st;
    o[0].base = handle;
    o[0].len = sizeof *handle;
    for (size_t i = 0; i < nouts; i++)
        o[1 + i] = outs[i];
    st = call(fn, r, in, nin, o, 1 + nouts);
    for (size_t i = 0; i < nouts; i++)
        outs[i].len = st == PSA_SUCCESS ? o[1 + i].len : 0;
    return st;
}

/* One output buffer (out_vec[0]); *len gets its written length. */
static psa_status_t out_call(int32_t fn, const struct rp_crypto_req *r, const psa_invec *in,
                             size_t nin, void *out, size_t size, size_t *len)
{
    psa_outvec o = { out, size };
    psa_status_t st;
    if (len == NULL || BAD_BUF(out, size))
        return PSA_ERROR_INVALID_ARGUMENT;
    st = call(fn, r, in, nin, &o, 1);
    *len = st == PSA_SUCCESS ? o.len : 0;
    return st;
}

psa_status_t psa_crypto_init(void)
{
    struct rp_crypto_req r = req(0, 0, 0, 0);
    return call(RP_CRYPTO_FN_INIT, &r, NULL, 0, NULL, 0);
}

/* ---------------- keys ---------------- */
psa_status_t psa_get_key_attributes(psa_key_id_t key, psa_key_attributes_t *attributes)
{
    struct rp_crypto_req r = req(0, key, 0, 0);
    psa_outvec o = { attributes, sizeof *attributes };
    psa_status_t st;
    if (attributes == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    st = call(RP_CRYPTO_FN_GET_ATTRIBUTES, &r, NULL, 0, &o, 1);
    if (st != PSA_SUCCESS)
        psa_reset_key_attributes(attributes);
    return st;
}

static psa_status_t create(int32_t fn, psa_key_id_t source,
                           const psa_key_attributes_t *attributes, const uint8_t *data,
                           size_t len, psa_key_id_t *key)
{
    struct rp_crypto_req r = req(0, source, 0, 0);
    psa_invec in[2] = { { attributes, sizeof *attributes }, { data, len } };
    psa_outvec o = { key, sizeof *key };
    psa_status_t st;
    if (attributes == NULL || key == NULL || BAD_BUF(data, len))
        return PSA_ERROR_INVALID_ARGUMENT;
    *key = PSA_KEY_ID_NULL;
    st = call(fn, &r, in, fn == RP_CRYPTO_FN_IMPORT ? 2 : 1, &o, 1);
    if (st != PSA_SUCCESS)
        *key = PSA_KEY_ID_NULL;
    return st;
}

psa_status_t psa_import_key(const psa_key_attributes_t *attributes, const uint8_t *data,
                            size_t data_length, psa_key_id_t *key)
{
    return create(RP_CRYPTO_FN_IMPORT, 0, attributes, data, data_length, key);
}

psa_status_t psa_generate_key(const psa_key_attributes_t *attributes, psa_key_id_t *key)
{
    return create(RP_CRYPTO_FN_GENERATE, 0, attributes, NULL, 0, key);
}

psa_status_t psa_copy_key(psa_key_id_t source_key, const psa_key_attributes_t *attributes,
                          psa_key_id_t *target_key)
{
    return create(RP_CRYPTO_FN_COPY, source_key, attributes, NULL, 0, target_key);
}

psa_status_t psa_destroy_key(psa_key_id_t key)
{
    struct rp_crypto_req r = req(0, key, 0, 0);
    return call(RP_CRYPTO_FN_DESTROY, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_purge_key(psa_key_id_t key)
{
    struct rp_crypto_req r = req(0, key, 0, 0);
    return call(RP_CRYPTO_FN_PURGE, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_export_key(psa_key_id_t key, uint8_t *data, size_t data_size,
                            size_t *data_length)
{
    struct rp_crypto_req r = req(0, key, 0, 0);
    return out_call(RP_CRYPTO_FN_EXPORT, &r, NULL, 0, data, data_size, data_length);
}

psa_status_t psa_export_public_key(psa_key_id_t key, uint8_t *data, size_t data_size,
                                   size_t *data_length)
{
    struct rp_crypto_req r = req(0, key, 0, 0);
    return out_call(RP_CRYPTO_FN_EXPORT_PUBLIC, &r, NULL, 0, data, data_size, data_length);
}

psa_status_t psa_generate_random(uint8_t *output, size_t output_size)
{
    struct rp_crypto_req r = req(0, 0, 0, 0);
    psa_status_t st = PSA_SUCCESS;
    size_t len;
    if (BAD_BUF(output, output_size))
        return PSA_ERROR_INVALID_ARGUMENT;
    while (st == PSA_SUCCESS && output_size > 0) {
        size_t c = output_size < RP_CRYPTO_CHUNK ? output_size : RP_CRYPTO_CHUNK;
        st = out_call(RP_CRYPTO_FN_RANDOM, &r, NULL, 0, output, c, &len);
        output += c;
        output_size -= c;
    }
    return st;
}

/* ---------------- hash ---------------- */
psa_status_t psa_hash_setup(psa_hash_operation_t *operation, psa_algorithm_t alg)
{
    struct rp_crypto_req r = req(operation->handle, 0, alg, 0);
    return op_call(RP_CRYPTO_FN_HASH_SETUP, &operation->handle, &r, NULL, 0, NULL, 0);
}

/* An input-only multipart update, in chunks (at least one call, to report the state). */
static psa_status_t update_in(int32_t fn, uint32_t *handle, const uint8_t *in, size_t n)
{
    psa_status_t st;
    if (BAD_BUF(in, n))
        return PSA_ERROR_INVALID_ARGUMENT;
    do {
        size_t c = n < RP_CRYPTO_CHUNK ? n : RP_CRYPTO_CHUNK;
        struct rp_crypto_req r = req(*handle, 0, 0, 0);
        psa_invec v = { in, c };
        st = op_call(fn, handle, &r, &v, 1, NULL, 0);
        in += c;
        n -= c;
    } while (st == PSA_SUCCESS && n > 0);
    return st;
}

psa_status_t psa_hash_update(psa_hash_operation_t *operation, const uint8_t *input,
                             size_t input_length)
{
    return update_in(RP_CRYPTO_FN_HASH_UPDATE, &operation->handle, input, input_length);
}

/* An operation call with one input and/or one output. */
static psa_status_t op_io(int32_t fn, uint32_t *handle, const struct rp_crypto_req *r,
                          const void *in, size_t in_len, void *out, size_t out_size,
                          size_t *out_len)
{
    psa_invec v = { in, in_len };
    psa_outvec o = { out, out_size };
    psa_status_t st;
    if (BAD_BUF(in, in_len) || BAD_BUF(out, out_size) || (out_size && out_len == NULL))
        return PSA_ERROR_INVALID_ARGUMENT;
    st = op_call(fn, handle, r, &v, in_len ? 1 : 0, &o, out_size || out_len ? 1 : 0);
    if (out_len)
        *out_len = o.len;
    return st;
}

psa_status_t psa_hash_finish(psa_hash_operation_t *operation, uint8_t *hash,
                             size_t hash_size, size_t *hash_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    if (hash_length == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    return op_io(RP_CRYPTO_FN_HASH_FINISH, &operation->handle, &r, NULL, 0, hash, hash_size,
                 hash_length);
}

psa_status_t psa_hash_verify(psa_hash_operation_t *operation, const uint8_t *hash,
                             size_t hash_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    return op_io(RP_CRYPTO_FN_HASH_VERIFY, &operation->handle, &r, hash, hash_length, NULL, 0,
                 NULL);
}

static psa_status_t abort_op(uint32_t *handle)
{
    struct rp_crypto_req r = req(*handle, 0, 0, 0);
    psa_status_t st;
    if (*handle == 0)
        return PSA_SUCCESS;   /* nothing to release: no call needed */
    st = op_call(RP_CRYPTO_FN_ABORT, handle, &r, NULL, 0, NULL, 0);
    *handle = 0;
    return st;
}

psa_status_t psa_hash_abort(psa_hash_operation_t *operation)
{
    return abort_op(&operation->handle);
}

/* The state (at most PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE bytes) fits one call. */
psa_status_t psa_hash_suspend(psa_hash_operation_t *operation, uint8_t *hash_state,
                              size_t hash_state_size, size_t *hash_state_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    if (hash_state_length == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    return op_io(RP_CRYPTO_FN_HASH_SUSPEND, &operation->handle, &r, NULL, 0, hash_state,
                 hash_state_size, hash_state_length);
}

psa_status_t psa_hash_resume(psa_hash_operation_t *operation, const uint8_t *hash_state,
                             size_t hash_state_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    return op_io(RP_CRYPTO_FN_HASH_RESUME, &operation->handle, &r, hash_state,
                 hash_state_length, NULL, 0, NULL);
}

psa_status_t psa_hash_clone(const psa_hash_operation_t *source_operation,
                            psa_hash_operation_t *target_operation)
{
    struct rp_crypto_req r = req(source_operation->handle, 0, 0, target_operation->handle);
    return op_call(RP_CRYPTO_FN_HASH_CLONE, &target_operation->handle, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_hash_compute(psa_algorithm_t alg, const uint8_t *input, size_t input_length,
                              uint8_t *hash, size_t hash_size, size_t *hash_length)
{
    struct rp_crypto_req r = req(0, 0, alg, 0);
    psa_invec v = { input, input_length };
    if (BAD_BUF(input, input_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    if (input_length > RP_CRYPTO_CHUNK && hash_length != NULL) {
        psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
        psa_status_t st = psa_hash_setup(&op, alg);
        if (st == PSA_SUCCESS)
            st = psa_hash_update(&op, input, input_length);
        if (st == PSA_SUCCESS)
            st = psa_hash_finish(&op, hash, hash_size, hash_length);
        (void)psa_hash_abort(&op);
        return st;
    }
    return out_call(RP_CRYPTO_FN_HASH_COMPUTE, &r, &v, 1, hash, hash_size, hash_length);
}

psa_status_t psa_hash_compare(psa_algorithm_t alg, const uint8_t *input, size_t input_length,
                              const uint8_t *hash, size_t hash_length)
{
    struct rp_crypto_req r = req(0, 0, alg, 0);
    psa_invec v[2] = { { input, input_length }, { hash, hash_length } };
    if (BAD_BUF(input, input_length) || BAD_BUF(hash, hash_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    if (input_length > RP_CRYPTO_CHUNK) {
        psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
        psa_status_t st = psa_hash_setup(&op, alg);
        if (st == PSA_SUCCESS)
            st = psa_hash_update(&op, input, input_length);
        if (st == PSA_SUCCESS)
            st = psa_hash_verify(&op, hash, hash_length);
        (void)psa_hash_abort(&op);
        return st;
    }
    return call(RP_CRYPTO_FN_HASH_COMPARE, &r, v, 2, NULL, 0);
}

/* ---------------- MAC ---------------- */
static psa_status_t mac_setup(psa_mac_operation_t *operation, psa_key_id_t key,
                              psa_algorithm_t alg, uint32_t verify)
{
    struct rp_crypto_req r = req(operation->handle, key, alg, verify);
    return op_call(RP_CRYPTO_FN_MAC_SETUP, &operation->handle, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_mac_sign_setup(psa_mac_operation_t *operation, psa_key_id_t key,
                                psa_algorithm_t alg)
{
    return mac_setup(operation, key, alg, 0);
}

psa_status_t psa_mac_verify_setup(psa_mac_operation_t *operation, psa_key_id_t key,
                                  psa_algorithm_t alg)
{
    return mac_setup(operation, key, alg, 1);
}

psa_status_t psa_mac_update(psa_mac_operation_t *operation, const uint8_t *input,
                            size_t input_length)
{
    return update_in(RP_CRYPTO_FN_MAC_UPDATE, &operation->handle, input, input_length);
}

psa_status_t psa_mac_sign_finish(psa_mac_operation_t *operation, uint8_t *mac,
                                 size_t mac_size, size_t *mac_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    if (mac_length == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    return op_io(RP_CRYPTO_FN_MAC_SIGN_FINISH, &operation->handle, &r, NULL, 0, mac,
                 mac_size, mac_length);
}

psa_status_t psa_mac_verify_finish(psa_mac_operation_t *operation, const uint8_t *mac,
                                   size_t mac_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    return op_io(RP_CRYPTO_FN_MAC_VERIFY_FINISH, &operation->handle, &r, mac, mac_length,
                 NULL, 0, NULL);
}

psa_status_t psa_mac_abort(psa_mac_operation_t *operation)
{
    return abort_op(&operation->handle);
}

psa_status_t psa_mac_compute(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                             size_t input_length, uint8_t *mac, size_t mac_size,
                             size_t *mac_length)
{
    struct rp_crypto_req r = req(0, key, alg, 0);
    psa_invec v = { input, input_length };
    if (BAD_BUF(input, input_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    if (input_length > RP_CRYPTO_CHUNK && mac_length != NULL) {
        psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
        psa_status_t st = psa_mac_sign_setup(&op, key, alg);
        if (st == PSA_SUCCESS)
            st = psa_mac_update(&op, input, input_length);
        if (st == PSA_SUCCESS)
            st = psa_mac_sign_finish(&op, mac, mac_size, mac_length);
        (void)psa_mac_abort(&op);
        return st;
    }
    return out_call(RP_CRYPTO_FN_MAC_COMPUTE, &r, &v, 1, mac, mac_size, mac_length);
}

psa_status_t psa_mac_verify(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                            size_t input_length, const uint8_t *mac, size_t mac_length)
{
    struct rp_crypto_req r = req(0, key, alg, 0);
    psa_invec v[2] = { { input, input_length }, { mac, mac_length } };
    if (BAD_BUF(input, input_length) || BAD_BUF(mac, mac_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    if (input_length > RP_CRYPTO_CHUNK) {
        psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
        psa_status_t st = psa_mac_verify_setup(&op, key, alg);
        if (st == PSA_SUCCESS)
            st = psa_mac_update(&op, input, input_length);
        if (st == PSA_SUCCESS)
            st = psa_mac_verify_finish(&op, mac, mac_length);
        (void)psa_mac_abort(&op);
        return st;
    }
    return call(RP_CRYPTO_FN_MAC_VERIFY, &r, v, 2, NULL, 0);
}

/* ---------------- cipher ---------------- */
static psa_status_t cipher_crypt(psa_key_id_t key, psa_algorithm_t alg, uint32_t decrypt,
                                 const uint8_t *input, size_t input_length, uint8_t *output,
                                 size_t output_size, size_t *output_length)
{
    struct rp_crypto_req r = req(0, key, alg, decrypt);
    psa_invec v = { input, input_length };
    if (BAD_BUF(input, input_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    return out_call(RP_CRYPTO_FN_CIPHER_CRYPT, &r, &v, 1, output, output_size, output_length);
}

psa_status_t psa_cipher_encrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                size_t input_length, uint8_t *output, size_t output_size,
                                size_t *output_length)
{
    return cipher_crypt(key, alg, 0, input, input_length, output, output_size, output_length);
}

psa_status_t psa_cipher_decrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                size_t input_length, uint8_t *output, size_t output_size,
                                size_t *output_length)
{
    return cipher_crypt(key, alg, 1, input, input_length, output, output_size, output_length);
}

static psa_status_t cipher_setup(psa_cipher_operation_t *operation, psa_key_id_t key,
                                 psa_algorithm_t alg, uint32_t decrypt)
{
    struct rp_crypto_req r = req(operation->handle, key, alg, decrypt);
    return op_call(RP_CRYPTO_FN_CIPHER_SETUP, &operation->handle, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_cipher_encrypt_setup(psa_cipher_operation_t *operation, psa_key_id_t key,
                                      psa_algorithm_t alg)
{
    return cipher_setup(operation, key, alg, 0);
}

psa_status_t psa_cipher_decrypt_setup(psa_cipher_operation_t *operation, psa_key_id_t key,
                                      psa_algorithm_t alg)
{
    return cipher_setup(operation, key, alg, 1);
}

psa_status_t psa_cipher_generate_iv(psa_cipher_operation_t *operation, uint8_t *iv,
                                    size_t iv_size, size_t *iv_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    if (iv_length == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    return op_io(RP_CRYPTO_FN_CIPHER_GENERATE_IV, &operation->handle, &r, NULL, 0, iv,
                 iv_size, iv_length);
}

psa_status_t psa_cipher_set_iv(psa_cipher_operation_t *operation, const uint8_t *iv,
                               size_t iv_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    return op_io(RP_CRYPTO_FN_CIPHER_SET_IV, &operation->handle, &r, iv, iv_length, NULL, 0,
                 NULL);
}

/* An input-and-output multipart update, in chunks; outputs are concatenated. */
static psa_status_t update_io(int32_t fn, uint32_t *handle, const uint8_t *in, size_t n,
                              uint8_t *out, size_t size, size_t *len)
{
    psa_status_t st;
    size_t done = 0;
    if (len == NULL || BAD_BUF(in, n) || BAD_BUF(out, size))
        return PSA_ERROR_INVALID_ARGUMENT;
    *len = 0;
    do {
        size_t c = n < RP_CRYPTO_CHUNK ? n : RP_CRYPTO_CHUNK, got = 0;
        struct rp_crypto_req r = req(*handle, 0, 0, 0);
        st = op_io(fn, handle, &r, in, c, size > done ? out + done : out,
                   size > done ? size - done : 0, &got);
        done += got;
        in += c;
        n -= c;
    } while (st == PSA_SUCCESS && n > 0);
    *len = st == PSA_SUCCESS ? done : 0;
    return st;
}

psa_status_t psa_cipher_update(psa_cipher_operation_t *operation, const uint8_t *input,
                               size_t input_length, uint8_t *output, size_t output_size,
                               size_t *output_length)
{
    return update_io(RP_CRYPTO_FN_CIPHER_UPDATE, &operation->handle, input, input_length,
                     output, output_size, output_length);
}

psa_status_t psa_cipher_finish(psa_cipher_operation_t *operation, uint8_t *output,
                               size_t output_size, size_t *output_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    if (output_length == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    return op_io(RP_CRYPTO_FN_CIPHER_FINISH, &operation->handle, &r, NULL, 0, output,
                 output_size, output_length);
}

psa_status_t psa_cipher_abort(psa_cipher_operation_t *operation)
{
    return abort_op(&operation->handle);
}

/* ---------------- AEAD ---------------- */
static psa_status_t aead_crypt(psa_key_id_t key, psa_algorithm_t alg, uint32_t decrypt,
                               const uint8_t *nonce, size_t nonce_length, const uint8_t *ad,
                               size_t ad_length, const uint8_t *input, size_t input_length,
                               uint8_t *output, size_t output_size, size_t *output_length)
{
    struct rp_crypto_req r = req(0, key, alg, decrypt | (uint32_t)nonce_length << 8);
    psa_invec v[2] = { { ad, ad_length }, { input, input_length } };
    if (BAD_BUF(nonce, nonce_length) || BAD_BUF(ad, ad_length) ||
        BAD_BUF(input, input_length) || nonce_length > RP_CRYPTO_NONCE_MAX)
        return PSA_ERROR_INVALID_ARGUMENT;
    if (nonce_length)
        memcpy(r.u.nonce, nonce, nonce_length);
    return out_call(RP_CRYPTO_FN_AEAD_CRYPT, &r, v, 2, output, output_size, output_length);
}

psa_status_t psa_aead_encrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *nonce,
                              size_t nonce_length, const uint8_t *additional_data,
                              size_t additional_data_length, const uint8_t *plaintext,
                              size_t plaintext_length, uint8_t *ciphertext,
                              size_t ciphertext_size, size_t *ciphertext_length)
{
    return aead_crypt(key, alg, 0, nonce, nonce_length, additional_data,
                      additional_data_length, plaintext, plaintext_length, ciphertext,
                      ciphertext_size, ciphertext_length);
}

psa_status_t psa_aead_decrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *nonce,
                              size_t nonce_length, const uint8_t *additional_data,
                              size_t additional_data_length, const uint8_t *ciphertext,
                              size_t ciphertext_length, uint8_t *plaintext,
                              size_t plaintext_size, size_t *plaintext_length)
{
    return aead_crypt(key, alg, 1, nonce, nonce_length, additional_data,
                      additional_data_length, ciphertext, ciphertext_length, plaintext,
                      plaintext_size, plaintext_length);
}

static psa_status_t aead_setup(psa_aead_operation_t *operation, psa_key_id_t key,
                               psa_algorithm_t alg, uint32_t decrypt)
{
    struct rp_crypto_req r = req(operation->handle, key, alg, decrypt);
    return op_call(RP_CRYPTO_FN_AEAD_SETUP, &operation->handle, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_aead_encrypt_setup(psa_aead_operation_t *operation, psa_key_id_t key,
                                    psa_algorithm_t alg)
{
    return aead_setup(operation, key, alg, 0);
}

psa_status_t psa_aead_decrypt_setup(psa_aead_operation_t *operation, psa_key_id_t key,
                                    psa_algorithm_t alg)
{
    return aead_setup(operation, key, alg, 1);
}

psa_status_t psa_aead_generate_nonce(psa_aead_operation_t *operation, uint8_t *nonce,
                                     size_t nonce_size, size_t *nonce_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    if (nonce_length == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    return op_io(RP_CRYPTO_FN_AEAD_GENERATE_NONCE, &operation->handle, &r, NULL, 0, nonce,
                 nonce_size, nonce_length);
}

psa_status_t psa_aead_set_nonce(psa_aead_operation_t *operation, const uint8_t *nonce,
                                size_t nonce_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    return op_io(RP_CRYPTO_FN_AEAD_SET_NONCE, &operation->handle, &r, nonce, nonce_length,
                 NULL, 0, NULL);
}

psa_status_t psa_aead_set_lengths(psa_aead_operation_t *operation, size_t ad_length,
                                  size_t plaintext_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    r.u.v.n1 = ad_length;
    r.u.v.n2 = plaintext_length;
    return op_call(RP_CRYPTO_FN_AEAD_SET_LENGTHS, &operation->handle, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_aead_update_ad(psa_aead_operation_t *operation, const uint8_t *input,
                                size_t input_length)
{
    return update_in(RP_CRYPTO_FN_AEAD_UPDATE_AD, &operation->handle, input, input_length);
}

psa_status_t psa_aead_update(psa_aead_operation_t *operation, const uint8_t *input,
                             size_t input_length, uint8_t *output, size_t output_size,
                             size_t *output_length)
{
    return update_io(RP_CRYPTO_FN_AEAD_UPDATE, &operation->handle, input, input_length,
                     output, output_size, output_length);
}

psa_status_t psa_aead_finish(psa_aead_operation_t *operation, uint8_t *ciphertext,
                             size_t ciphertext_size, size_t *ciphertext_length,
                             uint8_t *tag, size_t tag_size, size_t *tag_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    psa_outvec o[2] = { { ciphertext, ciphertext_size }, { tag, tag_size } };
    psa_status_t st;
    if (ciphertext_length == NULL || tag_length == NULL ||
        BAD_BUF(ciphertext, ciphertext_size) || BAD_BUF(tag, tag_size))
        return PSA_ERROR_INVALID_ARGUMENT;
    st = op_call(RP_CRYPTO_FN_AEAD_FINISH, &operation->handle, &r, NULL, 0, o, 2);
    *ciphertext_length = o[0].len;
    *tag_length = o[1].len;
    return st;
}

psa_status_t psa_aead_verify(psa_aead_operation_t *operation, uint8_t *plaintext,
                             size_t plaintext_size, size_t *plaintext_length,
                             const uint8_t *tag, size_t tag_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    if (plaintext_length == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    return op_io(RP_CRYPTO_FN_AEAD_VERIFY, &operation->handle, &r, tag, tag_length, plaintext,
                 plaintext_size, plaintext_length);
}

psa_status_t psa_aead_abort(psa_aead_operation_t *operation)
{
    return abort_op(&operation->handle);
}

/* ---------------- asymmetric ---------------- */
static psa_status_t sign(psa_key_id_t key, psa_algorithm_t alg, uint32_t message,
                         const uint8_t *input, size_t input_length, uint8_t *signature,
                         size_t signature_size, size_t *signature_length)
{
    struct rp_crypto_req r = req(0, key, alg, message);
    psa_invec v = { input, input_length };
    if (BAD_BUF(input, input_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    return out_call(RP_CRYPTO_FN_SIGN, &r, &v, 1, signature, signature_size,
                    signature_length);
}

static psa_status_t verify(psa_key_id_t key, psa_algorithm_t alg, uint32_t message,
                           const uint8_t *input, size_t input_length,
                           const uint8_t *signature, size_t signature_length)
{
    struct rp_crypto_req r = req(0, key, alg, message);
    psa_invec v[2] = { { input, input_length }, { signature, signature_length } };
    if (BAD_BUF(input, input_length) || BAD_BUF(signature, signature_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    return call(RP_CRYPTO_FN_VERIFY, &r, v, 2, NULL, 0);
}

psa_status_t psa_sign_message(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                              size_t input_length, uint8_t *signature,
                              size_t signature_size, size_t *signature_length)
{
    return sign(key, alg, 1, input, input_length, signature, signature_size,
                signature_length);
}

psa_status_t psa_verify_message(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                size_t input_length, const uint8_t *signature,
                                size_t signature_length)
{
    return verify(key, alg, 1, input, input_length, signature, signature_length);
}

psa_status_t psa_sign_hash(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *hash,
                           size_t hash_length, uint8_t *signature, size_t signature_size,
                           size_t *signature_length)
{
    return sign(key, alg, 0, hash, hash_length, signature, signature_size, signature_length);
}

psa_status_t psa_verify_hash(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *hash,
                             size_t hash_length, const uint8_t *signature,
                             size_t signature_length)
{
    return verify(key, alg, 0, hash, hash_length, signature, signature_length);
}

static psa_status_t asym(psa_key_id_t key, psa_algorithm_t alg, uint32_t decrypt,
                         const uint8_t *input, size_t input_length, const uint8_t *salt,
                         size_t salt_length, uint8_t *output, size_t output_size,
                         size_t *output_length)
{
    struct rp_crypto_req r = req(0, key, alg, decrypt);
    psa_invec v[2] = { { input, input_length }, { salt, salt_length } };
    if (BAD_BUF(input, input_length) || BAD_BUF(salt, salt_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    return out_call(RP_CRYPTO_FN_ASYMMETRIC_CRYPT, &r, v, 2, output, output_size,
                    output_length);
}

psa_status_t psa_asymmetric_encrypt(psa_key_id_t key, psa_algorithm_t alg,
                                    const uint8_t *input, size_t input_length,
                                    const uint8_t *salt, size_t salt_length, uint8_t *output,
                                    size_t output_size, size_t *output_length)
{
    return asym(key, alg, 0, input, input_length, salt, salt_length, output, output_size,
                output_length);
}

psa_status_t psa_asymmetric_decrypt(psa_key_id_t key, psa_algorithm_t alg,
                                    const uint8_t *input, size_t input_length,
                                    const uint8_t *salt, size_t salt_length, uint8_t *output,
                                    size_t output_size, size_t *output_length)
{
    return asym(key, alg, 1, input, input_length, salt, salt_length, output, output_size,
                output_length);
}

psa_status_t psa_raw_key_agreement(psa_algorithm_t alg, psa_key_id_t private_key,
                                   const uint8_t *peer_key, size_t peer_key_length,
                                   uint8_t *output, size_t output_size,
                                   size_t *output_length)
{
    struct rp_crypto_req r = req(0, private_key, alg, 0);
    psa_invec v = { peer_key, peer_key_length };
    if (BAD_BUF(peer_key, peer_key_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    return out_call(RP_CRYPTO_FN_RAW_KEY_AGREEMENT, &r, &v, 1, output, output_size,
                    output_length);
}

/* ---------------- key derivation ---------------- */
psa_status_t psa_key_derivation_setup(psa_key_derivation_operation_t *operation,
                                      psa_algorithm_t alg)
{
    struct rp_crypto_req r = req(operation->handle, 0, alg, 0);
    return op_call(RP_CRYPTO_FN_KDF_SETUP, &operation->handle, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_key_derivation_get_capacity(const psa_key_derivation_operation_t *operation,
                                             size_t *capacity)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    psa_outvec o = { capacity, sizeof *capacity };
    if (capacity == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    return call(RP_CRYPTO_FN_KDF_GET_CAPACITY, &r, NULL, 0, &o, 1);
}

psa_status_t psa_key_derivation_set_capacity(psa_key_derivation_operation_t *operation,
                                             size_t capacity)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    r.u.v.n1 = capacity;
    return op_call(RP_CRYPTO_FN_KDF_SET_CAPACITY, &operation->handle, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_key_derivation_input_bytes(psa_key_derivation_operation_t *operation,
                                            psa_key_derivation_step_t step,
                                            const uint8_t *data, size_t data_length)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, step);
    return op_io(RP_CRYPTO_FN_KDF_INPUT_BYTES, &operation->handle, &r, data, data_length, NULL,
                 0, NULL);
}

psa_status_t psa_key_derivation_input_integer(psa_key_derivation_operation_t *operation,
                                              psa_key_derivation_step_t step, uint64_t value)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, step);
    r.u.v.n1 = value;
    return op_call(RP_CRYPTO_FN_KDF_INPUT_INTEGER, &operation->handle, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_key_derivation_input_key(psa_key_derivation_operation_t *operation,
                                          psa_key_derivation_step_t step, psa_key_id_t key)
{
    struct rp_crypto_req r = req(operation->handle, key, 0, step);
    return op_call(RP_CRYPTO_FN_KDF_INPUT_KEY, &operation->handle, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_key_derivation_key_agreement(psa_key_derivation_operation_t *operation,
                                              psa_key_derivation_step_t step,
                                              psa_key_id_t private_key,
                                              const uint8_t *peer_key,
                                              size_t peer_key_length)
{
    struct rp_crypto_req r = req(operation->handle, private_key, 0, step);
    return op_io(RP_CRYPTO_FN_KDF_KEY_AGREEMENT, &operation->handle, &r, peer_key,
                 peer_key_length, NULL, 0, NULL);
}

psa_status_t psa_key_derivation_output_bytes(psa_key_derivation_operation_t *operation,
                                             uint8_t *output, size_t output_length)
{
    psa_status_t st;
    if (BAD_BUF(output, output_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    do {   /* in chunks; a capacity shortfall is found by the first chunk past it */
        size_t c = output_length < RP_CRYPTO_CHUNK ? output_length : RP_CRYPTO_CHUNK, got;
        struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
        r.u.v.n1 = c;
        st = op_io(RP_CRYPTO_FN_KDF_OUTPUT_BYTES, &operation->handle, &r, NULL, 0, output, c,
                   &got);
        output += c;
        output_length -= c;
    } while (st == PSA_SUCCESS && output_length > 0);
    return st;
}

psa_status_t psa_key_derivation_output_key(const psa_key_attributes_t *attributes,
                                           psa_key_derivation_operation_t *operation,
                                           psa_key_id_t *key)
{
    struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
    psa_status_t st;
    size_t got;
    if (attributes == NULL || key == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    *key = PSA_KEY_ID_NULL;
    st = op_io(RP_CRYPTO_FN_KDF_OUTPUT_KEY, &operation->handle, &r, attributes,
               sizeof *attributes, key, sizeof *key, &got);
    if (st != PSA_SUCCESS)
        *key = PSA_KEY_ID_NULL;
    return st;
}

psa_status_t psa_key_derivation_verify_bytes(psa_key_derivation_operation_t *operation,
                                             const uint8_t *expected_output,
                                             size_t output_length)
{
    psa_status_t st;
    if (BAD_BUF(expected_output, output_length))
        return PSA_ERROR_INVALID_ARGUMENT;
    do {
        size_t c = output_length < RP_CRYPTO_CHUNK ? output_length : RP_CRYPTO_CHUNK;
        struct rp_crypto_req r = req(operation->handle, 0, 0, 0);
        st = op_io(RP_CRYPTO_FN_KDF_VERIFY_BYTES, &operation->handle, &r, expected_output, c,
                   NULL, 0, NULL);
        expected_output += c;
        output_length -= c;
    } while (st == PSA_SUCCESS && output_length > 0);
    return st;
}

psa_status_t psa_key_derivation_verify_key(psa_key_derivation_operation_t *operation,
                                           psa_key_id_t expected)
{
    struct rp_crypto_req r = req(operation->handle, expected, 0, 0);
    return op_call(RP_CRYPTO_FN_KDF_VERIFY_KEY, &operation->handle, &r, NULL, 0, NULL, 0);
}

psa_status_t psa_key_derivation_abort(psa_key_derivation_operation_t *operation)
{
    return abort_op(&operation->handle);
}

#else
typedef int rp_crypto_ns_absent; /* ISO C wants a translation unit to declare something */
#endif
