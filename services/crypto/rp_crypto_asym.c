/* rp_crypto_asym.c - signatures, asymmetric encryption, key agreement and key derivation
 * of the crypto core. Contract: rp_crypto_core.h.
 * Public-key primitives present today: P-256 and P-384 (crypto/include/rp_p256.h,
 * rp_p384.h, through struct rp_ecc) and, when RP_CRYPTO_WITH_RSA, RSA (rp_rsa.h). */
#include <string.h>
#include "rp_crypto_int.h"
#include "rp_ct.h"

/* ================= signatures ================= */
static psa_status_t sign_alg_check(psa_algorithm_t alg, int message)
{
    if (!PSA_ALG_IS_SIGN(alg))
        return PSA_ERROR_INVALID_ARGUMENT;
    if (message ? !PSA_ALG_IS_SIGN_MESSAGE(alg) : !PSA_ALG_IS_SIGN_HASH(alg))
        return PSA_ERROR_INVALID_ARGUMENT;
    if (PSA_ALG_IS_HASH_AND_SIGN(alg) && PSA_ALG_SIGN_GET_HASH(alg) == PSA_ALG_ANY_HASH)
        return PSA_ERROR_INVALID_ARGUMENT;   /* a wildcard is a policy, not an algorithm */
    return PSA_SUCCESS;
}

/* Checks the key against an ECDSA algorithm and produces the hash to sign:
 * message: hash the input with the algorithm's hash; else check the hash length.
 * h receives up to 64 bytes. */
static psa_status_t sign_input(const struct rp_key *k, psa_algorithm_t alg, int message,
                               const uint8_t *in, size_t n, uint8_t h[64], size_t *hlen)
{
    psa_algorithm_t hash = PSA_ALG_SIGN_GET_HASH(alg);
    rp_hash_id id = hash ? rp_ck_hash_id(hash) : (rp_hash_id)0;

    if (PSA_KEY_TYPE_IS_RSA(k->attr.type)) {
        if (!PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) && !PSA_ALG_IS_RSA_PSS(alg))
            return PSA_ERROR_INVALID_ARGUMENT;
        if (!id)
            return PSA_ERROR_NOT_SUPPORTED;  /* PKCS#1 v1.5 raw, unsupported hashes */
    } else {
        if (!rp_ck_ecc(k->attr.type, k->attr.bits) || !PSA_ALG_IS_ECDSA(alg))
            return PSA_ERROR_INVALID_ARGUMENT;
        if (hash && !id)
            return PSA_ERROR_NOT_SUPPORTED;
        if (PSA_ALG_ECDSA_IS_DETERMINISTIC(alg) && (id == RP_HASH_SHA1 || !id))
            return PSA_ERROR_NOT_SUPPORTED;  /* RFC 6979 over SHA-2 only here */
    }
    if (message) {
        (void)rp_hash(id, in, n, h);
        *hlen = rp_hash_size(id);
        return PSA_SUCCESS;
    }
    if ((id && n != rp_hash_size(id)) || n == 0 || n > 64)
        return PSA_ERROR_INVALID_ARGUMENT;
    memcpy(h, in, n);
    *hlen = n;
    return PSA_SUCCESS;
}

#if RP_CRYPTO_WITH_RSA
/* The one mapping of the RSA primitive's results. */
static psa_status_t rsa_status(int r)
{
    switch (r) {
    case RP_RSA_OK: return PSA_SUCCESS;
    case RP_RSA_ERR_INPUT: return PSA_ERROR_INVALID_ARGUMENT;
    case RP_RSA_ERR_RNG: return PSA_ERROR_INSUFFICIENT_ENTROPY;
    case RP_RSA_ERR_VERIFY: return PSA_ERROR_INVALID_SIGNATURE;
    case RP_RSA_ERR_DECRYPT: return PSA_ERROR_INVALID_PADDING;
    case RP_RSA_ERR_BUFFER: return PSA_ERROR_BUFFER_TOO_SMALL;
    default: return PSA_ERROR_CORRUPTION_DETECTED;
    }
}

/* PKCS#1 v1.5 or PSS (salt = hash length, RFC 8017 9.1 / PSA_ALG_RSA_PSS) signature of
 * hash h with key pair k. */
static psa_status_t rsa_sign(const struct rp_key *k, psa_algorithm_t alg, const uint8_t *h,
                             size_t hlen, uint8_t *sig, size_t size, size_t *len)
{
    rp_hash_id id = rp_ck_hash_id(PSA_ALG_SIGN_GET_HASH(alg));
    int r;
    if (k->attr.type != PSA_KEY_TYPE_RSA_KEY_PAIR)
        return PSA_ERROR_INVALID_ARGUMENT;
    if (rp_ck_rsa_load(k) != 0)
        r = RP_RSA_ERR_FAULT;    /* validated at import: a failure now is corruption */
    else if (size < rp_rsa_bytes(&rp_ck_rsa.pub))
        r = RP_RSA_ERR_BUFFER;
    else if (PSA_ALG_IS_RSA_PSS(alg))
        r = rp_rsa_pss_sign(&rp_ck_rsa, id, h, hlen, sig, rp_ck_rng, 0);
    else
        r = rp_rsa_pkcs1_sign(&rp_ck_rsa, id, h, sig, rp_ck_rng, 0);
    *len = r == RP_RSA_OK ? rp_rsa_bytes(&rp_ck_rsa.pub) : 0;
    rp_wipe(&rp_ck_rsa, sizeof rp_ck_rsa);
    return rsa_status(r);
}

/* Verification with a key pair or public key; PSS_ANY_SALT accepts any salt length. */
static psa_status_t rsa_verify(const struct rp_key *k, psa_algorithm_t alg,
                               const uint8_t *h, size_t hlen, const uint8_t *sig,
                               size_t sig_len)
{
    rp_hash_id id = rp_ck_hash_id(PSA_ALG_SIGN_GET_HASH(alg));
    int r;
    if (rp_ck_rsa_load(k) != 0)
        r = RP_RSA_ERR_FAULT;
    else if (sig_len != rp_rsa_bytes(&rp_ck_rsa.pub))
        r = RP_RSA_ERR_VERIFY;
    else if (PSA_ALG_IS_RSA_PSS(alg))
        r = rp_rsa_pss_verify(&rp_ck_rsa.pub, id, h,
                              PSA_ALG_IS_RSA_PSS_ANY_SALT(alg) ? RP_RSA_PSS_ANY_SALT : hlen,
                              sig, sig_len);
    else
        r = rp_rsa_pkcs1_verify(&rp_ck_rsa.pub, id, h, sig, sig_len);
    rp_wipe(&rp_ck_rsa, sizeof rp_ck_rsa);
    return r == RP_RSA_ERR_INPUT ? PSA_ERROR_INVALID_SIGNATURE : rsa_status(r);
}
#endif

psa_status_t rp_crypto_sign(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                            int message, const uint8_t *input, size_t input_length,
                            uint8_t *signature, size_t signature_size,
                            size_t *signature_length)
{
    struct rp_key k;
    const struct rp_ecc *e;
    static uint8_t h[64];   /* off the secure stack (the core is not reentrant) */
    size_t hlen = 0;
    int r;
    psa_status_t st = sign_alg_check(alg, message);

    *signature_length = 0;
    if (st == PSA_SUCCESS)
        st = rp_ck_get(client, key, message ? PSA_KEY_USAGE_SIGN_MESSAGE
                                            : PSA_KEY_USAGE_SIGN_HASH, alg, &k);
    if (st != PSA_SUCCESS)
        return st;
    st = sign_input(&k, alg, message, input, input_length, h, &hlen);
#if RP_CRYPTO_WITH_RSA
    if (st == PSA_SUCCESS && PSA_KEY_TYPE_IS_RSA(k.attr.type)) {
        st = rsa_sign(&k, alg, h, hlen, signature, signature_size, signature_length);
        rp_ck_put(&k);
        rp_wipe(h, sizeof h);
        return st;
    }
#endif
    if (st == PSA_SUCCESS && !PSA_KEY_TYPE_IS_KEY_PAIR(k.attr.type))
        st = PSA_ERROR_INVALID_ARGUMENT;
    e = rp_ck_ecc(k.attr.type, k.attr.bits);
    if (st == PSA_SUCCESS && signature_size < 2 * e->bytes)
        st = PSA_ERROR_BUFFER_TOO_SMALL;
    if (st == PSA_SUCCESS) {
        r = PSA_ALG_ECDSA_IS_DETERMINISTIC(alg)
                ? e->sign_det(signature, k.data, h, hlen)
                : e->sign(signature, k.data, h, hlen, rp_ck_rng, 0);
        st = r == RP_ECC_OK ? PSA_SUCCESS
             : r == RP_ECC_ERR_RNG ? PSA_ERROR_INSUFFICIENT_ENTROPY
                                   : PSA_ERROR_CORRUPTION_DETECTED;
        *signature_length = st == PSA_SUCCESS ? 2 * e->bytes : 0;
    }
    rp_ck_put(&k);
    rp_wipe(h, sizeof h);
    return st;
}

psa_status_t rp_crypto_verify(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                              int message, const uint8_t *input, size_t input_length,
                              const uint8_t *signature, size_t signature_length)
{
    struct rp_key k;
    const struct rp_ecc *e;
    static uint8_t h[64], pub[2 * RP_ECC_MAX_BYTES + 1];   /* off the secure stack */
    size_t hlen = 0;
    psa_status_t st = sign_alg_check(alg, message);

    if (st == PSA_SUCCESS)
        st = rp_ck_get(client, key, message ? PSA_KEY_USAGE_VERIFY_MESSAGE
                                            : PSA_KEY_USAGE_VERIFY_HASH, alg, &k);
    if (st != PSA_SUCCESS)
        return st;
    st = sign_input(&k, alg, message, input, input_length, h, &hlen);
#if RP_CRYPTO_WITH_RSA
    if (st == PSA_SUCCESS && PSA_KEY_TYPE_IS_RSA(k.attr.type)) {
        st = rsa_verify(&k, alg, h, hlen, signature, signature_length);
        rp_ck_put(&k);
        return st;
    }
#endif
    /* a key pair made here carries its public key (k.pub); the builtin IAK and version-1
     * records derive it */
    e = rp_ck_ecc(k.attr.type, k.attr.bits);
    if (st == PSA_SUCCESS && PSA_KEY_TYPE_IS_KEY_PAIR(k.attr.type) && !k.pub &&
        e->public_from_private(pub, k.data) != RP_ECC_OK)
        st = PSA_ERROR_CORRUPTION_DETECTED;
    else if (st == PSA_SUCCESS && !PSA_KEY_TYPE_IS_KEY_PAIR(k.attr.type))
        memcpy(pub, k.data, 2 * e->bytes + 1);
    if (st == PSA_SUCCESS && (signature_length != 2 * e->bytes ||
                              e->verify(signature, k.pub ? k.pub : pub, h,
                                        hlen) != RP_ECC_OK))
        st = PSA_ERROR_INVALID_SIGNATURE;
    rp_ck_put(&k);
    return st;
}

/* ================= asymmetric encryption ================= */
#if RP_CRYPTO_WITH_RSA
/* RSAES-OAEP (label = salt) or RSAES-PKCS1-v1_5 with k; decryption needs the key pair and
 * a ciphertext of the modulus size. An input that overlaps the output is staged. */
static psa_status_t rsa_crypt(const struct rp_key *k, psa_algorithm_t alg, int decrypt,
                              const uint8_t *in, size_t n, const uint8_t *salt,
                              size_t salt_len, uint8_t *out, size_t size, size_t *len)
{
    int oaep = PSA_ALG_IS_RSA_OAEP(alg);
    rp_hash_id id = oaep ? rp_ck_hash_id(PSA_ALG_GET_HASH(alg)) : (rp_hash_id)0;
    psa_status_t st;
    int r;
    if (oaep && !id)
        return PSA_ERROR_NOT_SUPPORTED;
    if (decrypt && k->attr.type != PSA_KEY_TYPE_RSA_KEY_PAIR)
        return PSA_ERROR_INVALID_ARGUMENT;
    st = rp_ck_stage(&in, n, out, size);
    if (st != PSA_SUCCESS)
        return st;
    if (rp_ck_rsa_load(k) != 0)
        r = RP_RSA_ERR_FAULT;
    else if (!decrypt && size < rp_rsa_bytes(&rp_ck_rsa.pub))
        r = RP_RSA_ERR_BUFFER;
    else if (decrypt && n != rp_rsa_bytes(&rp_ck_rsa.pub))
        r = RP_RSA_ERR_INPUT;
    else if (!decrypt)
        r = oaep ? rp_rsa_oaep_encrypt(&rp_ck_rsa.pub, id, salt, salt_len, in, n, out,
                                       rp_ck_rng, 0)
                 : rp_rsa_pkcs1_encrypt(&rp_ck_rsa.pub, in, n, out, rp_ck_rng, 0);
    else
        r = oaep ? rp_rsa_oaep_decrypt(&rp_ck_rsa, id, salt, salt_len, in, n, out, size, len,
                                       rp_ck_rng, 0)
                 : rp_rsa_pkcs1_decrypt(&rp_ck_rsa, in, n, out, size, len, rp_ck_rng, 0);
    if (!decrypt && r == RP_RSA_OK)
        *len = rp_rsa_bytes(&rp_ck_rsa.pub);
    if (r != RP_RSA_OK)
        *len = 0;
    rp_wipe(&rp_ck_rsa, sizeof rp_ck_rsa);
    rp_ck_unstage(in, n);
    return rsa_status(r);
}
#endif

psa_status_t rp_crypto_asymmetric_crypt(int32_t client, psa_key_id_t key,
                                        psa_algorithm_t alg, int decrypt,
                                        const uint8_t *input, size_t input_length,
                                        const uint8_t *salt, size_t salt_length,
                                        uint8_t *output, size_t output_size,
                                        size_t *output_length)
{
    struct rp_key k;
    psa_status_t st;

    *output_length = 0;
    if (!PSA_ALG_IS_RSA_OAEP(alg) && alg != PSA_ALG_RSA_PKCS1V15_CRYPT)
        return PSA_ERROR_INVALID_ARGUMENT;
    if (alg == PSA_ALG_RSA_PKCS1V15_CRYPT && salt_length != 0)
        return PSA_ERROR_INVALID_ARGUMENT;
    st = rp_ck_get(client, key, decrypt ? PSA_KEY_USAGE_DECRYPT : PSA_KEY_USAGE_ENCRYPT,
                   alg, &k);
    if (st != PSA_SUCCESS)
        return st;
    /* RSA is the only asymmetric encryption */
    if (!PSA_KEY_TYPE_IS_RSA(k.attr.type))
        st = PSA_ERROR_INVALID_ARGUMENT;
    else
#if RP_CRYPTO_WITH_RSA
        st = rsa_crypt(&k, alg, decrypt, input, input_length, salt, salt_length, output,
                       output_size, output_length);
#else
        st = PSA_ERROR_NOT_SUPPORTED;
    (void)input; (void)input_length; (void)salt; (void)output; (void)output_size;
#endif
    rp_ck_put(&k);
    return st;
}

/* ================= key agreement ================= */
/* ECDH of key k (a secp_r1 key pair) with a peer's public key (0x04 || X || Y of the
 * same curve): out receives X of the shared point, *n = its size. */
static psa_status_t ecdh(const struct rp_key *k, const uint8_t *peer, size_t peer_len,
                         uint8_t out[RP_ECC_MAX_BYTES], size_t *n)
{
    const struct rp_ecc *e = rp_ck_ecc(k->attr.type, k->attr.bits);
    if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(k->attr.type) || !e)
        return PSA_ERROR_INVALID_ARGUMENT;
    if (peer_len != 2 * e->bytes + 1 || e->ecdh(out, k->data, peer) != RP_ECC_OK)
        return PSA_ERROR_INVALID_ARGUMENT;
    *n = e->bytes;
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_raw_key_agreement(int32_t client, psa_algorithm_t alg,
                                         psa_key_id_t private_key, const uint8_t *peer_key,
                                         size_t peer_key_length, uint8_t *output,
                                         size_t output_size, size_t *output_length)
{
    struct rp_key k;
    uint8_t s[RP_ECC_MAX_BYTES];
    size_t n = 0;
    psa_status_t st;

    *output_length = 0;
    if (!PSA_ALG_IS_RAW_KEY_AGREEMENT(alg))
        return PSA_ERROR_INVALID_ARGUMENT;
    if (!PSA_ALG_IS_ECDH(alg))
        return PSA_ERROR_NOT_SUPPORTED;       /* FFDH */
    st = rp_ck_get(client, private_key, PSA_KEY_USAGE_DERIVE, alg, &k);
    if (st != PSA_SUCCESS)
        return st;
    st = ecdh(&k, peer_key, peer_key_length, s, &n);
    if (st == PSA_SUCCESS && output_size < n)
        st = PSA_ERROR_BUFFER_TOO_SMALL;
    if (st == PSA_SUCCESS) {
        memcpy(output, s, n);
        *output_length = n;
    }
    rp_wipe(s, sizeof s);
    rp_ck_put(&k);
    return st;
}

/* ================= key derivation ================= */
static int is_pbkdf2(psa_algorithm_t kdf)
{
    return PSA_ALG_IS_PBKDF2_HMAC(kdf) || kdf == PSA_ALG_PBKDF2_AES_CMAC_PRF_128;
}

static psa_status_t kdf_alg(psa_algorithm_t alg, struct rp_op_kdf *d)
{
    psa_algorithm_t kdf = alg;
    if (PSA_ALG_IS_KEY_AGREEMENT(alg)) {
        if (PSA_ALG_IS_RAW_KEY_AGREEMENT(alg))
            return PSA_ERROR_INVALID_ARGUMENT;
        if (!PSA_ALG_IS_ECDH(alg))
            return PSA_ERROR_NOT_SUPPORTED;
        kdf = PSA_ALG_KEY_AGREEMENT_GET_KDF(alg);
    }
    if (!PSA_ALG_IS_KEY_DERIVATION(kdf))
        return PSA_ERROR_INVALID_ARGUMENT;
    if (kdf == PSA_ALG_PBKDF2_AES_CMAC_PRF_128) {
        d->hlen = 16;
    } else if (!PSA_ALG_IS_HKDF(kdf) && !PSA_ALG_IS_HKDF_EXTRACT(kdf) &&
               !PSA_ALG_IS_HKDF_EXPAND(kdf) && !PSA_ALG_IS_TLS12_PRF(kdf) &&
               !PSA_ALG_IS_TLS12_PSK_TO_MS(kdf) && !PSA_ALG_IS_PBKDF2_HMAC(kdf)) {
        return PSA_ERROR_NOT_SUPPORTED;       /* EC J-PAKE to PMS */
    } else {
        d->hid = rp_ck_hash_id(PSA_ALG_GET_HASH(kdf));
        if (!d->hid)
            return PSA_ERROR_NOT_SUPPORTED;
        d->hlen = (uint8_t)rp_hash_size(d->hid);
    }
    if (is_pbkdf2(kdf) && PSA_ALG_IS_KEY_AGREEMENT(alg))
        return PSA_ERROR_INVALID_ARGUMENT;    /* its secret is a password, not a share */
    d->alg = alg;
    d->kdf = kdf;
    d->block_used = d->hlen;
    if (is_pbkdf2(kdf))   /* RFC 8018 5.2: at most (2^32 - 1) blocks */
        d->capacity = (size_t)-1 / d->hlen > 0xFFFFFFFFu ? (size_t)0xFFFFFFFFu * d->hlen
                                                         : (size_t)-1;
    else
        d->capacity = PSA_ALG_IS_HKDF_EXTRACT(kdf) ? d->hlen : 255u * d->hlen;
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_kdf_setup(int32_t client, uint32_t *op, psa_algorithm_t alg)
{
    struct rp_op *o = 0;
    psa_status_t st = rp_op_new(client, RP_OP_KDF, op, &o);
    if (st != PSA_SUCCESS)
        return st;
    return rp_op_fail(o, op, kdf_alg(alg, &o->u.kdf));
}

psa_status_t rp_crypto_kdf_get_capacity(int32_t client, uint32_t op, size_t *capacity)
{
    struct rp_op *o = rp_op_get(client, op, RP_OP_KDF);
    *capacity = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    *capacity = o->u.kdf.capacity;
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_kdf_set_capacity(int32_t client, uint32_t *op, size_t capacity)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_KDF);
    if (!o)
        return PSA_ERROR_BAD_STATE;
    if (capacity > o->u.kdf.capacity)
        return rp_op_fail(o, op, PSA_ERROR_INVALID_ARGUMENT);
    o->u.kdf.capacity = capacity;
    return PSA_SUCCESS;
}

/* PBKDF2 (Crypto API 1.1, PSA_ALG_PBKDF2_HMAC): the cost first (an integer), then the
 * salt (zero or more times, concatenated), then the password. */
static psa_status_t pbkdf2_step_check(const struct rp_op_kdf *d, psa_key_derivation_step_t s)
{
    switch (s) {
    case PSA_KEY_DERIVATION_INPUT_COST:
        return d->cost ? PSA_ERROR_BAD_STATE : PSA_SUCCESS;
    case PSA_KEY_DERIVATION_INPUT_SALT:
    case PSA_KEY_DERIVATION_INPUT_PASSWORD:
        return !d->cost || (d->have & RP_KDF_HAVE_SECRET) ? PSA_ERROR_BAD_STATE : PSA_SUCCESS;
    default:
        return PSA_ERROR_INVALID_ARGUMENT;
    }
}

/* Order rules (Crypto API 1.1, 10.6): HKDF: salt before secret, info any time (once);
 * HKDF-Extract: salt, secret; HKDF-Expand: secret and info; TLS 1.2 PRF: seed, secret,
 * label; PSK-to-MS: seed, other secret (optional), secret, label. A step the algorithm
 * does not take is INVALID_ARGUMENT, a repeated or late one BAD_STATE. */
static psa_status_t kdf_step_check(const struct rp_op_kdf *d, psa_key_derivation_step_t s)
{
    int hkdf = PSA_ALG_IS_HKDF(d->kdf), ext = PSA_ALG_IS_HKDF_EXTRACT(d->kdf);
    int exp = PSA_ALG_IS_HKDF_EXPAND(d->kdf), psk = PSA_ALG_IS_TLS12_PSK_TO_MS(d->kdf);
    int tls = PSA_ALG_IS_TLS12_PRF(d->kdf) || psk;

    if (d->have & RP_KDF_OUTPUT)
        return PSA_ERROR_BAD_STATE;
    if (is_pbkdf2(d->kdf))
        return pbkdf2_step_check(d, s);
    switch (s) {
    case PSA_KEY_DERIVATION_INPUT_SALT:
        if (!hkdf && !ext)
            return PSA_ERROR_INVALID_ARGUMENT;
        return d->have & (RP_KDF_HAVE_SALT | RP_KDF_HAVE_SECRET) ? PSA_ERROR_BAD_STATE
                                                                : PSA_SUCCESS;
    case PSA_KEY_DERIVATION_INPUT_SECRET:
        if (d->have & RP_KDF_HAVE_SECRET)
            return PSA_ERROR_BAD_STATE;
        return tls && !(d->have & RP_KDF_HAVE_SEED) ? PSA_ERROR_BAD_STATE : PSA_SUCCESS;
    case PSA_KEY_DERIVATION_INPUT_INFO:
        if (!hkdf && !exp)
            return PSA_ERROR_INVALID_ARGUMENT;
        return d->have & RP_KDF_HAVE_TAIL ? PSA_ERROR_BAD_STATE : PSA_SUCCESS;
    case PSA_KEY_DERIVATION_INPUT_SEED:
        if (!tls)
            return PSA_ERROR_INVALID_ARGUMENT;
        return d->have ? PSA_ERROR_BAD_STATE : PSA_SUCCESS;
    case PSA_KEY_DERIVATION_INPUT_LABEL:
        if (!tls)
            return PSA_ERROR_INVALID_ARGUMENT;
        return (d->have & RP_KDF_HAVE_SECRET) && !(d->have & RP_KDF_HAVE_TAIL)
                   ? PSA_SUCCESS : PSA_ERROR_BAD_STATE;
    case PSA_KEY_DERIVATION_INPUT_OTHER_SECRET:
        if (!psk)
            return PSA_ERROR_INVALID_ARGUMENT;
        return (d->have & RP_KDF_HAVE_SEED) &&
               !(d->have & (RP_KDF_HAVE_OTHER | RP_KDF_HAVE_SECRET))
                   ? PSA_SUCCESS : PSA_ERROR_BAD_STATE;
    default:
        return PSA_ERROR_INVALID_ARGUMENT;
    }
}

/* RFC 4279 2: premaster = u16(N) || other (or N zeros) || u16(len) || psk; keys prf. */
static psa_status_t psk_premaster(struct rp_op_kdf *d, const uint8_t *psk, size_t len)
{
    uint8_t pm[4 + 2 * PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE];
    size_t n = d->other_len, o = d->have & RP_KDF_HAVE_OTHER ? n : len;

    if (len > PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE)
        return PSA_ERROR_INVALID_ARGUMENT;
    pm[0] = (uint8_t)(o >> 8);
    pm[1] = (uint8_t)o;
    if (d->have & RP_KDF_HAVE_OTHER)
        memcpy(pm + 2, d->buf + d->seed_len, n);
    else
        memset(pm + 2, 0, o);
    pm[2 + o] = (uint8_t)(len >> 8);
    pm[3 + o] = (uint8_t)len;
    memcpy(pm + 4 + o, psk, len);
    (void)rp_hmac_init(&d->prf, d->hid, pm, 4 + o + len);
    rp_wipe(pm, sizeof pm);
    rp_wipe(d->buf + d->seed_len, d->other_len);
    d->other_len = 0;
    return PSA_SUCCESS;
}

/* The secret step: HKDF(-Extract) computes PRK = HMAC(salt, secret) and keys the PRF
 * with it; Expand and TLS key it with the secret itself. */
static psa_status_t kdf_secret(struct rp_op_kdf *d, const uint8_t *s, size_t n)
{
    uint8_t zeros[RP_HASH_MAX_SIZE];
    if (PSA_ALG_IS_HKDF(d->kdf) || PSA_ALG_IS_HKDF_EXTRACT(d->kdf)) {
        if (!(d->have & RP_KDF_HAVE_SALT)) {
            memset(zeros, 0, sizeof zeros);
            (void)rp_hmac_init(&d->prf, d->hid, zeros, d->hlen);
        }
        rp_hmac_update(&d->prf, s, n);
        rp_hmac_final(&d->prf, d->block);
        if (PSA_ALG_IS_HKDF_EXTRACT(d->kdf)) {
            d->block_used = 0;    /* the output is PRK itself */
            return PSA_SUCCESS;
        }
        (void)rp_hmac_init(&d->prf, d->hid, d->block, d->hlen);
        rp_wipe(d->block, sizeof d->block);
        return PSA_SUCCESS;
    }
    if (PSA_ALG_IS_TLS12_PSK_TO_MS(d->kdf))
        return psk_premaster(d, s, n);
    (void)rp_hmac_init(&d->prf, d->hid, s, n);
    return PSA_SUCCESS;
}

/* PBKDF2 byte inputs, in the order pbkdf2_step_check allows: salt pieces are appended;
 * the password keys the PRF (HMAC; or for AES-CMAC-PRF-128, RFC 4615 3: the password
 * itself as the AES key when it is 16 bytes, else AES-CMAC(0^128, password)). */
static psa_status_t pbkdf2_input(struct rp_op_kdf *d, psa_key_derivation_step_t step,
                                 const uint8_t *data, size_t n)
{
    static const uint8_t zero[16];
    if (step == PSA_KEY_DERIVATION_INPUT_COST)
        return PSA_ERROR_INVALID_ARGUMENT;    /* an integer: input_integer */
    if (step == PSA_KEY_DERIVATION_INPUT_SALT) {
        if (n > RP_CRYPTO_KDF_BUF - (size_t)d->seed_len)
            return PSA_ERROR_INSUFFICIENT_MEMORY;
        memcpy(d->buf + d->seed_len, data, n);
        d->seed_len = (uint16_t)(d->seed_len + n);
        d->have |= RP_KDF_HAVE_SALT;
        return PSA_SUCCESS;
    }
    if (d->kdf != PSA_ALG_PBKDF2_AES_CMAC_PRF_128)
        (void)rp_hmac_init(&d->prf, d->hid, data, n);
    else if (n == 16)
        memcpy(d->a, data, 16);
    else
        (void)rp_aes_cmac(zero, 16, data, n, d->a);
    d->have |= RP_KDF_HAVE_SECRET;
    return PSA_SUCCESS;
}

static psa_status_t kdf_input(struct rp_op_kdf *d, psa_key_derivation_step_t step,
                              const uint8_t *data, size_t n)
{
    size_t used = (size_t)d->seed_len + d->other_len + d->tail_len;
    psa_status_t st = kdf_step_check(d, step);
    if (st != PSA_SUCCESS)
        return st;
    if (is_pbkdf2(d->kdf))
        return pbkdf2_input(d, step, data, n);
    switch (step) {
    case PSA_KEY_DERIVATION_INPUT_SALT:
        (void)rp_hmac_init(&d->prf, d->hid, data, n);
        d->have |= RP_KDF_HAVE_SALT;
        return PSA_SUCCESS;
    case PSA_KEY_DERIVATION_INPUT_SECRET:
        st = kdf_secret(d, data, n);
        d->have |= st == PSA_SUCCESS ? RP_KDF_HAVE_SECRET : 0;
        return st;
    default:
        break;
    }
    if (n > RP_CRYPTO_KDF_BUF - used)
        return PSA_ERROR_INSUFFICIENT_MEMORY;
    memcpy(d->buf + used, data, n);
    if (step == PSA_KEY_DERIVATION_INPUT_SEED) {
        d->seed_len = (uint16_t)n;
        d->have |= RP_KDF_HAVE_SEED;
    } else if (step == PSA_KEY_DERIVATION_INPUT_OTHER_SECRET) {
        if (n > PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE)
            return PSA_ERROR_INVALID_ARGUMENT;
        d->other_len = (uint16_t)n;
        d->have |= RP_KDF_HAVE_OTHER;
    } else {   /* info or label */
        d->tail_len = (uint16_t)n;
        d->have |= RP_KDF_HAVE_TAIL;
    }
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_kdf_input_bytes(int32_t client, uint32_t *op,
                                       psa_key_derivation_step_t step, const uint8_t *data,
                                       size_t data_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_KDF);
    if (!o)
        return PSA_ERROR_BAD_STATE;
    return rp_op_fail(o, op, kdf_input(&o->u.kdf, step, data, data_length));
}

psa_status_t rp_crypto_kdf_input_integer(int32_t client, uint32_t *op,
                                         psa_key_derivation_step_t step, uint64_t value)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_KDF);
    struct rp_op_kdf *d;
    psa_status_t st;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    d = &o->u.kdf;
    /* only PBKDF2 takes an integer: its cost, RFC 8018's c >= 1, capped so that no client
     * holds the partition unboundedly (RP_CRYPTO_PBKDF2_MAX_COST, rp_crypto_core.h) */
    if (!is_pbkdf2(d->kdf) || step != PSA_KEY_DERIVATION_INPUT_COST)
        return rp_op_fail(o, op, PSA_ERROR_INVALID_ARGUMENT);
    st = kdf_step_check(d, step);
    if (st == PSA_SUCCESS && value == 0)
        st = PSA_ERROR_INVALID_ARGUMENT;
    if (st == PSA_SUCCESS && value > RP_CRYPTO_PBKDF2_MAX_COST)
        st = PSA_ERROR_NOT_SUPPORTED;
    if (st == PSA_SUCCESS)
        d->cost = (uint32_t)value;
    return rp_op_fail(o, op, st);
}

/* The key types an input step takes (Crypto API 1.1, 10.6.2): the secrets DERIVE keys;
 * PBKDF2's password a PASSWORD or DERIVE key; a salt RAW_DATA or PEPPER; the others
 * RAW_DATA. */
static int input_key_type_ok(psa_key_derivation_step_t step, psa_key_type_t t)
{
    switch (step) {
    case PSA_KEY_DERIVATION_INPUT_SECRET:
    case PSA_KEY_DERIVATION_INPUT_OTHER_SECRET:
        return t == PSA_KEY_TYPE_DERIVE;
    case PSA_KEY_DERIVATION_INPUT_PASSWORD:
        return t == PSA_KEY_TYPE_PASSWORD || t == PSA_KEY_TYPE_DERIVE;
    case PSA_KEY_DERIVATION_INPUT_SALT:
        return t == PSA_KEY_TYPE_RAW_DATA || t == PSA_KEY_TYPE_PEPPER;
    default:
        return t == PSA_KEY_TYPE_RAW_DATA;
    }
}

/* input_key: a DERIVE or VERIFY_DERIVATION key of the type the step takes. */
static psa_status_t kdf_input_key(int32_t client, struct rp_op_kdf *d,
                                  psa_key_derivation_step_t step, psa_key_id_t key)
{
    struct rp_key k;
    psa_status_t st = rp_ck_get(client, key, 0, d->alg, &k);
    if (st != PSA_SUCCESS)
        return st;
    if (!(k.attr.usage & (PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_VERIFY_DERIVATION)))
        st = PSA_ERROR_NOT_PERMITTED;
    else if (!input_key_type_ok(step, k.attr.type))
        st = PSA_ERROR_INVALID_ARGUMENT;
    else
        st = kdf_input(d, step, k.data, k.len);
    if (st == PSA_SUCCESS && (step == PSA_KEY_DERIVATION_INPUT_SECRET ||
                              step == PSA_KEY_DERIVATION_INPUT_PASSWORD))
        d->have |= RP_KDF_SECRET_KEY;
    if (st == PSA_SUCCESS && !(k.attr.usage & PSA_KEY_USAGE_DERIVE))
        d->have |= RP_KDF_VERIFY_ONLY;
    rp_ck_put(&k);
    return st;
}

psa_status_t rp_crypto_kdf_input_key(int32_t client, uint32_t *op,
                                     psa_key_derivation_step_t step, psa_key_id_t key)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_KDF);
    if (!o)
        return PSA_ERROR_BAD_STATE;
    return rp_op_fail(o, op, kdf_input_key(client, &o->u.kdf, step, key));
}

static psa_status_t kdf_agree(int32_t client, struct rp_op_kdf *d,
                              psa_key_derivation_step_t step, psa_key_id_t key,
                              const uint8_t *peer, size_t peer_len)
{
    struct rp_key k;
    uint8_t s[RP_ECC_MAX_BYTES];
    size_t n = 0;
    psa_status_t st;
    if (!PSA_ALG_IS_KEY_AGREEMENT(d->alg) || step != PSA_KEY_DERIVATION_INPUT_SECRET)
        return PSA_ERROR_INVALID_ARGUMENT;
    st = rp_ck_get(client, key, PSA_KEY_USAGE_DERIVE, d->alg, &k);
    if (st != PSA_SUCCESS)
        return st;
    st = ecdh(&k, peer, peer_len, s, &n);
    rp_ck_put(&k);
    if (st == PSA_SUCCESS)
        st = kdf_input(d, step, s, n);
    if (st == PSA_SUCCESS)
        d->have |= RP_KDF_SECRET_KEY;
    rp_wipe(s, sizeof s);
    return st;
}

psa_status_t rp_crypto_kdf_key_agreement(int32_t client, uint32_t *op,
                                         psa_key_derivation_step_t step,
                                         psa_key_id_t private_key, const uint8_t *peer_key,
                                         size_t peer_key_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_KDF);
    if (!o)
        return PSA_ERROR_BAD_STATE;
    return rp_op_fail(o, op, kdf_agree(client, &o->u.kdf, step, private_key, peer_key,
                                       peer_key_length));
}

/* Whether every mandatory input has been given. */
static int kdf_complete(const struct rp_op_kdf *d)
{
    uint8_t need = RP_KDF_HAVE_SECRET;   /* PBKDF2: the password (so the cost too) */
    if (PSA_ALG_IS_HKDF(d->kdf) || PSA_ALG_IS_HKDF_EXPAND(d->kdf))
        need |= RP_KDF_HAVE_TAIL;
    if (PSA_ALG_IS_TLS12_PRF(d->kdf) || PSA_ALG_IS_TLS12_PSK_TO_MS(d->kdf))
        need |= RP_KDF_HAVE_TAIL | RP_KDF_HAVE_SEED;
    return (d->have & need) == need;
}

/* Next output block: HKDF-Expand T(i) = HMAC(PRK, T(i-1) || info || i) (RFC 5869 2.3);
 * TLS P_hash: A(i) = HMAC(secret, A(i-1)), block = HMAC(secret, A(i) || label || seed)
 * (RFC 5246 5). */
/* PBKDF2's PRF(password, m1 || m2) into out[hlen]: HMAC keyed in d->prf, or
 * AES-CMAC-PRF-128 under d->a (RFC 4615). */
static union { rp_hmac_ctx h; rp_cmac_ctx c; } pbkdf2_ctx; /* static, as in kdf_block */

static void pbkdf2_prf(struct rp_op_kdf *d, const uint8_t *m1, size_t n1, const uint8_t *m2,
                       size_t n2, uint8_t *out)
{
    if (d->kdf == PSA_ALG_PBKDF2_AES_CMAC_PRF_128) {
        (void)rp_cmac_init(&pbkdf2_ctx.c, d->a, 16);
        rp_cmac_update(&pbkdf2_ctx.c, m1, n1);
        rp_cmac_update(&pbkdf2_ctx.c, m2, n2);
        rp_cmac_final(&pbkdf2_ctx.c, out);
    } else {
        pbkdf2_ctx.h = d->prf;
        rp_hmac_update(&pbkdf2_ctx.h, m1, n1);
        rp_hmac_update(&pbkdf2_ctx.h, m2, n2);
        rp_hmac_final(&pbkdf2_ctx.h, out);
    }
}

/* RFC 8018 5.2: block T_i = U_1 ^ ... ^ U_c, U_1 = PRF(P, S || INT(i)),
 * U_j = PRF(P, U_{j-1}). */
static void pbkdf2_block(struct rp_op_kdf *d)
{
    uint8_t u[RP_HASH_MAX_SIZE], be[4];
    uint32_t i = ++d->index, j, k;
    be[0] = (uint8_t)(i >> 24);
    be[1] = (uint8_t)(i >> 16);
    be[2] = (uint8_t)(i >> 8);
    be[3] = (uint8_t)i;
    pbkdf2_prf(d, d->buf, d->seed_len, be, 4, u);
    memcpy(d->block, u, d->hlen);
    for (j = 1; j < d->cost; j++) {
        pbkdf2_prf(d, u, d->hlen, be, 0, u);
        for (k = 0; k < d->hlen; k++)
            d->block[k] ^= u[k];
    }
    rp_wipe(u, sizeof u);
    rp_wipe(&pbkdf2_ctx, sizeof pbkdf2_ctx);
    d->block_used = 0;
}

static void kdf_block(struct rp_op_kdf *d)
{
    static rp_hmac_ctx h;   /* static: 450 bytes off the secure stack (not reentrant) */
    if (is_pbkdf2(d->kdf)) {
        pbkdf2_block(d);
        return;
    }
    h = d->prf;
    const uint8_t *label = d->buf + d->seed_len;
    if (PSA_ALG_IS_HKDF(d->kdf) || PSA_ALG_IS_HKDF_EXPAND(d->kdf)) {
        uint8_t c = (uint8_t)(d->counter + 1);
        if (d->counter)
            rp_hmac_update(&h, d->block, d->hlen);
        rp_hmac_update(&h, d->buf, d->tail_len);
        rp_hmac_update(&h, &c, 1);
    } else {
        if (d->counter == 0) {
            rp_hmac_update(&h, label, d->tail_len);
            rp_hmac_update(&h, d->buf, d->seed_len);
        } else {
            rp_hmac_update(&h, d->a, d->hlen);
        }
        rp_hmac_final(&h, d->a);
        h = d->prf;
        rp_hmac_update(&h, d->a, d->hlen);
        rp_hmac_update(&h, label, d->tail_len);
        rp_hmac_update(&h, d->buf, d->seed_len);
    }
    rp_hmac_final(&h, d->block);
    d->counter++;
    d->block_used = 0;
}

/* n bytes of output into out (or, with out NULL, compared with expect: *diff gets
 * non-zero on a mismatch). */
static psa_status_t kdf_out(struct rp_op_kdf *d, uint8_t *out, const uint8_t *expect,
                            size_t n, uint32_t *diff)
{
    if (!kdf_complete(d))
        return PSA_ERROR_BAD_STATE;
    d->have |= RP_KDF_OUTPUT;
    if (n > d->capacity) {
        d->capacity = 0;
        return PSA_ERROR_INSUFFICIENT_DATA;
    }
    d->capacity -= n;
    while (n > 0) {
        size_t c;
        if (d->block_used == d->hlen)
            kdf_block(d);
        c = (size_t)(d->hlen - d->block_used);
        c = c < n ? c : n;
        if (out) {
            memcpy(out, d->block + d->block_used, c);
            out += c;
        } else {
            *diff |= (uint32_t)!rp_ct_memeq(expect, d->block + d->block_used, c);
            expect += c;
        }
        d->block_used = (uint8_t)(d->block_used + c);
        n -= c;
    }
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_kdf_output_bytes(int32_t client, uint32_t *op, uint8_t *output,
                                        size_t output_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_KDF);
    psa_status_t st;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    if (o->u.kdf.have & RP_KDF_VERIFY_ONLY)
        return rp_op_fail(o, op, PSA_ERROR_NOT_PERMITTED);
    st = kdf_out(&o->u.kdf, output, 0, output_length, 0);
    /* running out of capacity is not an error state (spec 10.6.2) */
    return st == PSA_ERROR_INSUFFICIENT_DATA ? st : rp_op_fail(o, op, st);
}

/* Key material from the output stream (Crypto API 1.1, psa_key_derivation_output_key):
 * unstructured keys take bits/8 bytes; a secp_r1 private key d = m + 1 from m of the
 * curve's size, drawn again while d is outside [1, n-1]. */
static psa_status_t kdf_key_material(struct rp_op_kdf *d, const psa_key_attributes_t *a,
                                     uint8_t *m, size_t *len)
{
    const struct rp_ecc *e = rp_ck_ecc(a->type, a->bits);
    psa_status_t st;
    if (PSA_KEY_TYPE_IS_PUBLIC_KEY(a->type) || a->bits == 0 || a->bits % 8 != 0)
        return PSA_ERROR_INVALID_ARGUMENT;
    if (PSA_KEY_TYPE_IS_KEY_PAIR(a->type) && e) {
        do {
            st = kdf_out(d, m, 0, e->bytes, 0);
            for (int i = (int)e->bytes - 1, carry = 1; i >= 0 && st == PSA_SUCCESS; i--) {
                int v = m[i] + carry;
                m[i] = (uint8_t)v;
                carry = v >> 8;
            }
        } while (st == PSA_SUCCESS && e->check_private(m) != RP_ECC_OK);
        *len = e->bytes;
        return st;
    }
    if (PSA_KEY_TYPE_IS_ASYMMETRIC(a->type) || a->bits / 8 > RP_CRYPTO_KEY_MAX_BYTES)
        return PSA_ERROR_NOT_SUPPORTED;
    *len = a->bits / 8;
    return kdf_out(d, m, 0, *len, 0);
}

psa_status_t rp_crypto_kdf_output_key(int32_t client, const psa_key_attributes_t *attributes,
                                      uint32_t *op, psa_key_id_t *key)
{
    static uint8_t m[RP_CRYPTO_KEY_MAX_BYTES];
    struct rp_op *o = rp_op_get(client, *op, RP_OP_KDF);
    size_t len = 0;
    psa_status_t st;
    *key = PSA_KEY_ID_NULL;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    if (!(o->u.kdf.have & RP_KDF_SECRET_KEY) || (o->u.kdf.have & RP_KDF_VERIFY_ONLY))
        return rp_op_fail(o, op, PSA_ERROR_NOT_PERMITTED);
    st = kdf_key_material(&o->u.kdf, attributes, m, &len);
    if (st == PSA_SUCCESS)
        st = rp_ck_create(client, attributes, m, len, key);
    rp_wipe(m, sizeof m);
    return st == PSA_ERROR_INSUFFICIENT_DATA ? st : rp_op_fail(o, op, st);
}

psa_status_t rp_crypto_kdf_verify_bytes(int32_t client, uint32_t *op,
                                        const uint8_t *expected, size_t length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_KDF);
    uint32_t diff = 0;
    psa_status_t st;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    st = kdf_out(&o->u.kdf, 0, expected, length, &diff);
    if (st == PSA_SUCCESS && diff)
        st = PSA_ERROR_INVALID_SIGNATURE;
    return st == PSA_ERROR_INSUFFICIENT_DATA ? st : rp_op_fail(o, op, st);
}

psa_status_t rp_crypto_kdf_verify_key(int32_t client, uint32_t *op, psa_key_id_t expected)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_KDF);
    struct rp_key k;
    uint32_t diff = 0;
    psa_status_t st;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    st = rp_ck_get(client, expected, PSA_KEY_USAGE_VERIFY_DERIVATION, o->u.kdf.alg, &k);
    if (st != PSA_SUCCESS)
        return rp_op_fail(o, op, st);
    if (!PSA_KEY_TYPE_IS_UNSTRUCTURED(k.attr.type))
        st = PSA_ERROR_NOT_SUPPORTED;
    if (st == PSA_SUCCESS)
        st = kdf_out(&o->u.kdf, 0, k.data, k.len, &diff);
    if (st == PSA_SUCCESS && diff)
        st = PSA_ERROR_INVALID_SIGNATURE;
    rp_ck_put(&k);
    return st == PSA_ERROR_INSUFFICIENT_DATA ? st : rp_op_fail(o, op, st);
}
