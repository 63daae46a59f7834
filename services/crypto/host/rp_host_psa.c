/* rp_host_psa.c - the PSA Crypto API of the host library: each psa_* function calls the
 * crypto core for the current host client (rp_host_set_client). */
#include "rp_host.h"
#include "rp_crypto_core.h"

void rp_host_mark_initialised(void);

static int32_t client = 1;

void rp_host_set_client(int32_t client_id)
{
    client = client_id;
}

int32_t rp_host_client(void)
{
    return client;
}

void rp_host_client_gone(int32_t client_id)
{
    rp_crypto_client_gone(client_id);
}

psa_status_t psa_crypto_init(void)
{
    rp_host_mark_initialised();
    return rp_crypto_init();
}

/* ---- keys ---- */
psa_status_t psa_get_key_attributes(psa_key_id_t key, psa_key_attributes_t *attributes)
{
    return rp_crypto_get_key_attributes(client, key, attributes);
}

psa_status_t psa_import_key(const psa_key_attributes_t *attributes, const uint8_t *data,
                            size_t data_length, psa_key_id_t *key)
{
    return rp_crypto_import_key(client, attributes, data, data_length, key);
}

psa_status_t psa_generate_key(const psa_key_attributes_t *attributes, psa_key_id_t *key)
{
    return rp_crypto_generate_key(client, attributes, key);
}

psa_status_t psa_copy_key(psa_key_id_t source_key, const psa_key_attributes_t *attributes,
                          psa_key_id_t *target_key)
{
    return rp_crypto_copy_key(client, source_key, attributes, target_key);
}

psa_status_t psa_destroy_key(psa_key_id_t key)
{
    return rp_crypto_destroy_key(client, key);
}

psa_status_t psa_purge_key(psa_key_id_t key)
{
    return rp_crypto_purge_key(client, key);
}

psa_status_t psa_export_key(psa_key_id_t key, uint8_t *data, size_t data_size,
                            size_t *data_length)
{
    return rp_crypto_export_key(client, key, data, data_size, data_length);
}

psa_status_t psa_export_public_key(psa_key_id_t key, uint8_t *data, size_t data_size,
                                   size_t *data_length)
{
    return rp_crypto_export_public_key(client, key, data, data_size, data_length);
}

psa_status_t psa_generate_random(uint8_t *output, size_t output_size)
{
    return rp_crypto_generate_random(client, output, output_size);
}

/* ---- hash ---- */
psa_status_t psa_hash_compute(psa_algorithm_t alg, const uint8_t *input, size_t input_length,
                              uint8_t *hash, size_t hash_size, size_t *hash_length)
{
    return rp_crypto_hash_compute(client, alg, input, input_length, hash, hash_size,
                                  hash_length);
}

psa_status_t psa_hash_compare(psa_algorithm_t alg, const uint8_t *input, size_t input_length,
                              const uint8_t *hash, size_t hash_length)
{
    return rp_crypto_hash_compare(client, alg, input, input_length, hash, hash_length);
}

psa_status_t psa_hash_setup(psa_hash_operation_t *operation, psa_algorithm_t alg)
{
    return rp_crypto_hash_setup(client, &operation->handle, alg);
}

psa_status_t psa_hash_update(psa_hash_operation_t *operation, const uint8_t *input,
                             size_t input_length)
{
    return rp_crypto_hash_update(client, &operation->handle, input, input_length);
}

psa_status_t psa_hash_finish(psa_hash_operation_t *operation, uint8_t *hash,
                             size_t hash_size, size_t *hash_length)
{
    return rp_crypto_hash_finish(client, &operation->handle, hash, hash_size, hash_length);
}

psa_status_t psa_hash_verify(psa_hash_operation_t *operation, const uint8_t *hash,
                             size_t hash_length)
{
    return rp_crypto_hash_verify(client, &operation->handle, hash, hash_length);
}

psa_status_t psa_hash_abort(psa_hash_operation_t *operation)
{
    return rp_crypto_abort(client, &operation->handle);
}

psa_status_t psa_hash_suspend(psa_hash_operation_t *operation, uint8_t *hash_state,
                              size_t hash_state_size, size_t *hash_state_length)
{
    return rp_crypto_hash_suspend(client, &operation->handle, hash_state, hash_state_size,
                                  hash_state_length);
}

psa_status_t psa_hash_resume(psa_hash_operation_t *operation, const uint8_t *hash_state,
                             size_t hash_state_length)
{
    return rp_crypto_hash_resume(client, &operation->handle, hash_state, hash_state_length);
}

psa_status_t psa_hash_clone(const psa_hash_operation_t *source_operation,
                            psa_hash_operation_t *target_operation)
{
    return rp_crypto_hash_clone(client, source_operation->handle, &target_operation->handle);
}

/* ---- MAC ---- */
psa_status_t psa_mac_compute(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                             size_t input_length, uint8_t *mac, size_t mac_size,
                             size_t *mac_length)
{
    return rp_crypto_mac_compute(client, key, alg, input, input_length, mac, mac_size,
                                 mac_length);
}

psa_status_t psa_mac_verify(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                            size_t input_length, const uint8_t *mac, size_t mac_length)
{
    return rp_crypto_mac_verify(client, key, alg, input, input_length, mac, mac_length);
}

psa_status_t psa_mac_sign_setup(psa_mac_operation_t *operation, psa_key_id_t key,
                                psa_algorithm_t alg)
{
    return rp_crypto_mac_setup(client, &operation->handle, key, alg, 0);
}

psa_status_t psa_mac_verify_setup(psa_mac_operation_t *operation, psa_key_id_t key,
                                  psa_algorithm_t alg)
{
    return rp_crypto_mac_setup(client, &operation->handle, key, alg, 1);
}

psa_status_t psa_mac_update(psa_mac_operation_t *operation, const uint8_t *input,
                            size_t input_length)
{
    return rp_crypto_mac_update(client, &operation->handle, input, input_length);
}

psa_status_t psa_mac_sign_finish(psa_mac_operation_t *operation, uint8_t *mac,
                                 size_t mac_size, size_t *mac_length)
{
    return rp_crypto_mac_sign_finish(client, &operation->handle, mac, mac_size, mac_length);
}

psa_status_t psa_mac_verify_finish(psa_mac_operation_t *operation, const uint8_t *mac,
                                   size_t mac_length)
{
    return rp_crypto_mac_verify_finish(client, &operation->handle, mac, mac_length);
}

psa_status_t psa_mac_abort(psa_mac_operation_t *operation)
{
    return rp_crypto_abort(client, &operation->handle);
}

/* ---- cipher ---- */
psa_status_t psa_cipher_encrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                size_t input_length, uint8_t *output, size_t output_size,
                                size_t *output_length)
{
    return rp_crypto_cipher_crypt(client, key, alg, 0, input, input_length, output,
                                  output_size, output_length);
}

psa_status_t psa_cipher_decrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                size_t input_length, uint8_t *output, size_t output_size,
                                size_t *output_length)
{
    return rp_crypto_cipher_crypt(client, key, alg, 1, input, input_length, output,
                                  output_size, output_length);
}

psa_status_t psa_cipher_encrypt_setup(psa_cipher_operation_t *operation, psa_key_id_t key,
                                      psa_algorithm_t alg)
{
    return rp_crypto_cipher_setup(client, &operation->handle, key, alg, 0);
}

psa_status_t psa_cipher_decrypt_setup(psa_cipher_operation_t *operation, psa_key_id_t key,
                                      psa_algorithm_t alg)
{
    return rp_crypto_cipher_setup(client, &operation->handle, key, alg, 1);
}

psa_status_t psa_cipher_generate_iv(psa_cipher_operation_t *operation, uint8_t *iv,
                                    size_t iv_size, size_t *iv_length)
{
    return rp_crypto_cipher_generate_iv(client, &operation->handle, iv, iv_size, iv_length);
}

psa_status_t psa_cipher_set_iv(psa_cipher_operation_t *operation, const uint8_t *iv,
                               size_t iv_length)
{
    return rp_crypto_cipher_set_iv(client, &operation->handle, iv, iv_length);
}

psa_status_t psa_cipher_update(psa_cipher_operation_t *operation, const uint8_t *input,
                               size_t input_length, uint8_t *output, size_t output_size,
                               size_t *output_length)
{
    return rp_crypto_cipher_update(client, &operation->handle, input, input_length, output,
                                   output_size, output_length);
}

psa_status_t psa_cipher_finish(psa_cipher_operation_t *operation, uint8_t *output,
                               size_t output_size, size_t *output_length)
{
    return rp_crypto_cipher_finish(client, &operation->handle, output, output_size,
                                   output_length);
}

psa_status_t psa_cipher_abort(psa_cipher_operation_t *operation)
{
    return rp_crypto_abort(client, &operation->handle);
}

/* ---- AEAD ---- */
psa_status_t psa_aead_encrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *nonce,
                              size_t nonce_length, const uint8_t *additional_data,
                              size_t additional_data_length, const uint8_t *plaintext,
                              size_t plaintext_length, uint8_t *ciphertext,
                              size_t ciphertext_size, size_t *ciphertext_length)
{
    return rp_crypto_aead_crypt(client, key, alg, 0, nonce, nonce_length, additional_data,
                                additional_data_length, plaintext, plaintext_length,
                                ciphertext, ciphertext_size, ciphertext_length);
}

psa_status_t psa_aead_decrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *nonce,
                              size_t nonce_length, const uint8_t *additional_data,
                              size_t additional_data_length, const uint8_t *ciphertext,
                              size_t ciphertext_length, uint8_t *plaintext,
                              size_t plaintext_size, size_t *plaintext_length)
{
    return rp_crypto_aead_crypt(client, key, alg, 1, nonce, nonce_length, additional_data,
                                additional_data_length, ciphertext, ciphertext_length,
                                plaintext, plaintext_size, plaintext_length);
}

psa_status_t psa_aead_encrypt_setup(psa_aead_operation_t *operation, psa_key_id_t key,
                                    psa_algorithm_t alg)
{
    return rp_crypto_aead_setup(client, &operation->handle, key, alg, 0);
}

psa_status_t psa_aead_decrypt_setup(psa_aead_operation_t *operation, psa_key_id_t key,
                                    psa_algorithm_t alg)
{
    return rp_crypto_aead_setup(client, &operation->handle, key, alg, 1);
}

psa_status_t psa_aead_generate_nonce(psa_aead_operation_t *operation, uint8_t *nonce,
                                     size_t nonce_size, size_t *nonce_length)
{
    return rp_crypto_aead_generate_nonce(client, &operation->handle, nonce, nonce_size,
                                         nonce_length);
}

psa_status_t psa_aead_set_nonce(psa_aead_operation_t *operation, const uint8_t *nonce,
                                size_t nonce_length)
{
    return rp_crypto_aead_set_nonce(client, &operation->handle, nonce, nonce_length);
}

psa_status_t psa_aead_set_lengths(psa_aead_operation_t *operation, size_t ad_length,
                                  size_t plaintext_length)
{
    return rp_crypto_aead_set_lengths(client, &operation->handle, ad_length,
                                      plaintext_length);
}

psa_status_t psa_aead_update_ad(psa_aead_operation_t *operation, const uint8_t *input,
                                size_t input_length)
{
    return rp_crypto_aead_update_ad(client, &operation->handle, input, input_length);
}

psa_status_t psa_aead_update(psa_aead_operation_t *operation, const uint8_t *input,
                             size_t input_length, uint8_t *output, size_t output_size,
                             size_t *output_length)
{
    return rp_crypto_aead_update(client, &operation->handle, input, input_length, output,
                                 output_size, output_length);
}

psa_status_t psa_aead_finish(psa_aead_operation_t *operation, uint8_t *ciphertext,
                             size_t ciphertext_size, size_t *ciphertext_length,
                             uint8_t *tag, size_t tag_size, size_t *tag_length)
{
    return rp_crypto_aead_finish(client, &operation->handle, ciphertext, ciphertext_size,
                                 ciphertext_length, tag, tag_size, tag_length);
}

psa_status_t psa_aead_verify(psa_aead_operation_t *operation, uint8_t *plaintext,
                             size_t plaintext_size, size_t *plaintext_length,
                             const uint8_t *tag, size_t tag_length)
{
    return rp_crypto_aead_verify(client, &operation->handle, plaintext, plaintext_size,
                                 plaintext_length, tag, tag_length);
}

psa_status_t psa_aead_abort(psa_aead_operation_t *operation)
{
    return rp_crypto_abort(client, &operation->handle);
}

/* ---- asymmetric ---- */
psa_status_t psa_sign_message(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                              size_t input_length, uint8_t *signature,
                              size_t signature_size, size_t *signature_length)
{
    return rp_crypto_sign(client, key, alg, 1, input, input_length, signature,
                          signature_size, signature_length);
}

psa_status_t psa_verify_message(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                size_t input_length, const uint8_t *signature,
                                size_t signature_length)
{
    return rp_crypto_verify(client, key, alg, 1, input, input_length, signature,
                            signature_length);
}

psa_status_t psa_sign_hash(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *hash,
                           size_t hash_length, uint8_t *signature, size_t signature_size,
                           size_t *signature_length)
{
    return rp_crypto_sign(client, key, alg, 0, hash, hash_length, signature, signature_size,
                          signature_length);
}

psa_status_t psa_verify_hash(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *hash,
                             size_t hash_length, const uint8_t *signature,
                             size_t signature_length)
{
    return rp_crypto_verify(client, key, alg, 0, hash, hash_length, signature,
                            signature_length);
}

psa_status_t psa_asymmetric_encrypt(psa_key_id_t key, psa_algorithm_t alg,
                                    const uint8_t *input, size_t input_length,
                                    const uint8_t *salt, size_t salt_length, uint8_t *output,
                                    size_t output_size, size_t *output_length)
{
    return rp_crypto_asymmetric_crypt(client, key, alg, 0, input, input_length, salt,
                                      salt_length, output, output_size, output_length);
}

psa_status_t psa_asymmetric_decrypt(psa_key_id_t key, psa_algorithm_t alg,
                                    const uint8_t *input, size_t input_length,
                                    const uint8_t *salt, size_t salt_length, uint8_t *output,
                                    size_t output_size, size_t *output_length)
{
    return rp_crypto_asymmetric_crypt(client, key, alg, 1, input, input_length, salt,
                                      salt_length, output, output_size, output_length);
}

psa_status_t psa_raw_key_agreement(psa_algorithm_t alg, psa_key_id_t private_key,
                                   const uint8_t *peer_key, size_t peer_key_length,
                                   uint8_t *output, size_t output_size,
                                   size_t *output_length)
{
    return rp_crypto_raw_key_agreement(client, alg, private_key, peer_key, peer_key_length,
                                       output, output_size, output_length);
}

/* ---- key derivation ---- */
psa_status_t psa_key_derivation_setup(psa_key_derivation_operation_t *operation,
                                      psa_algorithm_t alg)
{
    return rp_crypto_kdf_setup(client, &operation->handle, alg);
}

psa_status_t psa_key_derivation_get_capacity(const psa_key_derivation_operation_t *operation,
                                             size_t *capacity)
{
    return rp_crypto_kdf_get_capacity(client, operation->handle, capacity);
}

psa_status_t psa_key_derivation_set_capacity(psa_key_derivation_operation_t *operation,
                                             size_t capacity)
{
    return rp_crypto_kdf_set_capacity(client, &operation->handle, capacity);
}

psa_status_t psa_key_derivation_input_bytes(psa_key_derivation_operation_t *operation,
                                            psa_key_derivation_step_t step,
                                            const uint8_t *data, size_t data_length)
{
    return rp_crypto_kdf_input_bytes(client, &operation->handle, step, data, data_length);
}

psa_status_t psa_key_derivation_input_integer(psa_key_derivation_operation_t *operation,
                                              psa_key_derivation_step_t step, uint64_t value)
{
    return rp_crypto_kdf_input_integer(client, &operation->handle, step, value);
}

psa_status_t psa_key_derivation_input_key(psa_key_derivation_operation_t *operation,
                                          psa_key_derivation_step_t step, psa_key_id_t key)
{
    return rp_crypto_kdf_input_key(client, &operation->handle, step, key);
}

psa_status_t psa_key_derivation_key_agreement(psa_key_derivation_operation_t *operation,
                                              psa_key_derivation_step_t step,
                                              psa_key_id_t private_key,
                                              const uint8_t *peer_key,
                                              size_t peer_key_length)
{
    return rp_crypto_kdf_key_agreement(client, &operation->handle, step, private_key,
                                       peer_key, peer_key_length);
}

psa_status_t psa_key_derivation_output_bytes(psa_key_derivation_operation_t *operation,
                                             uint8_t *output, size_t output_length)
{
    return rp_crypto_kdf_output_bytes(client, &operation->handle, output, output_length);
}

psa_status_t psa_key_derivation_output_key(const psa_key_attributes_t *attributes,
                                           psa_key_derivation_operation_t *operation,
                                           psa_key_id_t *key)
{
    return rp_crypto_kdf_output_key(client, attributes, &operation->handle, key);
}

psa_status_t psa_key_derivation_verify_bytes(psa_key_derivation_operation_t *operation,
                                             const uint8_t *expected_output,
                                             size_t output_length)
{
    return rp_crypto_kdf_verify_bytes(client, &operation->handle, expected_output,
                                      output_length);
}

psa_status_t psa_key_derivation_verify_key(psa_key_derivation_operation_t *operation,
                                           psa_key_id_t expected)
{
    return rp_crypto_kdf_verify_key(client, &operation->handle, expected);
}

psa_status_t psa_key_derivation_abort(psa_key_derivation_operation_t *operation)
{
    return rp_crypto_abort(client, &operation->handle);
}
