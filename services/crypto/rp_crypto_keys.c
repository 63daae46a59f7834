/* rp_crypto_keys.c - key store of the crypto core: volatile key slots, persistent key
 * records, builtin keys, key policy, key management calls, the DRBG and the operation
 * pool. Contract: rp_crypto_core.h; formats: docs/crypto-service.md. */
#include <string.h>
#include "rp_crypto_int.h"
#include "rp_ct.h"
#include "rp_drbg.h"
#include "rp_p256.h"
#include "rp_p384.h"

/* ---------------- state ---------------- */
struct slot {
    int32_t owner;
    psa_key_attributes_t attr;   /* attr.id == 0: free */
    uint16_t off, len;           /* material in arena[off .. off + len) */
    uint16_t pub_len;            /* ECC key pair: its public key follows the material */
};

static struct slot slots[RP_CRYPTO_KEY_SLOTS];
static uint8_t arena[RP_CRYPTO_KEY_ARENA];
static size_t arena_used;
static psa_key_id_t next_volatile = PSA_KEY_ID_VENDOR_MIN;
/* Persistent and builtin key material for one call, and one stored record. */
static uint8_t scratch[RP_CRYPTO_KEY_MAX_BYTES];
static uint8_t record[24 + RP_CRYPTO_KEY_MAX_BYTES];
static rp_drbg_ctx drbg;
static int ready;
static struct rp_op ops[RP_CRYPTO_OPS];
static uint32_t op_generation;

/* ---------------- RAM store (default) ---------------- */
#define RAM_RECORDS 8u
static struct {
    int32_t owner;
    psa_key_id_t id;
    uint16_t len;
    uint8_t data[24 + 152];   /* a P-384 key pair's v2 record: 24 + 48 + 97 */
} ram_records[RAM_RECORDS];

static int ram_find(int32_t owner, psa_key_id_t id)
{
    for (unsigned i = 0; i < RAM_RECORDS; i++) {
        if (ram_records[i].id == id && id != 0 && ram_records[i].owner == owner)
            return (int)i;
    }
    return -1;
}

static psa_status_t ram_set(void *ctx, int32_t owner, psa_key_id_t id, const uint8_t *d,
                            size_t len)
{
    int i = ram_find(owner, id);
    (void)ctx;
    if (len > sizeof ram_records[0].data)
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    for (unsigned j = 0; i < 0 && j < RAM_RECORDS; j++) {
        if (ram_records[j].id == 0)
            i = (int)j;
    }
    if (i < 0)
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    ram_records[i].owner = owner;
    ram_records[i].id = id;
    ram_records[i].len = (uint16_t)len;
    memcpy(ram_records[i].data, d, len);
    return PSA_SUCCESS;
}

static psa_status_t ram_get(void *ctx, int32_t owner, psa_key_id_t id, uint8_t *buf,
                            size_t size, size_t *len)
{
    int i = ram_find(owner, id);
    (void)ctx;
    if (i < 0)
        return PSA_ERROR_DOES_NOT_EXIST;
    *len = ram_records[i].len;
    memcpy(buf, ram_records[i].data, *len < size ? *len : size);
    return PSA_SUCCESS;
}

static psa_status_t ram_remove(void *ctx, int32_t owner, psa_key_id_t id)
{
    int i = ram_find(owner, id);
    (void)ctx;
    if (i < 0)
        return PSA_ERROR_DOES_NOT_EXIST;
    rp_wipe(&ram_records[i], sizeof ram_records[i]);
    return PSA_SUCCESS;
}

static const struct rp_crypto_store ram_store = { ram_set, ram_get, ram_remove, 0 };
static const struct rp_crypto_store *store = &ram_store;

void rp_crypto_set_store(const struct rp_crypto_store *s)
{
    store = s ? s : &ram_store;
}

/* ---------------- init, random ---------------- */
static int entropy_cb(void *arg, uint8_t *out, size_t len)
{
    (void)arg;
    return rp_crypto_platform_entropy(out, len);
}

psa_status_t rp_crypto_init(void)
{
    static const uint8_t pers[] = "Rampart crypto DRBG";
    if (ready)
        return PSA_SUCCESS;
    if (rp_drbg_instantiate(&drbg, RP_HASH_SHA256, entropy_cb, 0, pers, sizeof pers - 1,
                            0) != 0)
        return PSA_ERROR_INSUFFICIENT_ENTROPY;
    ready = 1;
    return PSA_SUCCESS;
}

int rp_ck_ready(void)
{
    return ready;
}

psa_status_t rp_ck_random(uint8_t *out, size_t n)
{
    while (n > 0) {
        size_t c = n < RP_DRBG_MAX_REQUEST ? n : RP_DRBG_MAX_REQUEST;
        if (rp_drbg_generate(&drbg, out, c, 0, 0, 0) != 0)
            return PSA_ERROR_INSUFFICIENT_ENTROPY;
        out += c;
        n -= c;
    }
    return PSA_SUCCESS;
}

int rp_ck_rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    return rp_ck_random(out, n) == PSA_SUCCESS ? 0 : -1;
}

psa_status_t rp_crypto_generate_random(int32_t client, uint8_t *output, size_t output_size)
{
    (void)client;
    if (!ready)
        return PSA_ERROR_BAD_STATE;
    return rp_ck_random(output, output_size);
}

static uint8_t stage[RP_CRYPTO_STAGE_BYTES];

void rp_ck_unstage(const uint8_t *in, size_t n)
{
    if (in == stage)
        rp_wipe(stage, n);
}

psa_status_t rp_ck_stage(const uint8_t **in, size_t n, const uint8_t *out, size_t out_n)
{
    uintptr_t a = (uintptr_t)*in, b = (uintptr_t)out;
    if (n == 0 || out_n == 0 || a + n <= b || b + out_n <= a)
        return PSA_SUCCESS;
    if (n > sizeof stage)
        return PSA_ERROR_INSUFFICIENT_MEMORY;
    memcpy(stage, *in, n);
    *in = stage;
    return PSA_SUCCESS;
}

rp_hash_id rp_ck_hash_id(psa_algorithm_t hash)
{
    switch (hash) {
    case PSA_ALG_SHA_1: return RP_HASH_SHA1;
    case PSA_ALG_SHA_224: return RP_HASH_SHA224;
    case PSA_ALG_SHA_256: return RP_HASH_SHA256;
    case PSA_ALG_SHA_384: return RP_HASH_SHA384;
    case PSA_ALG_SHA_512: return RP_HASH_SHA512;
    default: return (rp_hash_id)0;
    }
}

/* ---------------- curves ---------------- */
#if RP_CRYPTO_WITH_ECC
static const struct rp_ecc p256 = {
    32, rp_p256_check_private, rp_p256_check_public, rp_p256_public_from_private,
    rp_p256_keygen, rp_p256_sign, rp_p256_sign_det, rp_p256_verify, rp_p256_ecdh
};
static const struct rp_ecc p384 = {
    48, rp_p384_check_private, rp_p384_check_public, rp_p384_public_from_private,
    rp_p384_keygen, rp_p384_sign, rp_p384_sign_det, rp_p384_verify, rp_p384_ecdh
};

const struct rp_ecc *rp_ck_ecc(psa_key_type_t type, size_t bits)
{
    if (!PSA_KEY_TYPE_IS_ECC(type) || PSA_KEY_TYPE_ECC_GET_FAMILY(type) != PSA_ECC_FAMILY_SECP_R1)
        return 0;
    return bits == 256 ? &p256 : bits == 384 ? &p384 : 0;
}
#else
/* A build without elliptic curves (RP_CRYPTO_WITH_ECC 0): every ECC key type and
 * algorithm is PSA_ERROR_NOT_SUPPORTED, and P-256/P-384 are not linked in. */
const struct rp_ecc *rp_ck_ecc(psa_key_type_t type, size_t bits)
{
    (void)type;
    (void)bits;
    return 0;
}
#endif

#if RP_CRYPTO_WITH_RSA
rp_rsa_private rp_ck_rsa;

int rp_ck_rsa_load(const struct rp_key *k)
{
    if (k->attr.type == PSA_KEY_TYPE_RSA_KEY_PAIR)
        return rp_rsa_private_import(&rp_ck_rsa, k->data, k->len) == RP_RSA_OK ? 0 : -1;
    return rp_rsa_public_import(&rp_ck_rsa.pub, k->data, k->len) == RP_RSA_OK ? 0 : -1;
}

/* RSA key material: DER RSAPrivateKey / RSAPublicKey; *bits = the modulus size. */
static psa_status_t check_rsa(psa_key_type_t type, const uint8_t *d, size_t len,
                              size_t *bits)
{
    struct rp_key k;
    int r;
    k.attr.type = type;
    k.data = d;
    k.len = len;
    r = rp_ck_rsa_load(&k);
    *bits = rp_ck_rsa.pub.bits;
    rp_wipe(&rp_ck_rsa, sizeof rp_ck_rsa);
    return r == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}
#endif

/* ---------------- policy ---------------- */
/* Length rule shared by MAC truncation and AEAD tags: an at-least policy permits lengths
 * from its minimum up, any other policy exactly its own length. */
static int length_permits(int at_least, size_t policy_len, size_t len)
{
    return at_least ? len >= policy_len : len == policy_len;
}

int rp_ck_permits(psa_algorithm_t policy, psa_algorithm_t alg, psa_key_type_t type,
                  size_t bits)
{
    (void)bits;   /* MAC lengths depend on the key type only */
    if (alg == PSA_ALG_NONE)
        return 0;
    if (policy == alg)
        return 1;
    if (PSA_ALG_IS_HASH_AND_SIGN(policy) && PSA_ALG_IS_HASH_AND_SIGN(alg) &&
        PSA_ALG_SIGN_GET_HASH(policy) == PSA_ALG_ANY_HASH) {
        return (policy & ~PSA_ALG_HASH_MASK) == (alg & ~PSA_ALG_HASH_MASK) &&
               PSA_ALG_IS_HASH(PSA_ALG_SIGN_GET_HASH(alg)) &&
               PSA_ALG_SIGN_GET_HASH(alg) != PSA_ALG_ANY_HASH;
    }
    if (PSA_ALG_IS_MAC(policy) && PSA_ALG_IS_MAC(alg)) {
        return PSA_ALG_FULL_LENGTH_MAC(policy) == PSA_ALG_FULL_LENGTH_MAC(alg) &&
               length_permits((policy & PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG) != 0,
                              PSA_MAC_LENGTH(type, bits, policy),
                              PSA_MAC_LENGTH(type, bits, alg));
    }
    if (PSA_ALG_IS_AEAD(policy) && PSA_ALG_IS_AEAD(alg)) {
        return PSA_ALG_AEAD_WITH_SHORTENED_TAG(policy, 0) ==
                   PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg, 0) &&
               length_permits((policy & PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG) != 0,
                              PSA_ALG_AEAD_GET_TAG_LENGTH(policy),
                              PSA_ALG_AEAD_GET_TAG_LENGTH(alg));
    }
    return 0;
}

/* Usage flags as stored: SIGN_HASH implies SIGN_MESSAGE, VERIFY_HASH implies
 * VERIFY_MESSAGE (Crypto API 1.1, 9.5.2). */
static psa_key_usage_t usage_normalise(psa_key_usage_t u)
{
    if (u & PSA_KEY_USAGE_SIGN_HASH)
        u |= PSA_KEY_USAGE_SIGN_MESSAGE;
    if (u & PSA_KEY_USAGE_VERIFY_HASH)
        u |= PSA_KEY_USAGE_VERIFY_MESSAGE;
    return u;
}

/* ---------------- key material validation ---------------- */
static int is_unstructured_supported(psa_key_type_t t)
{
    return t == PSA_KEY_TYPE_RAW_DATA || t == PSA_KEY_TYPE_HMAC ||
           t == PSA_KEY_TYPE_DERIVE || t == PSA_KEY_TYPE_PASSWORD ||
           t == PSA_KEY_TYPE_PASSWORD_HASH || t == PSA_KEY_TYPE_PEPPER ||
           t == PSA_KEY_TYPE_AES || t == PSA_KEY_TYPE_CHACHA20;
}

/* Checks that len bytes are valid material for the type (and for attr bits when those
 * are non-zero); *bits receives the key size. */
static psa_status_t check_material(psa_key_type_t type, size_t attr_bits, const uint8_t *d,
                                   size_t len, size_t *bits)
{
    psa_ecc_family_t fam = PSA_KEY_TYPE_ECC_GET_FAMILY(type);

    if (type == PSA_KEY_TYPE_NONE || len == 0)
        return PSA_ERROR_INVALID_ARGUMENT;
    if (len > RP_CRYPTO_KEY_MAX_BYTES)
        return PSA_ERROR_NOT_SUPPORTED;
    if (is_unstructured_supported(type)) {
        if ((type == PSA_KEY_TYPE_AES && len != 16 && len != 24 && len != 32) ||
            (type == PSA_KEY_TYPE_CHACHA20 && len != 32))
            return PSA_ERROR_INVALID_ARGUMENT;
        *bits = len * 8u;
    } else if (PSA_KEY_TYPE_IS_ECC(type) && fam == PSA_ECC_FAMILY_SECP_R1 &&
               RP_CRYPTO_WITH_ECC) {
        /* key pair: the scalar (32 or 48 bytes); public key: 0x04 || X || Y */
        int pair = PSA_KEY_TYPE_IS_KEY_PAIR(type);
        const struct rp_ecc *e = rp_ck_ecc(type, len == (pair ? 32u : 65u) ? 256 :
                                                 len == (pair ? 48u : 97u) ? 384 : 0);
        if (attr_bits != 0 && !rp_ck_ecc(type, attr_bits))
            return PSA_ERROR_NOT_SUPPORTED;   /* secp192r1, secp224r1, secp521r1 */
        if (!e)
            return PSA_ERROR_INVALID_ARGUMENT;
        if ((pair ? e->check_private(d) : e->check_public(d)) != RP_ECC_OK)
            return PSA_ERROR_INVALID_ARGUMENT;
        *bits = e->bytes * 8u;
#if RP_CRYPTO_WITH_RSA
    } else if (PSA_KEY_TYPE_IS_RSA(type)) {
        psa_status_t st = check_rsa(type, d, len, bits);
        if (st != PSA_SUCCESS)
            return st;
#endif
    } else {
        return PSA_ERROR_NOT_SUPPORTED;       /* DH, other curves, DES, ... */
    }
    if (attr_bits != 0 && attr_bits != *bits)
        return PSA_ERROR_INVALID_ARGUMENT;
    return PSA_SUCCESS;
}

/* ---------------- persistent records ----------------
 * v1: "RPK" 0x01 | type u16 | bits u16 | lifetime u32 | usage u32 | alg u32 | len u32 |
 * material (little-endian). */

/* Version 1: the header and the material. Version 2 (an ECC key pair only): the same, then
 * its public key (pn bytes, 0x04 || X || Y), so that using the key does not recompute it. */
static size_t record_encode(const psa_key_attributes_t *a, const uint8_t *d, size_t len,
                            const uint8_t *pub, size_t pn)
{
    record[0] = 'R'; record[1] = 'P'; record[2] = 'K'; record[3] = pn ? 2 : 1;
    rp_ck_put_le32(record + 4, (uint32_t)a->type | (uint32_t)a->bits << 16);
    rp_ck_put_le32(record + 8, a->lifetime);
    rp_ck_put_le32(record + 12, a->usage);
    rp_ck_put_le32(record + 16, a->alg);
    rp_ck_put_le32(record + 20, (uint32_t)len);
    memcpy(record + 24, d, len);
    memcpy(record + 24 + len, pub, pn);
    return 24 + len + pn;
}

/* The size of the public key a version-2 record of this type carries: an ECC key pair's
 * (2 * coordinate bytes + 1), 0 for any other type (which only version 1 may hold). */
static size_t record_pub_len(psa_key_type_t type, size_t bits)
{
    const struct rp_ecc *e = rp_ck_ecc(type, bits);
    return PSA_KEY_TYPE_IS_KEY_PAIR(type) && e ? 2 * e->bytes + 1 : 0;
}

/* Loads (client, id) into k (material in scratch). */
static psa_status_t record_load(int32_t client, psa_key_id_t id, struct rp_key *k)
{
    size_t n = 0, len, pn;
    psa_status_t st = store->get(store->ctx, client, id, record, sizeof record, &n);

    if (st == PSA_ERROR_DOES_NOT_EXIST)
        return PSA_ERROR_INVALID_HANDLE;
    if (st != PSA_SUCCESS)
        return st;
    k->attr.type = (psa_key_type_t)(n >= 24 ? rp_ck_get_le32(record + 4) : 0);
    k->attr.bits = (psa_key_bits_t)(n >= 24 ? rp_ck_get_le32(record + 4) >> 16 : 0);
    len = n >= 24 ? rp_ck_get_le32(record + 20) : 0;
    pn = n >= 24 && record[3] == 2 ? record_pub_len(k->attr.type, k->attr.bits) : 0;
    if (n < 24 || n > sizeof record || record[0] != 'R' || record[1] != 'P' ||
        record[2] != 'K' || (record[3] != 1 && record[3] != 2) || len > n - 24 ||
        n - 24 - len != pn || (record[3] == 2 && (pn == 0 || record[24 + len] != 0x04))) {
        rp_wipe(record, sizeof record);
        return PSA_ERROR_DATA_CORRUPT;
    }
    k->attr.lifetime = rp_ck_get_le32(record + 8);
    k->attr.usage = rp_ck_get_le32(record + 12);
    k->attr.alg = rp_ck_get_le32(record + 16);
    k->attr.id = id;
    memcpy(scratch, record + 24, len + pn);   /* n <= sizeof record: fits scratch */
    rp_wipe(record, sizeof record);
    k->data = scratch;
    k->len = len;
    k->pub = pn != 0 ? scratch + len : 0;
    return PSA_SUCCESS;
}

/* ---------------- builtin keys ---------------- */
/* HKDF-SHA-256(salt "Rampart builtin v1", HUK, info label || be32(arg)) -> out[32]. */
static void huk_derive(const char *label, size_t label_len, uint32_t arg, uint8_t out[32])
{
    static const uint8_t salt[] = "Rampart builtin v1";
    uint8_t huk[32], info[24];
    memcpy(info, label, label_len);
    info[label_len] = (uint8_t)(arg >> 24);
    info[label_len + 1] = (uint8_t)(arg >> 16);
    info[label_len + 2] = (uint8_t)(arg >> 8);
    info[label_len + 3] = (uint8_t)arg;
    rp_crypto_platform_huk(huk);
    (void)rp_hkdf(RP_HASH_SHA256, salt, sizeof salt - 1, huk, sizeof huk, info,
                  label_len + 4, out, 32);
    rp_wipe(huk, sizeof huk);
    rp_wipe(info, sizeof info);
}

static psa_status_t builtin_load(int32_t client, psa_key_id_t id, struct rp_key *k)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    a.id = id;
    a.lifetime = PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_READ_ONLY,
                                                                PSA_KEY_LOCATION_LOCAL_STORAGE);
    a.bits = 256;
    if (id == RP_BUILTIN_KEY_ID_IAK && client > 0 && RP_CRYPTO_WITH_ECC) {
        uint32_t i = 0;
        a.type = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
        a.usage = usage_normalise(PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH);
        a.alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
        do {   /* a scalar outside [1, n-1] has probability ~2^-32: derive the next */
            huk_derive("iak", 3, i++, scratch);
        } while (rp_p256_check_private(scratch) != RP_P256_OK);
    } else if (id == RP_BUILTIN_KEY_ID_PLATFORM_DERIVE) {
        a.type = PSA_KEY_TYPE_DERIVE;
        a.usage = PSA_KEY_USAGE_DERIVE;
        a.alg = PSA_ALG_HKDF(PSA_ALG_SHA_256);
        huk_derive("platform-derive", 15, (uint32_t)client, scratch);
    } else {
        return PSA_ERROR_INVALID_HANDLE;
    }
    k->attr = a;
    k->data = scratch;
    k->len = 32;
    return PSA_SUCCESS;
}

static int is_builtin(psa_key_id_t id)
{
    return id >= RP_BUILTIN_KEY_ID_MIN && id <= RP_BUILTIN_KEY_ID_MAX;
}

static int is_volatile_id(psa_key_id_t id)
{
    return id >= PSA_KEY_ID_VENDOR_MIN && id < RP_BUILTIN_KEY_ID_MIN;
}

/* ---------------- slots ---------------- */
static struct slot *slot_find(int32_t client, psa_key_id_t id)
{
    for (unsigned i = 0; i < RP_CRYPTO_KEY_SLOTS; i++) {
        if (slots[i].attr.id == id && slots[i].owner == client)
            return &slots[i];
    }
    return 0;
}

/* Removes s (material and cached public key), closing the gap in the arena. */
static void slot_free(struct slot *s)
{
    size_t off = s->off, len = (size_t)s->len + s->pub_len;
    for (size_t i = off; i + len < arena_used; i++)
        arena[i] = arena[i + len];
    rp_wipe(arena + arena_used - len, len);
    arena_used -= len;
    for (unsigned i = 0; i < RP_CRYPTO_KEY_SLOTS; i++) {
        if (slots[i].attr.id != 0 && slots[i].off > off)
            slots[i].off = (uint16_t)(slots[i].off - len);
    }
    rp_wipe(s, sizeof *s);
}

static psa_key_id_t volatile_id_next(void)
{
    for (;;) {
        psa_key_id_t id = next_volatile++;
        int used = 0;
        if (!is_volatile_id(next_volatile))
            next_volatile = PSA_KEY_ID_VENDOR_MIN;
        for (unsigned i = 0; i < RP_CRYPTO_KEY_SLOTS; i++)
            used |= slots[i].attr.id == id;
        if (!used)
            return id;
    }
}

static psa_status_t find(int32_t client, psa_key_id_t id, struct rp_key *k)
{
    struct slot *s;
    k->pub = 0;
    if (!ready)
        return PSA_ERROR_BAD_STATE;
    if (is_builtin(id))
        return builtin_load(client, id, k);
    if (id >= PSA_KEY_ID_USER_MIN && id <= PSA_KEY_ID_USER_MAX)
        return record_load(client, id, k);
    s = is_volatile_id(id) ? slot_find(client, id) : 0;
    if (!s)
        return PSA_ERROR_INVALID_HANDLE;
    k->attr = s->attr;
    k->data = arena + s->off;
    k->len = s->len;
    k->pub = s->pub_len != 0 ? arena + s->off + s->len : 0;
    return PSA_SUCCESS;
}

psa_status_t rp_ck_get(int32_t client, psa_key_id_t id, psa_key_usage_t usage,
                       psa_algorithm_t alg, struct rp_key *k)
{
    psa_status_t st = find(client, id, k);
    if (st != PSA_SUCCESS)
        return st;
    if ((k->attr.usage & usage) != usage ||
        (alg != 0 && !rp_ck_permits(k->attr.alg, alg, k->attr.type, k->attr.bits))) {
        rp_ck_put(k);
        return PSA_ERROR_NOT_PERMITTED;
    }
    return PSA_SUCCESS;
}

void rp_ck_put(struct rp_key *k)
{
    if (k->data == scratch)
        rp_wipe(scratch, sizeof scratch);
    k->data = 0;
    k->len = 0;
}

/* Checks the lifetime and id of a key to be created (Crypto API 1.1 9.4, 9.6). */
static psa_status_t check_lifetime(const psa_key_attributes_t *a)
{
    psa_key_persistence_t p = PSA_KEY_LIFETIME_GET_PERSISTENCE(a->lifetime);
    if (PSA_KEY_LIFETIME_GET_LOCATION(a->lifetime) != PSA_KEY_LOCATION_LOCAL_STORAGE)
        return PSA_ERROR_INVALID_ARGUMENT;
    if (p == PSA_KEY_PERSISTENCE_VOLATILE)
        return a->id == PSA_KEY_ID_NULL ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
    if (p == PSA_KEY_PERSISTENCE_READ_ONLY)
        return PSA_ERROR_NOT_PERMITTED;
    if (a->id < PSA_KEY_ID_USER_MIN || a->id > PSA_KEY_ID_USER_MAX)
        return PSA_ERROR_INVALID_ARGUMENT;
    return PSA_SUCCESS;
}

static int reclaim(void);

/* A free key slot with room for len more bytes in the arena, or -1. */
static int free_slot(size_t len)
{
    if (len > RP_CRYPTO_KEY_ARENA - arena_used)
        return -1;
    for (int i = 0; i < (int)RP_CRYPTO_KEY_SLOTS; i++) {
        if (slots[i].attr.id == 0)
            return i;
    }
    return -1;
}

/* The public key of an ECC key pair, kept in its slot (volatile) or its record (persistent,
 * format v2) so that verification and export of the public key do not redo a scalar
 * multiplication per call. in: a validated
 * key pair (d, len), pub its public key when the caller already has it (key generation:
 * free) or 0; out: pub_out[0 .. *n) (n = 0 for every other key type). The public key is
 * computed here, at creation, rather than at first use: every verification then costs
 * the same, and the slot needs no state that changes after creation. */
static psa_status_t slot_public(const psa_key_attributes_t *a, const uint8_t *d,
                                const uint8_t *pub, uint8_t pub_out[2 * RP_ECC_MAX_BYTES + 1],
                                size_t *n)
{
    const struct rp_ecc *e = rp_ck_ecc(a->type, a->bits);
    *n = 0;
    if (!PSA_KEY_TYPE_IS_KEY_PAIR(a->type) || !e)
        return PSA_SUCCESS;
    if (pub)
        memcpy(pub_out, pub, 2 * e->bytes + 1);
    else if (e->public_from_private(pub_out, d) != RP_ECC_OK)
        return PSA_ERROR_CORRUPTION_DETECTED;
    *n = 2 * e->bytes + 1;
    return PSA_SUCCESS;
}

/* Stores validated material under attr (bits set) for client; pub: the public key of an
 * ECC key pair when the caller has it (else 0: computed here, once). */
static psa_status_t key_store(int32_t client, psa_key_attributes_t *a, const uint8_t *d,
                              size_t len, const uint8_t *pub, psa_key_id_t *id)
{
    uint8_t p[2 * RP_ECC_MAX_BYTES + 1];
    size_t pn = 0;
    psa_status_t st;

    a->usage = usage_normalise(a->usage);
    if (!PSA_KEY_LIFETIME_IS_VOLATILE(a->lifetime)) {
        size_t n;
        st = store->get(store->ctx, client, a->id, record, 0, &n);
        if (st == PSA_SUCCESS)
            return PSA_ERROR_ALREADY_EXISTS;
        if (st == PSA_ERROR_DOES_NOT_EXIST)
            st = slot_public(a, d, pub, p, &pn);
        if (st != PSA_SUCCESS)
            return st;
        st = store->set(store->ctx, client, a->id, record, record_encode(a, d, len, p, pn));
        rp_wipe(record, sizeof record);
        if (st == PSA_SUCCESS)
            *id = a->id;
        return st;
    }
    st = slot_public(a, d, pub, p, &pn);
    if (st != PSA_SUCCESS)
        return st;
    int i = free_slot(len + pn);
    if (i < 0 && reclaim())   /* full, but partly by clients that are gone */
        i = free_slot(len + pn);
    if (i < 0)
        return PSA_ERROR_INSUFFICIENT_MEMORY;
    a->id = volatile_id_next();
    slots[i].owner = client;
    slots[i].attr = *a;
    slots[i].off = (uint16_t)arena_used;
    slots[i].len = (uint16_t)len;
    slots[i].pub_len = (uint16_t)pn;
    memcpy(arena + arena_used, d, len);
    memcpy(arena + arena_used + len, p, pn);
    arena_used += len + pn;
    *id = a->id;
    return PSA_SUCCESS;
}

/* rp_ck_create with the public key of an ECC key pair when the caller has it (or 0). */
static psa_status_t create(int32_t client, const psa_key_attributes_t *attributes,
                           const uint8_t *data, size_t len, const uint8_t *pub,
                           psa_key_id_t *id)
{
    psa_key_attributes_t a = *attributes;
    size_t bits = 0;
    psa_status_t st;

    *id = PSA_KEY_ID_NULL;
    if (!ready)
        return PSA_ERROR_BAD_STATE;
    st = check_lifetime(&a);
    if (st == PSA_SUCCESS)
        st = check_material(a.type, a.bits, data, len, &bits);
    if (st != PSA_SUCCESS)
        return st;
    a.bits = (psa_key_bits_t)bits;
    return key_store(client, &a, data, len, pub, id);
}

psa_status_t rp_ck_create(int32_t client, const psa_key_attributes_t *attributes,
                          const uint8_t *data, size_t len, psa_key_id_t *id)
{
    return create(client, attributes, data, len, 0, id);
}

/* ---------------- key management API ---------------- */
psa_status_t rp_crypto_import_key(int32_t client, const psa_key_attributes_t *attributes,
                                  const uint8_t *data, size_t data_length, psa_key_id_t *key)
{
    return rp_ck_create(client, attributes, data, data_length, key);
}

/* Size of the key material generate_key makes for a type and size, or 0 if unsupported
 * (*st says why). */
static size_t gen_size(psa_key_type_t type, size_t bits, psa_status_t *st)
{
    *st = PSA_SUCCESS;
    if (bits == 0 || PSA_KEY_TYPE_IS_PUBLIC_KEY(type) || type == PSA_KEY_TYPE_NONE) {
        *st = PSA_ERROR_INVALID_ARGUMENT;
        return 0;
    }
    if (is_unstructured_supported(type) && bits % 8 == 0 &&
        bits / 8 <= RP_CRYPTO_KEY_MAX_BYTES)
        return bits / 8;
    if (PSA_KEY_TYPE_IS_KEY_PAIR(type) && rp_ck_ecc(type, bits))
        return rp_ck_ecc(type, bits)->bytes;
    *st = is_unstructured_supported(type) && bits % 8 != 0 ? PSA_ERROR_INVALID_ARGUMENT
                                                            : PSA_ERROR_NOT_SUPPORTED;
    return 0;
}

#if RP_CRYPTO_WITH_RSA
/* RSA-2048 only (the primitive's key generation), e = 65537; stored as RSAPrivateKey. */
static psa_status_t generate_rsa(int32_t client, const psa_key_attributes_t *attributes,
                                 psa_key_id_t *key)
{
    size_t n = 0;
    psa_status_t st = attributes->bits == 2048 ? check_lifetime(attributes)
                      : attributes->bits == 0 ? PSA_ERROR_INVALID_ARGUMENT
                                              : PSA_ERROR_NOT_SUPPORTED;
    if (st == PSA_SUCCESS && rp_rsa_keygen(&rp_ck_rsa, 2048, rp_ck_rng, 0) != RP_RSA_OK)
        st = PSA_ERROR_INSUFFICIENT_ENTROPY;
    if (st == PSA_SUCCESS &&
        rp_rsa_private_export(&rp_ck_rsa, scratch, sizeof scratch, &n) != RP_RSA_OK)
        st = PSA_ERROR_CORRUPTION_DETECTED;
    rp_wipe(&rp_ck_rsa, sizeof rp_ck_rsa);
    if (st == PSA_SUCCESS)
        st = rp_ck_create(client, attributes, scratch, n, key);
    rp_wipe(scratch, sizeof scratch);
    return st;
}
#endif

psa_status_t rp_crypto_generate_key(int32_t client, const psa_key_attributes_t *attributes,
                                    psa_key_id_t *key)
{
    psa_status_t st;
    size_t n;
    uint8_t pub[2 * RP_ECC_MAX_BYTES + 1];

    *key = PSA_KEY_ID_NULL;
    if (!ready)
        return PSA_ERROR_BAD_STATE;
#if RP_CRYPTO_WITH_RSA
    if (attributes->type == PSA_KEY_TYPE_RSA_KEY_PAIR)
        return generate_rsa(client, attributes, key);
#endif
    n = gen_size(attributes->type, attributes->bits, &st);
    if (st == PSA_SUCCESS)
        st = check_lifetime(attributes);
    if (st != PSA_SUCCESS)
        return st;
    if (PSA_KEY_TYPE_IS_ECC(attributes->type))
        st = rp_ck_ecc(attributes->type, attributes->bits)->keygen(scratch, pub, rp_ck_rng, 0)
                 == RP_ECC_OK ? PSA_SUCCESS : PSA_ERROR_INSUFFICIENT_ENTROPY;
    else
        st = rp_ck_random(scratch, n);
    if (st == PSA_SUCCESS)
        st = create(client, attributes, scratch, n,
                    PSA_KEY_TYPE_IS_ECC(attributes->type) ? pub : 0, key);
    rp_wipe(scratch, sizeof scratch);
    return st;
}

psa_status_t rp_crypto_get_key_attributes(int32_t client, psa_key_id_t key,
                                          psa_key_attributes_t *attributes)
{
    struct rp_key k;
    psa_status_t st = find(client, key, &k);
    *attributes = psa_key_attributes_init();
    if (st != PSA_SUCCESS)
        return st;
    *attributes = k.attr;
    rp_ck_put(&k);
    return PSA_SUCCESS;
}

/* The intersection of two permitted-algorithm policies (Crypto API 1.1 psa_copy_key):
 * equal, or the one a wildcard permits; else PSA_ALG_NONE with *ok = 0. */
static psa_algorithm_t policy_meet(psa_algorithm_t a, psa_algorithm_t b,
                                   const psa_key_attributes_t *k, int *ok)
{
    *ok = 1;
    if (a == b)
        return a;
    if (rp_ck_permits(a, b, k->type, k->bits))
        return b;
    if (rp_ck_permits(b, a, k->type, k->bits))
        return a;
    *ok = 0;
    return PSA_ALG_NONE;
}

psa_status_t rp_crypto_copy_key(int32_t client, psa_key_id_t source_key,
                                const psa_key_attributes_t *attributes,
                                psa_key_id_t *target_key)
{
    struct rp_key k;
    psa_key_attributes_t a = *attributes;
    int ok;
    psa_status_t st;

    *target_key = PSA_KEY_ID_NULL;
    st = rp_ck_get(client, source_key, PSA_KEY_USAGE_COPY, 0, &k);
    if (st != PSA_SUCCESS)
        return st;
    if ((a.type != 0 && a.type != k.attr.type) || (a.bits != 0 && a.bits != k.attr.bits)) {
        rp_ck_put(&k);
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    a.type = k.attr.type;
    a.bits = k.attr.bits;
    a.usage = usage_normalise(a.usage) & k.attr.usage;
    a.alg = policy_meet(a.alg, k.attr.alg, &k.attr, &ok);
    st = ok ? check_lifetime(&a) : PSA_ERROR_INVALID_ARGUMENT;
    if (st == PSA_SUCCESS) {
        /* the source may sit in scratch; key_store copies it before anything reuses it */
        st = key_store(client, &a, k.data, k.len, k.pub, target_key);
    }
    rp_ck_put(&k);
    return st;
}

psa_status_t rp_crypto_destroy_key(int32_t client, psa_key_id_t key)
{
    struct slot *s;
    if (key == PSA_KEY_ID_NULL)
        return PSA_SUCCESS;
    if (!ready)
        return PSA_ERROR_BAD_STATE;
    if (is_builtin(key)) {
        struct rp_key k;
        psa_status_t st = builtin_load(client, key, &k);
        if (st == PSA_SUCCESS)
            rp_ck_put(&k);
        return st == PSA_SUCCESS ? PSA_ERROR_NOT_PERMITTED : st;
    }
    if (key >= PSA_KEY_ID_USER_MIN && key <= PSA_KEY_ID_USER_MAX) {
        psa_status_t st = store->remove(store->ctx, client, key);
        return st == PSA_ERROR_DOES_NOT_EXIST ? PSA_ERROR_INVALID_HANDLE : st;
    }
    s = is_volatile_id(key) ? slot_find(client, key) : 0;
    if (!s)
        return PSA_ERROR_INVALID_HANDLE;
    slot_free(s);
    return PSA_SUCCESS;
}

/* Nothing is cached: a persistent key is read from storage on each use and its copy
 * wiped at the end of the call, so purging only has to confirm that the key exists. */
psa_status_t rp_crypto_purge_key(int32_t client, psa_key_id_t key)
{
    struct rp_key k;
    psa_status_t st = find(client, key, &k);
    if (st == PSA_SUCCESS)
        rp_ck_put(&k);
    return st;
}

/* Writes the public key of k (a key pair or a public key): 0x04 || X || Y. */
static psa_status_t public_of(const struct rp_key *k, uint8_t *out, size_t size,
                              size_t *len)
{
    const struct rp_ecc *e = rp_ck_ecc(k->attr.type, k->attr.bits);
    size_t n;
#if RP_CRYPTO_WITH_RSA
    if (PSA_KEY_TYPE_IS_RSA(k->attr.type)) {
        int r = rp_ck_rsa_load(k);
        r = r == 0 ? rp_rsa_public_export(&rp_ck_rsa.pub, out, size, len) : -1;
        rp_wipe(&rp_ck_rsa, sizeof rp_ck_rsa);
        return r == RP_RSA_OK ? PSA_SUCCESS
               : r == RP_RSA_ERR_BUFFER ? PSA_ERROR_BUFFER_TOO_SMALL
                                        : PSA_ERROR_CORRUPTION_DETECTED;
    }
#endif
    if (!PSA_KEY_TYPE_IS_ASYMMETRIC(k->attr.type) || !e)
        return PSA_ERROR_INVALID_ARGUMENT;
    n = 2 * e->bytes + 1;
    if (size < n)
        return PSA_ERROR_BUFFER_TOO_SMALL;
    if (PSA_KEY_TYPE_IS_PUBLIC_KEY(k->attr.type))
        memcpy(out, k->data, n);
    else if (k->pub)
        memcpy(out, k->pub, n);
    else if (e->public_from_private(out, k->data) != RP_ECC_OK)
        return PSA_ERROR_CORRUPTION_DETECTED;
    *len = n;
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_export_key(int32_t client, psa_key_id_t key, uint8_t *data,
                                  size_t data_size, size_t *data_length)
{
    struct rp_key k;
    psa_status_t st = find(client, key, &k);
    *data_length = 0;
    if (st != PSA_SUCCESS)
        return st;
    if (!(k.attr.usage & PSA_KEY_USAGE_EXPORT) && !PSA_KEY_TYPE_IS_PUBLIC_KEY(k.attr.type))
        st = PSA_ERROR_NOT_PERMITTED;
    else if (data_size < k.len)
        st = PSA_ERROR_BUFFER_TOO_SMALL;
    else {
        memcpy(data, k.data, k.len);
        *data_length = k.len;
    }
    rp_ck_put(&k);
    return st;
}

psa_status_t rp_crypto_export_public_key(int32_t client, psa_key_id_t key, uint8_t *data,
                                         size_t data_size, size_t *data_length)
{
    struct rp_key k;
    psa_status_t st = find(client, key, &k);
    *data_length = 0;
    if (st != PSA_SUCCESS)
        return st;
    st = public_of(&k, data, data_size, data_length);
    rp_ck_put(&k);
    return st;
}

/* ---------------- operation pool ---------------- */
size_t rp_crypto_client_ops(int32_t client)
{
    size_t n = 0;
    for (unsigned i = 0; i < RP_CRYPTO_OPS; i++)
        n += ops[i].handle != 0 && ops[i].owner == client;
    return n;
}

size_t rp_crypto_client_keys(int32_t client)
{
    size_t n = 0;
    for (unsigned i = 0; i < RP_CRYPTO_KEY_SLOTS; i++)
        n += slots[i].attr.id != 0 && slots[i].owner == client;
    return n;
}

static int free_op(void)
{
    for (int i = 0; i < (int)RP_CRYPTO_OPS; i++) {
        if (ops[i].handle == 0)
            return i;
    }
    return -1;
}

psa_status_t rp_op_new(int32_t client, uint8_t kind, uint32_t *handle, struct rp_op **op)
{
    int i;
    if (!ready)
        return PSA_ERROR_BAD_STATE;
    if (*handle != 0)
        return PSA_ERROR_BAD_STATE;
    if (rp_crypto_client_ops(client) >= RP_CRYPTO_OPS_PER_CLIENT)
        return PSA_ERROR_INSUFFICIENT_MEMORY;
    i = free_op();
    if (i < 0 && reclaim())   /* all taken, but some by clients that are gone */
        i = free_op();
    if (i < 0)
        return PSA_ERROR_INSUFFICIENT_MEMORY;
    /* handle = generation << 8 | slot + 1: a stale handle never matches again */
    op_generation = (op_generation + 1) & 0xffffffu;
    if (op_generation == 0)
        op_generation = 1;
    memset(&ops[i], 0, sizeof ops[i]);
    ops[i].owner = client;
    ops[i].kind = kind;
    ops[i].handle = op_generation << 8 | (uint32_t)(i + 1);
    *handle = ops[i].handle;
    *op = &ops[i];
    return PSA_SUCCESS;
}

struct rp_op *rp_op_get(int32_t client, uint32_t handle, uint8_t kind)
{
    uint32_t i = (handle & 0xffu) - 1u;
    if (handle == 0 || i >= RP_CRYPTO_OPS || ops[i].handle != handle ||
        ops[i].owner != client || ops[i].kind != kind)
        return 0;
    return &ops[i];
}

void rp_op_free(struct rp_op *op, uint32_t *handle)
{
    rp_wipe(op, sizeof *op);
    *handle = 0;
}

psa_status_t rp_op_fail(struct rp_op *op, uint32_t *handle, psa_status_t st)
{
    if (st != PSA_SUCCESS && op)
        rp_op_free(op, handle);
    return st;
}

psa_status_t rp_crypto_abort(int32_t client, uint32_t *op)
{
    uint32_t i = (*op & 0xffu) - 1u;
    if (*op != 0 && i < RP_CRYPTO_OPS && ops[i].handle == *op && ops[i].owner == client)
        rp_wipe(&ops[i], sizeof ops[i]);
    *op = 0;
    return PSA_SUCCESS;
}

static int (*client_alive)(int32_t client);

void rp_crypto_set_client_alive(int (*alive)(int32_t client))
{
    client_alive = alive;
}

/* Frees what clients that are gone own (see rp_crypto_set_client_alive).
 * out: 1 if something was freed. */
static int reclaim(void)
{
    int freed = 0;
    if (!client_alive)
        return 0;
    for (unsigned i = 0; i < RP_CRYPTO_OPS; i++) {
        if (ops[i].handle != 0 && !client_alive(ops[i].owner)) {
            rp_crypto_client_gone(ops[i].owner);
            freed = 1;
        }
    }
    for (unsigned i = 0; i < RP_CRYPTO_KEY_SLOTS; i++) {
        if (slots[i].attr.id != 0 && !client_alive(slots[i].owner)) {
            rp_crypto_client_gone(slots[i].owner);
            freed = 1;
        }
    }
    return freed;
}

void rp_crypto_client_gone(int32_t client)
{
    for (unsigned i = 0; i < RP_CRYPTO_OPS; i++) {
        if (ops[i].handle != 0 && ops[i].owner == client)
            rp_wipe(&ops[i], sizeof ops[i]);
    }
    for (unsigned i = 0; i < RP_CRYPTO_KEY_SLOTS; i++) {
        if (slots[i].attr.id != 0 && slots[i].owner == client)
            slot_free(&slots[i]);
    }
}
