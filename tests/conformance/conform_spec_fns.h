/* conform_spec_fns.h - every function the PSA specifications declare, with the
 * specification's prototype, as X-macro lists: X(return type, name, (parameters)).
 * The prototypes are written from the specifications (conform_values.c names them);
 * conform_functions.c and conform_decls.c initialise a pointer of exactly that type with
 * each function, which compiles only when Rampart's declaration has the same return type,
 * parameter types, order and const-ness (-Werror: an incompatible pointer is an error).
 *
 * [CRYPTO] 1.1, chapters 8-10: the library, key attributes and management, and every
 * operation. psa_*_init() and the attribute accessors may be functions or static inline
 * functions; either has an address. */
#ifndef CONFORM_SPEC_FNS_H
#define CONFORM_SPEC_FNS_H

#define CRYPTO_FUNCTIONS(X)                                                                     \
    X(psa_status_t, psa_crypto_init, (void))                                                   \
    /* 9.1 key attributes */                                                                    \
    X(psa_key_attributes_t, psa_key_attributes_init, (void))                                   \
    X(psa_status_t, psa_get_key_attributes, (psa_key_id_t, psa_key_attributes_t *))            \
    X(void, psa_reset_key_attributes, (psa_key_attributes_t *))                                \
    X(void, psa_set_key_type, (psa_key_attributes_t *, psa_key_type_t))                        \
    X(psa_key_type_t, psa_get_key_type, (const psa_key_attributes_t *))                        \
    X(size_t, psa_get_key_bits, (const psa_key_attributes_t *))                                \
    X(void, psa_set_key_bits, (psa_key_attributes_t *, size_t))                                \
    X(void, psa_set_key_lifetime, (psa_key_attributes_t *, psa_key_lifetime_t))                \
    X(psa_key_lifetime_t, psa_get_key_lifetime, (const psa_key_attributes_t *))                \
    X(void, psa_set_key_id, (psa_key_attributes_t *, psa_key_id_t))                            \
    X(psa_key_id_t, psa_get_key_id, (const psa_key_attributes_t *))                            \
    X(void, psa_set_key_algorithm, (psa_key_attributes_t *, psa_algorithm_t))                  \
    X(psa_algorithm_t, psa_get_key_algorithm, (const psa_key_attributes_t *))                  \
    X(void, psa_set_key_usage_flags, (psa_key_attributes_t *, psa_key_usage_t))                \
    X(psa_key_usage_t, psa_get_key_usage_flags, (const psa_key_attributes_t *))                \
    /* 9.6 key management */                                                                   \
    X(psa_status_t, psa_import_key,                                                            \
      (const psa_key_attributes_t *, const uint8_t *, size_t, psa_key_id_t *))                 \
    X(psa_status_t, psa_generate_key, (const psa_key_attributes_t *, psa_key_id_t *))          \
    X(psa_status_t, psa_copy_key, (psa_key_id_t, const psa_key_attributes_t *, psa_key_id_t *)) \
    X(psa_status_t, psa_destroy_key, (psa_key_id_t))                                           \
    X(psa_status_t, psa_purge_key, (psa_key_id_t))                                             \
    X(psa_status_t, psa_export_key, (psa_key_id_t, uint8_t *, size_t, size_t *))               \
    X(psa_status_t, psa_export_public_key, (psa_key_id_t, uint8_t *, size_t, size_t *))        \
    /* 10.2 message digests */                                                                 \
    X(psa_status_t, psa_hash_compute,                                                          \
      (psa_algorithm_t, const uint8_t *, size_t, uint8_t *, size_t, size_t *))                 \
    X(psa_status_t, psa_hash_compare,                                                          \
      (psa_algorithm_t, const uint8_t *, size_t, const uint8_t *, size_t))                     \
    X(psa_hash_operation_t, psa_hash_operation_init, (void))                                   \
    X(psa_status_t, psa_hash_setup, (psa_hash_operation_t *, psa_algorithm_t))                 \
    X(psa_status_t, psa_hash_update, (psa_hash_operation_t *, const uint8_t *, size_t))        \
    X(psa_status_t, psa_hash_finish, (psa_hash_operation_t *, uint8_t *, size_t, size_t *))    \
    X(psa_status_t, psa_hash_verify, (psa_hash_operation_t *, const uint8_t *, size_t))        \
    X(psa_status_t, psa_hash_abort, (psa_hash_operation_t *))                                  \
    X(psa_status_t, psa_hash_suspend, (psa_hash_operation_t *, uint8_t *, size_t, size_t *))   \
    X(psa_status_t, psa_hash_resume, (psa_hash_operation_t *, const uint8_t *, size_t))        \
    X(psa_status_t, psa_hash_clone, (const psa_hash_operation_t *, psa_hash_operation_t *))    \
    /* 10.3 MAC */                                                                             \
    X(psa_status_t, psa_mac_compute, (psa_key_id_t, psa_algorithm_t, const uint8_t *, size_t,  \
                                      uint8_t *, size_t, size_t *))                            \
    X(psa_status_t, psa_mac_verify,                                                            \
      (psa_key_id_t, psa_algorithm_t, const uint8_t *, size_t, const uint8_t *, size_t))       \
    X(psa_mac_operation_t, psa_mac_operation_init, (void))                                     \
    X(psa_status_t, psa_mac_sign_setup, (psa_mac_operation_t *, psa_key_id_t, psa_algorithm_t)) \
    X(psa_status_t, psa_mac_verify_setup,                                                      \
      (psa_mac_operation_t *, psa_key_id_t, psa_algorithm_t))                                  \
    X(psa_status_t, psa_mac_update, (psa_mac_operation_t *, const uint8_t *, size_t))          \
    X(psa_status_t, psa_mac_sign_finish, (psa_mac_operation_t *, uint8_t *, size_t, size_t *)) \
    X(psa_status_t, psa_mac_verify_finish, (psa_mac_operation_t *, const uint8_t *, size_t))   \
    X(psa_status_t, psa_mac_abort, (psa_mac_operation_t *))                                    \
    /* 10.4 unauthenticated ciphers */                                                         \
    X(psa_status_t, psa_cipher_encrypt, (psa_key_id_t, psa_algorithm_t, const uint8_t *,       \
                                         size_t, uint8_t *, size_t, size_t *))                 \
    X(psa_status_t, psa_cipher_decrypt, (psa_key_id_t, psa_algorithm_t, const uint8_t *,       \
                                         size_t, uint8_t *, size_t, size_t *))                 \
    X(psa_cipher_operation_t, psa_cipher_operation_init, (void))                               \
    X(psa_status_t, psa_cipher_encrypt_setup,                                                  \
      (psa_cipher_operation_t *, psa_key_id_t, psa_algorithm_t))                               \
    X(psa_status_t, psa_cipher_decrypt_setup,                                                  \
      (psa_cipher_operation_t *, psa_key_id_t, psa_algorithm_t))                               \
    X(psa_status_t, psa_cipher_generate_iv,                                                    \
      (psa_cipher_operation_t *, uint8_t *, size_t, size_t *))                                 \
    X(psa_status_t, psa_cipher_set_iv, (psa_cipher_operation_t *, const uint8_t *, size_t))    \
    X(psa_status_t, psa_cipher_update, (psa_cipher_operation_t *, const uint8_t *, size_t,     \
                                        uint8_t *, size_t, size_t *))                          \
    X(psa_status_t, psa_cipher_finish, (psa_cipher_operation_t *, uint8_t *, size_t, size_t *)) \
    X(psa_status_t, psa_cipher_abort, (psa_cipher_operation_t *))                              \
    /* 10.5 AEAD */                                                                            \
    X(psa_status_t, psa_aead_encrypt,                                                          \
      (psa_key_id_t, psa_algorithm_t, const uint8_t *, size_t, const uint8_t *, size_t,        \
       const uint8_t *, size_t, uint8_t *, size_t, size_t *))                                  \
    X(psa_status_t, psa_aead_decrypt,                                                          \
      (psa_key_id_t, psa_algorithm_t, const uint8_t *, size_t, const uint8_t *, size_t,        \
       const uint8_t *, size_t, uint8_t *, size_t, size_t *))                                  \
    X(psa_aead_operation_t, psa_aead_operation_init, (void))                                   \
    X(psa_status_t, psa_aead_encrypt_setup,                                                    \
      (psa_aead_operation_t *, psa_key_id_t, psa_algorithm_t))                                 \
    X(psa_status_t, psa_aead_decrypt_setup,                                                    \
      (psa_aead_operation_t *, psa_key_id_t, psa_algorithm_t))                                 \
    X(psa_status_t, psa_aead_set_lengths, (psa_aead_operation_t *, size_t, size_t))            \
    X(psa_status_t, psa_aead_generate_nonce,                                                   \
      (psa_aead_operation_t *, uint8_t *, size_t, size_t *))                                   \
    X(psa_status_t, psa_aead_set_nonce, (psa_aead_operation_t *, const uint8_t *, size_t))     \
    X(psa_status_t, psa_aead_update_ad, (psa_aead_operation_t *, const uint8_t *, size_t))     \
    X(psa_status_t, psa_aead_update, (psa_aead_operation_t *, const uint8_t *, size_t,         \
                                      uint8_t *, size_t, size_t *))                            \
    X(psa_status_t, psa_aead_finish, (psa_aead_operation_t *, uint8_t *, size_t, size_t *,     \
                                      uint8_t *, size_t, size_t *))                            \
    X(psa_status_t, psa_aead_verify, (psa_aead_operation_t *, uint8_t *, size_t, size_t *,     \
                                      const uint8_t *, size_t))                                \
    X(psa_status_t, psa_aead_abort, (psa_aead_operation_t *))                                  \
    /* 10.6 key derivation */                                                                  \
    X(psa_key_derivation_operation_t, psa_key_derivation_operation_init, (void))               \
    X(psa_status_t, psa_key_derivation_setup,                                                  \
      (psa_key_derivation_operation_t *, psa_algorithm_t))                                     \
    X(psa_status_t, psa_key_derivation_get_capacity,                                           \
      (const psa_key_derivation_operation_t *, size_t *))                                      \
    X(psa_status_t, psa_key_derivation_set_capacity, (psa_key_derivation_operation_t *, size_t)) \
    X(psa_status_t, psa_key_derivation_input_bytes,                                            \
      (psa_key_derivation_operation_t *, psa_key_derivation_step_t, const uint8_t *, size_t))  \
    X(psa_status_t, psa_key_derivation_input_integer,                                          \
      (psa_key_derivation_operation_t *, psa_key_derivation_step_t, uint64_t))                 \
    X(psa_status_t, psa_key_derivation_input_key,                                              \
      (psa_key_derivation_operation_t *, psa_key_derivation_step_t, psa_key_id_t))             \
    X(psa_status_t, psa_key_derivation_key_agreement,                                          \
      (psa_key_derivation_operation_t *, psa_key_derivation_step_t, psa_key_id_t,              \
       const uint8_t *, size_t))                                                               \
    X(psa_status_t, psa_key_derivation_output_bytes,                                           \
      (psa_key_derivation_operation_t *, uint8_t *, size_t))                                   \
    X(psa_status_t, psa_key_derivation_output_key,                                             \
      (const psa_key_attributes_t *, psa_key_derivation_operation_t *, psa_key_id_t *))        \
    X(psa_status_t, psa_key_derivation_verify_bytes,                                           \
      (psa_key_derivation_operation_t *, const uint8_t *, size_t))                             \
    X(psa_status_t, psa_key_derivation_verify_key,                                             \
      (psa_key_derivation_operation_t *, psa_key_id_t))                                        \
    X(psa_status_t, psa_key_derivation_abort, (psa_key_derivation_operation_t *))              \
    /* 10.7 asymmetric signature */                                                            \
    X(psa_status_t, psa_sign_message, (psa_key_id_t, psa_algorithm_t, const uint8_t *, size_t, \
                                       uint8_t *, size_t, size_t *))                           \
    X(psa_status_t, psa_verify_message,                                                        \
      (psa_key_id_t, psa_algorithm_t, const uint8_t *, size_t, const uint8_t *, size_t))       \
    X(psa_status_t, psa_sign_hash, (psa_key_id_t, psa_algorithm_t, const uint8_t *, size_t,    \
                                    uint8_t *, size_t, size_t *))                              \
    X(psa_status_t, psa_verify_hash,                                                           \
      (psa_key_id_t, psa_algorithm_t, const uint8_t *, size_t, const uint8_t *, size_t))       \
    /* 10.8 asymmetric encryption */                                                           \
    X(psa_status_t, psa_asymmetric_encrypt,                                                    \
      (psa_key_id_t, psa_algorithm_t, const uint8_t *, size_t, const uint8_t *, size_t,        \
       uint8_t *, size_t, size_t *))                                                           \
    X(psa_status_t, psa_asymmetric_decrypt,                                                    \
      (psa_key_id_t, psa_algorithm_t, const uint8_t *, size_t, const uint8_t *, size_t,        \
       uint8_t *, size_t, size_t *))                                                           \
    /* 10.9 key agreement */                                                                   \
    X(psa_status_t, psa_raw_key_agreement, (psa_algorithm_t, psa_key_id_t, const uint8_t *,    \
                                            size_t, uint8_t *, size_t, size_t *))              \
    /* 10.10 other cryptographic services */                                                   \
    X(psa_status_t, psa_generate_random, (uint8_t *, size_t))

/* [STORAGE] 1.0: Internal Trusted Storage and Protected Storage. */
#define STORAGE_FUNCTIONS(X)                                                                    \
    X(psa_status_t, psa_its_set,                                                               \
      (psa_storage_uid_t, size_t, const void *, psa_storage_create_flags_t))                   \
    X(psa_status_t, psa_its_get, (psa_storage_uid_t, size_t, size_t, void *, size_t *))        \
    X(psa_status_t, psa_its_get_info, (psa_storage_uid_t, struct psa_storage_info_t *))        \
    X(psa_status_t, psa_its_remove, (psa_storage_uid_t))                                       \
    X(psa_status_t, psa_ps_set,                                                                \
      (psa_storage_uid_t, size_t, const void *, psa_storage_create_flags_t))                   \
    X(psa_status_t, psa_ps_get, (psa_storage_uid_t, size_t, size_t, void *, size_t *))         \
    X(psa_status_t, psa_ps_get_info, (psa_storage_uid_t, struct psa_storage_info_t *))         \
    X(psa_status_t, psa_ps_remove, (psa_storage_uid_t))                                        \
    X(psa_status_t, psa_ps_create, (psa_storage_uid_t, size_t, psa_storage_create_flags_t))    \
    X(psa_status_t, psa_ps_set_extended, (psa_storage_uid_t, size_t, size_t, const void *))    \
    X(uint32_t, psa_ps_get_support, (void))

/* [ATTEST] 1.0 "API reference". */
#define ATTEST_FUNCTIONS(X)                                                                     \
    X(psa_status_t, psa_initial_attest_get_token,                                              \
      (const uint8_t *, size_t, uint8_t *, size_t, size_t *))                                  \
    X(psa_status_t, psa_initial_attest_get_token_size, (size_t, size_t *))

/* [FFM] 1.1: the client API, the service API (with the 1.1 interrupt and memory-mapping
 * functions) and the lifecycle query. */
#define FFM_FUNCTIONS(X)                                                                        \
    X(uint32_t, psa_framework_version, (void))                                                 \
    X(uint32_t, psa_version, (uint32_t))                                                       \
    X(psa_handle_t, psa_connect, (uint32_t, uint32_t))                                         \
    X(psa_status_t, psa_call,                                                                  \
      (psa_handle_t, int32_t, const psa_invec *, size_t, psa_outvec *, size_t))                \
    X(void, psa_close, (psa_handle_t))                                                         \
    X(psa_signal_t, psa_wait, (psa_signal_t, uint32_t))                                        \
    X(psa_status_t, psa_get, (psa_signal_t, psa_msg_t *))                                      \
    X(void, psa_set_rhandle, (psa_handle_t, void *))                                           \
    X(size_t, psa_read, (psa_handle_t, uint32_t, void *, size_t))                              \
    X(size_t, psa_skip, (psa_handle_t, uint32_t, size_t))                                      \
    X(void, psa_write, (psa_handle_t, uint32_t, const void *, size_t))                         \
    X(void, psa_reply, (psa_handle_t, psa_status_t))                                           \
    X(void, psa_notify, (int32_t))                                                             \
    X(void, psa_clear, (void))                                                                 \
    X(void, psa_eoi, (psa_signal_t))                                                           \
    X(void, psa_panic, (void))                                                                 \
    X(void, psa_irq_enable, (psa_signal_t))                                                    \
    X(psa_irq_status_t, psa_irq_disable, (psa_signal_t))                                       \
    X(void, psa_reset_signal, (psa_signal_t))                                                  \
    X(const void *, psa_map_invec, (psa_handle_t, uint32_t))                                   \
    X(void, psa_unmap_invec, (psa_handle_t, uint32_t))                                         \
    X(void *, psa_map_outvec, (psa_handle_t, uint32_t))                                        \
    X(void, psa_unmap_outvec, (psa_handle_t, uint32_t, size_t))                                \
    X(uint32_t, psa_rot_lifecycle_state, (void))

/* One typed pointer per function, and a table of them by name. */
typedef void (*conform_fn)(void);
struct conform_entry {
    const char *name;
    conform_fn fn;
};
#define CONFORM_POINTER(ret, name, params) static ret(*const spec_##name) params = name;
#define CONFORM_ENTRY(ret, name, params) { #name, (conform_fn)spec_##name },

#endif
