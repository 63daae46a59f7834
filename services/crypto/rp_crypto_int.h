/* rp_crypto_int.h - what the crypto core's files share: resolved keys, the operation pool
 * and small helpers. Private to services/crypto/rp_crypto_*.c. */
#ifndef RP_CRYPTO_INT_H
#define RP_CRYPTO_INT_H

#include "rp_crypto_core.h"
#include "rp_sha2.h"
#include "rp_hmac.h"
#include "rp_aes.h"
#include "rp_chachapoly.h"

/* A key resolved for the duration of one call. data points into the volatile arena or
 * into the core's scratch buffer (persistent and builtin keys); rp_ck_put wipes the
 * scratch. pub: for an ECC key pair, its public key (0x04 || X || Y) computed once when
 * the key was made and kept next to the scalar (in the arena, or in a version-2 record);
 * 0 for every other key, for the builtin IAK and for version-1 records, whose users
 * derive it per call. Never keep a struct rp_key across calls. */
struct rp_key {
    psa_key_attributes_t attr;
    const uint8_t *data;
    size_t len;
    const uint8_t *pub;
};

int rp_ck_ready(void);
/* Finds client's key and checks that its policy has every bit of usage and permits alg
 * (alg 0: no algorithm check). PSA_ERROR_INVALID_HANDLE (no such key for this client),
 * PSA_ERROR_NOT_PERMITTED, PSA_ERROR_BAD_STATE (core not initialised), storage errors. */
psa_status_t rp_ck_get(int32_t client, psa_key_id_t id, psa_key_usage_t usage,
                       psa_algorithm_t alg, struct rp_key *k);
void rp_ck_put(struct rp_key *k);
/* Whether policy (a key's permitted algorithm, maybe a wildcard) permits alg for a key of
 * this type and size. */
int rp_ck_permits(psa_algorithm_t policy, psa_algorithm_t alg, psa_key_type_t type,
                  size_t bits);
/* Creates a key from already-made material (derivation): validates it like an import. */
psa_status_t rp_ck_create(int32_t client, const psa_key_attributes_t *attributes,
                          const uint8_t *data, size_t len, psa_key_id_t *id);
psa_status_t rp_ck_random(uint8_t *out, size_t n);
int rp_ck_rng(void *ctx, uint8_t *out, size_t n); /* rp_rng_fn over the DRBG */
/* The specification lets input and output buffers overlap (Crypto API 1.1, 5.4.4). A
 * call whose output may be written before all of an input is read passes that input
 * through here first: when [*in, *in + n) overlaps [out, out + out_n) the input is copied
 * to the core's staging buffer and *in points there. PSA_SUCCESS, or
 * PSA_ERROR_INSUFFICIENT_MEMORY for an overlapping input above RP_CRYPTO_STAGE_BYTES. */
#define RP_CRYPTO_STAGE_BYTES 1088u
psa_status_t rp_ck_stage(const uint8_t **in, size_t n, const uint8_t *out, size_t out_n);
/* After the call: wipes the staged copy if in points into the staging buffer. */
void rp_ck_unstage(const uint8_t *in, size_t n);
/* A Weierstrass curve of the secp_r1 family: the primitives' functions (rp_p256.h,
 * rp_p384.h share one shape and one set of status values; see those headers). */
typedef int (*rp_ecc_rng)(void *ctx, uint8_t *out, size_t n);
struct rp_ecc {
    size_t bytes;                  /* scalar / coordinate size: 32 or 48 */
    int (*check_private)(const uint8_t *priv);
    int (*check_public)(const uint8_t *pub);
    int (*public_from_private)(uint8_t *pub, const uint8_t *priv);
    int (*keygen)(uint8_t *priv, uint8_t *pub, rp_ecc_rng rng, void *ctx);
    int (*sign)(uint8_t *sig, const uint8_t *priv, const uint8_t *h, size_t n,
                rp_ecc_rng rng, void *ctx);
    int (*sign_det)(uint8_t *sig, const uint8_t *priv, const uint8_t *h, size_t n);
    int (*verify)(const uint8_t *sig, const uint8_t *pub, const uint8_t *h, size_t n);
    int (*ecdh)(uint8_t *shared, const uint8_t *priv, const uint8_t *peer);
};
#define RP_ECC_OK         0
#define RP_ECC_ERR_RNG   (-2)
#define RP_ECC_MAX_BYTES  48u
/* The curve of an ECC key type and size (secp256r1, secp384r1), or NULL. */
const struct rp_ecc *rp_ck_ecc(psa_key_type_t type, size_t bits);
#if RP_CRYPTO_WITH_RSA
#include "rp_rsa.h"
/* The one RSA key structure of the core (2.3 KB: static, the core is not reentrant):
 * loaded from a key's DER for the duration of one call, then wiped. */
extern rp_rsa_private rp_ck_rsa;
/* Loads k (RSA key pair or public key) into rp_ck_rsa; 0 or -1 (bad DER). */
int rp_ck_rsa_load(const struct rp_key *k);
#endif
/* Little-endian 32-bit fields of the storage formats (key records, chunked records). */
static inline void rp_ck_put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static inline uint32_t rp_ck_get_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* PSA hash algorithm -> rp_hash_id; 0 when Rampart has no such hash. */
rp_hash_id rp_ck_hash_id(psa_algorithm_t hash);

/* ---- operation pool ---- */
enum { RP_OP_HASH = 1, RP_OP_MAC, RP_OP_CIPHER, RP_OP_AEAD, RP_OP_KDF };
enum { RP_AEAD_GCM = 1, RP_AEAD_CCM, RP_AEAD_CHACHAPOLY };

struct rp_op_hash {
    psa_algorithm_t alg;
    rp_hash_ctx ctx;
};

struct rp_op_mac {
    psa_algorithm_t alg;
    uint8_t len, verify, cmac;
    union {
        rp_hmac_ctx h;
        rp_cmac_ctx c;
    } u;
};

struct rp_op_cipher {
    psa_algorithm_t alg;
    uint8_t decrypt, mode, iv_set;
    rp_cipher_ctx ctx;    /* keyed at setup, started by the IV */
};

struct rp_op_aead {
    psa_algorithm_t alg;
    uint8_t decrypt, kind, tag_len, key_len, nonce_len;
    uint8_t nonce_set, lengths_set, started, text_phase;
    uint8_t key[32];      /* kept until the cipher can start, then wiped */
    uint8_t nonce[13];
    uint64_t ad_total, text_total, ad_done, text_done;
    union {
        rp_gcm_ctx g;
        rp_ccm_ctx c;
        rp_chachapoly_ctx p;
    } u;
};

struct rp_op_kdf {
    psa_algorithm_t alg;      /* as set up (may be a key agreement) */
    psa_algorithm_t kdf;      /* the key derivation part */
    rp_hash_id hid;
    uint8_t hlen;
    uint8_t step;             /* last input step accepted (order check) */
    uint8_t have;             /* RP_KDF_HAVE_* bits */
    uint8_t block_used;       /* bytes of block already output */
    uint8_t counter;          /* HKDF block counter / TLS A(i) index */
    uint32_t cost;            /* PBKDF2 iteration count (0: not given yet) */
    uint32_t index;           /* PBKDF2 block index i of the last block */
    size_t capacity;
    uint16_t seed_len, tail_len; /* buf = seed || label (TLS), or info (HKDF) */
    uint16_t other_len;
    rp_hmac_ctx prf;          /* HMAC keyed with PRK / the TLS secret, never finished */
    uint8_t a[RP_HASH_MAX_SIZE];     /* TLS A(i); PBKDF2-AES-CMAC-PRF-128: the AES key */
    uint8_t block[RP_HASH_MAX_SIZE]; /* current output block */
    uint8_t buf[RP_CRYPTO_KDF_BUF];  /* PBKDF2: the salt (seed_len bytes) */
};
#define RP_KDF_HAVE_SALT     0x01
#define RP_KDF_HAVE_SECRET   0x02
#define RP_KDF_HAVE_TAIL     0x04   /* info or label */
#define RP_KDF_HAVE_SEED     0x08
#define RP_KDF_HAVE_OTHER    0x10
#define RP_KDF_SECRET_KEY    0x20   /* secret came from a key: output_key allowed */
#define RP_KDF_VERIFY_ONLY   0x40   /* a VERIFY_DERIVATION-only key was input */
#define RP_KDF_OUTPUT        0x80   /* output started: no more input */

struct rp_op {
    int32_t owner;
    uint32_t handle;          /* 0 = free */
    uint8_t kind;
    union {
        struct rp_op_hash hash;
        struct rp_op_mac mac;
        struct rp_op_cipher cipher;
        struct rp_op_aead aead;
        struct rp_op_kdf kdf;
    } u;
};

/* A new operation for client: requires *handle == 0 (else PSA_ERROR_BAD_STATE); limits
 * give PSA_ERROR_INSUFFICIENT_MEMORY. On success *handle names it. */
psa_status_t rp_op_new(int32_t client, uint8_t kind, uint32_t *handle, struct rp_op **op);
/* The client's live operation of this kind named by handle, or NULL. */
struct rp_op *rp_op_get(int32_t client, uint32_t handle, uint8_t kind);
/* Wipes and frees op, sets *handle = 0. */
void rp_op_free(struct rp_op *op, uint32_t *handle);
/* Frees op when st is an error (the spec's error state); returns st. */
psa_status_t rp_op_fail(struct rp_op *op, uint32_t *handle, psa_status_t st);

#endif
