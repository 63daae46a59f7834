/* psa/crypto_types.h - the scalar types of the PSA Certified Crypto API 1.1 (section 3.x
 * "types"). Part of psa/crypto.h; include that header, not this one. */
#ifndef PSA_CRYPTO_TYPES_H
#define PSA_CRYPTO_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include "psa/error.h"

typedef uint32_t psa_algorithm_t;
typedef uint16_t psa_key_type_t;
typedef uint8_t psa_ecc_family_t;
typedef uint8_t psa_dh_family_t;
typedef uint16_t psa_key_bits_t;
typedef uint32_t psa_key_lifetime_t;
typedef uint8_t psa_key_persistence_t;
typedef uint32_t psa_key_location_t;
typedef uint32_t psa_key_id_t;
typedef uint32_t psa_key_usage_t;
typedef uint16_t psa_key_derivation_step_t;

/* Opaque structures, defined in psa/crypto_struct.h. */
typedef struct psa_key_attributes_s psa_key_attributes_t;
typedef struct psa_hash_operation_s psa_hash_operation_t;
typedef struct psa_mac_operation_s psa_mac_operation_t;
typedef struct psa_cipher_operation_s psa_cipher_operation_t;
typedef struct psa_aead_operation_s psa_aead_operation_t;
typedef struct psa_key_derivation_operation_s psa_key_derivation_operation_t;

#endif
