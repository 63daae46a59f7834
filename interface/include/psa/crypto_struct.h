/* psa/crypto_struct.h - Rampart's definitions of the PSA Crypto API's implementation-
 * defined structures, their initialisers, and the key attribute accessors.
 *
 * Key attributes live entirely in the caller's memory; the accessors are static inline so
 * that the non-secure side needs no call into the secure world for them.
 * An operation object holds only a handle: the operation's state (keys, chaining values)
 * stays in the crypto core (secure side, or the host library), owned by the client that
 * set it up. Handle 0 means "inactive", so a zero-initialised object is a valid initial
 * value as the specification requires.
 * Part of psa/crypto.h; include that header, not this one. */
#ifndef PSA_CRYPTO_STRUCT_H
#define PSA_CRYPTO_STRUCT_H

#include "psa/crypto_values.h"

struct psa_key_attributes_s {
    psa_key_type_t type;
    psa_key_bits_t bits;
    psa_key_lifetime_t lifetime;
    psa_key_id_t id;
    psa_key_usage_t usage;
    psa_algorithm_t alg;
};

#define PSA_KEY_ATTRIBUTES_INIT {0, 0, 0, 0, 0, 0}

static inline struct psa_key_attributes_s psa_key_attributes_init(void)
{
    const struct psa_key_attributes_s v = PSA_KEY_ATTRIBUTES_INIT;
    return v;
}

/* Sets the id; a volatile lifetime becomes PSA_KEY_LIFETIME_PERSISTENT (spec 9.6). */
static inline void psa_set_key_id(psa_key_attributes_t *attributes, psa_key_id_t id)
{
    attributes->id = id;
    if (PSA_KEY_LIFETIME_IS_VOLATILE(attributes->lifetime)) {
        attributes->lifetime = PSA_KEY_LIFETIME_PERSISTENT;
    }
}

static inline psa_key_id_t psa_get_key_id(const psa_key_attributes_t *attributes)
{
    return attributes->id;
}

/* Sets the lifetime; a volatile lifetime clears the id (spec 9.5). */
static inline void psa_set_key_lifetime(psa_key_attributes_t *attributes,
                                        psa_key_lifetime_t lifetime)
{
    attributes->lifetime = lifetime;
    if (PSA_KEY_LIFETIME_IS_VOLATILE(lifetime)) {
        attributes->id = PSA_KEY_ID_NULL;
    }
}

static inline psa_key_lifetime_t psa_get_key_lifetime(const psa_key_attributes_t *attributes)
{
    return attributes->lifetime;
}

static inline void psa_set_key_usage_flags(psa_key_attributes_t *attributes,
                                           psa_key_usage_t usage_flags)
{
    attributes->usage = usage_flags;
}

static inline psa_key_usage_t psa_get_key_usage_flags(const psa_key_attributes_t *attributes)
{
    return attributes->usage;
}

static inline void psa_set_key_algorithm(psa_key_attributes_t *attributes,
                                         psa_algorithm_t alg)
{
    attributes->alg = alg;
}

static inline psa_algorithm_t psa_get_key_algorithm(const psa_key_attributes_t *attributes)
{
    return attributes->alg;
}

static inline void psa_set_key_type(psa_key_attributes_t *attributes, psa_key_type_t type)
{
    attributes->type = type;
}

static inline psa_key_type_t psa_get_key_type(const psa_key_attributes_t *attributes)
{
    return attributes->type;
}

/* bits above PSA_MAX_KEY_BITS cannot be represented; they are stored as 0xffff, which
 * every key creation refuses. */
static inline void psa_set_key_bits(psa_key_attributes_t *attributes, size_t bits)
{
    attributes->bits = (psa_key_bits_t)(bits > 0xfff8u ? 0xffffu : bits);
}

static inline size_t psa_get_key_bits(const psa_key_attributes_t *attributes)
{
    return attributes->bits;
}

static inline void psa_reset_key_attributes(psa_key_attributes_t *attributes)
{
    *attributes = psa_key_attributes_init();
}

/* ---- multipart operations: a handle into the crypto core ---- */
struct psa_hash_operation_s { uint32_t handle; };
struct psa_mac_operation_s { uint32_t handle; };
struct psa_cipher_operation_s { uint32_t handle; };
struct psa_aead_operation_s { uint32_t handle; };
struct psa_key_derivation_operation_s { uint32_t handle; };

#define PSA_HASH_OPERATION_INIT           {0}
#define PSA_MAC_OPERATION_INIT            {0}
#define PSA_CIPHER_OPERATION_INIT         {0}
#define PSA_AEAD_OPERATION_INIT           {0}
#define PSA_KEY_DERIVATION_OPERATION_INIT {0}

static inline struct psa_hash_operation_s psa_hash_operation_init(void)
{
    const struct psa_hash_operation_s v = PSA_HASH_OPERATION_INIT;
    return v;
}

static inline struct psa_mac_operation_s psa_mac_operation_init(void)
{
    const struct psa_mac_operation_s v = PSA_MAC_OPERATION_INIT;
    return v;
}

static inline struct psa_cipher_operation_s psa_cipher_operation_init(void)
{
    const struct psa_cipher_operation_s v = PSA_CIPHER_OPERATION_INIT;
    return v;
}

static inline struct psa_aead_operation_s psa_aead_operation_init(void)
{
    const struct psa_aead_operation_s v = PSA_AEAD_OPERATION_INIT;
    return v;
}

static inline struct psa_key_derivation_operation_s psa_key_derivation_operation_init(void)
{
    const struct psa_key_derivation_operation_s v = PSA_KEY_DERIVATION_OPERATION_INIT;
    return v;
}

#endif
