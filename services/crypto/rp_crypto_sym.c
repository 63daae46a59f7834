/* rp_crypto_sym.c - hashes, MACs, unauthenticated ciphers and AEAD of the crypto core.
 * Contract: rp_crypto_core.h. Each family validates the algorithm, then the key and its
 * policy, then acts; one-shot calls run the multipart code on a context on the stack. */
#include <string.h>
#include "rp_crypto_int.h"
#include "rp_ct.h"

/* ================= hash ================= */
static psa_status_t hash_alg(psa_algorithm_t alg, rp_hash_id *id)
{
    if (!PSA_ALG_IS_HASH(alg) || alg == PSA_ALG_ANY_HASH)
        return PSA_ERROR_INVALID_ARGUMENT;
    *id = rp_ck_hash_id(alg);
    return *id ? PSA_SUCCESS : PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t rp_crypto_hash_compute(int32_t client, psa_algorithm_t alg, const uint8_t *input,
                                    size_t input_length, uint8_t *hash, size_t hash_size,
                                    size_t *hash_length)
{
    rp_hash_id id;
    psa_status_t st = rp_ck_ready() ? hash_alg(alg, &id) : PSA_ERROR_BAD_STATE;
    (void)client;
    *hash_length = 0;
    if (st != PSA_SUCCESS)
        return st;
    if (hash_size < rp_hash_size(id))
        return PSA_ERROR_BUFFER_TOO_SMALL;
    (void)rp_hash(id, input, input_length, hash);
    *hash_length = rp_hash_size(id);
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_hash_compare(int32_t client, psa_algorithm_t alg, const uint8_t *input,
                                    size_t input_length, const uint8_t *hash,
                                    size_t hash_length)
{
    uint8_t h[RP_HASH_MAX_SIZE];
    size_t n;
    psa_status_t st = rp_crypto_hash_compute(client, alg, input, input_length, h, sizeof h, &n);
    if (st == PSA_SUCCESS && (n != hash_length || !rp_ct_memeq(h, hash, n)))
        st = PSA_ERROR_INVALID_SIGNATURE;
    return st;
}

psa_status_t rp_crypto_hash_setup(int32_t client, uint32_t *op, psa_algorithm_t alg)
{
    struct rp_op *o;
    rp_hash_id id;
    psa_status_t st = *op != 0 ? PSA_ERROR_BAD_STATE : hash_alg(alg, &id);
    if (st == PSA_SUCCESS)
        st = rp_op_new(client, RP_OP_HASH, op, &o);
    if (st != PSA_SUCCESS)
        return st;
    o->u.hash.alg = alg;
    (void)rp_hash_init(&o->u.hash.ctx, id);
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_hash_update(int32_t client, uint32_t *op, const uint8_t *input,
                                   size_t input_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_HASH);
    if (!o)
        return PSA_ERROR_BAD_STATE;
    rp_hash_update(&o->u.hash.ctx, input, input_length);
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_hash_finish(int32_t client, uint32_t *op, uint8_t *hash,
                                   size_t hash_size, size_t *hash_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_HASH);
    size_t n;
    *hash_length = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    n = rp_hash_size(o->u.hash.ctx.id);
    if (hash_size < n)
        return rp_op_fail(o, op, PSA_ERROR_BUFFER_TOO_SMALL);
    rp_hash_final(&o->u.hash.ctx, hash);
    *hash_length = n;
    rp_op_free(o, op);
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_hash_verify(int32_t client, uint32_t *op, const uint8_t *hash,
                                   size_t hash_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_HASH);
    uint8_t h[RP_HASH_MAX_SIZE];
    size_t n;
    psa_status_t st = PSA_SUCCESS;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    n = rp_hash_size(o->u.hash.ctx.id);
    rp_hash_final(&o->u.hash.ctx, h);
    if (n != hash_length || !rp_ct_memeq(h, hash, n))
        st = PSA_ERROR_INVALID_SIGNATURE;
    rp_op_free(o, op);
    return st;
}

psa_status_t rp_crypto_hash_clone(int32_t client, uint32_t source, uint32_t *target)
{
    struct rp_op *s = rp_op_get(client, source, RP_OP_HASH), *t;
    psa_status_t st = s ? rp_op_new(client, RP_OP_HASH, target, &t) : PSA_ERROR_BAD_STATE;
    if (st == PSA_SUCCESS)
        t->u.hash = s->u.hash;
    return st;
}

/* ---- hash suspend state (Crypto API 1.1, 10.2 "Hash suspend state format") ----
 * algorithm (big-endian 32 bits) || input-length (big-endian, 8 bytes for SHA-1/224/256,
 * 16 for SHA-384/512: every byte of input so far) || hash-state (the chaining values as
 * big-endian words: 5 x 32 bits for SHA-1, 8 x 32 for SHA-224/256, 8 x 64 for
 * SHA-384/512) || unprocessed-input (input-length mod block size bytes). The field sizes
 * are crypto_sizes.h's PSA_HASH_SUSPEND_* macros. */
static void put_be(uint8_t *p, uint64_t v, size_t n)
{
    while (n-- > 0) {
        p[n] = (uint8_t)v;
        v >>= 8;
    }
}

static uint64_t get_be(const uint8_t *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

/* The context's chaining values, length counter and pending block (one of the three
 * shapes of rp_sha2.h's plain context structs). */
struct hash_view {
    uint32_t *h32;     /* SHA-1, SHA-224/256 */
    uint64_t *h64;     /* SHA-384/512 */
    size_t words;
    uint64_t *len;
    uint8_t *buf;
};

static struct hash_view hash_view(rp_hash_ctx *c)
{
    struct hash_view v = { 0, 0, 8, 0, 0 };
    if (c->id == RP_HASH_SHA1) {
        v.h32 = c->u.sha1.h;
        v.words = 5;
        v.len = &c->u.sha1.len;
        v.buf = c->u.sha1.buf;
    } else if (c->id == RP_HASH_SHA224 || c->id == RP_HASH_SHA256) {
        v.h32 = c->u.sha256.h;
        v.len = &c->u.sha256.len;
        v.buf = c->u.sha256.buf;
    } else {
        v.h64 = c->u.sha512.h;
        v.len = &c->u.sha512.len;
        v.buf = c->u.sha512.buf;
    }
    return v;
}

/* The length of op's suspend state: 4 + input-length field + hash-state field + pending
 * input bytes (at most PSA_HASH_SUSPEND_OUTPUT_SIZE(alg)). */
static size_t suspend_length(struct rp_op_hash *o)
{
    return 4 + PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(o->alg) +
           PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(o->alg) +
           (size_t)(*hash_view(&o->ctx).len % rp_hash_block_size(o->ctx.id));
}

/* Encodes op's state into out (room for suspend_length(o) bytes); returns that length. */
static size_t suspend_encode(struct rp_op_hash *o, uint8_t *out)
{
    struct hash_view v = hash_view(&o->ctx);
    size_t lb = PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(o->alg);
    size_t wb = v.h32 ? 4 : 8, at = 4 + lb;
    size_t pending = (size_t)(*v.len % rp_hash_block_size(o->ctx.id));

    put_be(out, o->alg, 4);
    memset(out + 4, 0, lb - 8);                /* the counter is 64 bits */
    put_be(out + 4 + lb - 8, *v.len, 8);
    for (size_t i = 0; i < v.words; i++, at += wb)
        put_be(out + at, v.h32 ? v.h32[i] : v.h64[i], wb);
    memcpy(out + at, v.buf, pending);
    return at + pending;
}

/* Decodes a suspend state into c (validate first: c is written only on success).
 * PSA_ERROR_INVALID_ARGUMENT: not a hash suspend state (short, not a hash algorithm, a
 * length that disagrees with the input-length field, an input length SHA-1/224/256
 * cannot have); PSA_ERROR_NOT_SUPPORTED: a hash Rampart does not implement, or a
 * SHA-384/512 input of 2^64 bytes or more (beyond the primitive's counter). */
static psa_status_t resume_decode(const uint8_t *in, size_t n, psa_algorithm_t *alg,
                                  rp_hash_ctx *c)
{
    rp_hash_id id;
    size_t lb, hb, at;
    uint64_t len;
    struct hash_view v;
    psa_status_t st = n >= 4 ? hash_alg((psa_algorithm_t)get_be(in, 4), &id)
                             : PSA_ERROR_INVALID_ARGUMENT;
    if (st != PSA_SUCCESS)
        return st;
    *alg = (psa_algorithm_t)get_be(in, 4);
    lb = PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(*alg);
    hb = PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(*alg);
    if (n < 4 + lb + hb)
        return PSA_ERROR_INVALID_ARGUMENT;
    len = get_be(in + 4 + lb - 8, 8);
    if (lb == 8 && len >> 61 != 0)
        return PSA_ERROR_INVALID_ARGUMENT;     /* 2^64 bits or more */
    if (lb == 16 && get_be(in + 4, 8) != 0)
        return PSA_ERROR_NOT_SUPPORTED;
    if (n != 4 + lb + hb + (size_t)(len % PSA_HASH_BLOCK_LENGTH(*alg)))
        return PSA_ERROR_INVALID_ARGUMENT;
    (void)rp_hash_init(c, id);
    v = hash_view(c);
    at = 4 + lb;
    for (size_t i = 0; i < v.words; i++, at += hb / v.words) {
        if (v.h32)
            v.h32[i] = (uint32_t)get_be(in + at, 4);
        else
            v.h64[i] = get_be(in + at, 8);
    }
    *v.len = len;
    memcpy(v.buf, in + at, n - at);
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_hash_suspend(int32_t client, uint32_t *op, uint8_t *hash_state,
                                    size_t hash_state_size, size_t *hash_state_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_HASH);
    *hash_state_length = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    if (hash_state_size < suspend_length(&o->u.hash))
        return rp_op_fail(o, op, PSA_ERROR_BUFFER_TOO_SMALL);
    *hash_state_length = suspend_encode(&o->u.hash, hash_state);
    rp_op_free(o, op);
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_hash_resume(int32_t client, uint32_t *op, const uint8_t *hash_state,
                                   size_t hash_state_length)
{
    struct rp_op *o;
    rp_hash_ctx c;   /* the decoded state: validated whole before an operation is taken */
    psa_algorithm_t alg = 0;
    psa_status_t st = !rp_ck_ready() || *op != 0 ? PSA_ERROR_BAD_STATE
                      : resume_decode(hash_state, hash_state_length, &alg, &c);
    if (st == PSA_SUCCESS)
        st = rp_op_new(client, RP_OP_HASH, op, &o);
    if (st == PSA_SUCCESS) {
        o->u.hash.alg = alg;
        o->u.hash.ctx = c;
    }
    rp_wipe(&c, sizeof c);
    return st;
}

/* ================= MAC ================= */
/* Checks alg against the key (type, size) and fills the MAC parameters. */
static psa_status_t mac_params(const struct rp_key *k, psa_algorithm_t alg,
                               struct rp_op_mac *m, rp_hash_id *hid)
{
    psa_algorithm_t full = PSA_ALG_FULL_LENGTH_MAC(alg);
    size_t full_len, t = PSA_MAC_TRUNCATED_LENGTH(alg);

    if (PSA_ALG_IS_HMAC(full)) {
        *hid = rp_ck_hash_id(PSA_ALG_HMAC_GET_HASH(full));
        if (!*hid)
            return PSA_ERROR_NOT_SUPPORTED;
        if (k->attr.type != PSA_KEY_TYPE_HMAC)
            return PSA_ERROR_INVALID_ARGUMENT;
        full_len = rp_hash_size(*hid);
        m->cmac = 0;
    } else if (full == PSA_ALG_CMAC) {
        if (k->attr.type != PSA_KEY_TYPE_AES)
            return PSA_ERROR_INVALID_ARGUMENT;
        full_len = 16;
        m->cmac = 1;
    } else {
        return PSA_ERROR_NOT_SUPPORTED;     /* CBC-MAC and unknown MACs */
    }
    if (t > full_len)
        return PSA_ERROR_INVALID_ARGUMENT;
    if (t != 0 && t < 4)
        return PSA_ERROR_NOT_SUPPORTED;     /* below 4 bytes a MAC is not worth having */
    m->len = (uint8_t)(t ? t : full_len);
    m->alg = alg;
    return PSA_SUCCESS;
}

static psa_status_t mac_start(int32_t client, struct rp_op_mac *m, psa_key_id_t key,
                              psa_algorithm_t alg, int verify)
{
    struct rp_key k;
    rp_hash_id hid = (rp_hash_id)0;
    psa_status_t st;

    if (!PSA_ALG_IS_MAC(alg) || (alg & PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG))
        return PSA_ERROR_INVALID_ARGUMENT;
    st = rp_ck_get(client, key, verify ? PSA_KEY_USAGE_VERIFY_MESSAGE
                                       : PSA_KEY_USAGE_SIGN_MESSAGE, alg, &k);
    if (st != PSA_SUCCESS)
        return st;
    st = mac_params(&k, alg, m, &hid);
    if (st == PSA_SUCCESS && m->cmac)
        (void)rp_cmac_init(&m->u.c, k.data, k.len);
    else if (st == PSA_SUCCESS)
        (void)rp_hmac_init(&m->u.h, hid, k.data, k.len);
    m->verify = (uint8_t)verify;
    rp_ck_put(&k);
    return st;
}

static void mac_update(struct rp_op_mac *m, const uint8_t *in, size_t n)
{
    if (m->cmac)
        rp_cmac_update(&m->u.c, in, n);
    else
        rp_hmac_update(&m->u.h, in, n);
}

/* Full MAC into out[RP_HASH_MAX_SIZE]; wipes the context. */
static void mac_final(struct rp_op_mac *m, uint8_t *out)
{
    if (m->cmac)
        rp_cmac_final(&m->u.c, out);
    else
        rp_hmac_final(&m->u.h, out);
}

static psa_status_t mac_sign_end(struct rp_op_mac *m, uint8_t *mac, size_t size, size_t *len)
{
    uint8_t full[RP_HASH_MAX_SIZE];
    *len = 0;
    if (m->verify)
        return PSA_ERROR_BAD_STATE;
    if (size < m->len)
        return PSA_ERROR_BUFFER_TOO_SMALL;
    mac_final(m, full);
    memcpy(mac, full, m->len);
    *len = m->len;
    rp_wipe(full, sizeof full);
    return PSA_SUCCESS;
}

static psa_status_t mac_verify_end(struct rp_op_mac *m, const uint8_t *mac, size_t len)
{
    uint8_t full[RP_HASH_MAX_SIZE];
    psa_status_t st = PSA_SUCCESS;
    if (!m->verify)
        return PSA_ERROR_BAD_STATE;
    mac_final(m, full);
    if (len != m->len || !rp_ct_memeq(full, mac, len))
        st = PSA_ERROR_INVALID_SIGNATURE;
    rp_wipe(full, sizeof full);
    return st;
}

psa_status_t rp_crypto_mac_compute(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                                   const uint8_t *input, size_t input_length, uint8_t *mac,
                                   size_t mac_size, size_t *mac_length)
{
    static struct rp_op_mac m;   /* static: off the caller's stack; the core is not reentrant */
    psa_status_t st = mac_start(client, &m, key, alg, 0);
    *mac_length = 0;
    if (st == PSA_SUCCESS) {
        mac_update(&m, input, input_length);
        st = mac_sign_end(&m, mac, mac_size, mac_length);
    }
    rp_wipe(&m, sizeof m);
    return st;
}

psa_status_t rp_crypto_mac_verify(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                                  const uint8_t *input, size_t input_length,
                                  const uint8_t *mac, size_t mac_length)
{
    static struct rp_op_mac m;
    psa_status_t st = mac_start(client, &m, key, alg, 1);
    if (st == PSA_SUCCESS) {
        mac_update(&m, input, input_length);
        st = mac_verify_end(&m, mac, mac_length);
    }
    rp_wipe(&m, sizeof m);
    return st;
}

psa_status_t rp_crypto_mac_setup(int32_t client, uint32_t *op, psa_key_id_t key,
                                 psa_algorithm_t alg, int verify)
{
    struct rp_op *o = 0;
    psa_status_t st = rp_op_new(client, RP_OP_MAC, op, &o);
    if (st != PSA_SUCCESS)
        return st;
    return rp_op_fail(o, op, mac_start(client, &o->u.mac, key, alg, verify));
}

psa_status_t rp_crypto_mac_update(int32_t client, uint32_t *op, const uint8_t *input,
                                  size_t input_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_MAC);
    if (!o)
        return PSA_ERROR_BAD_STATE;
    mac_update(&o->u.mac, input, input_length);
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_mac_sign_finish(int32_t client, uint32_t *op, uint8_t *mac,
                                       size_t mac_size, size_t *mac_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_MAC);
    *mac_length = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    {
        psa_status_t st = mac_sign_end(&o->u.mac, mac, mac_size, mac_length);
        rp_op_free(o, op);
        return st;
    }
}

psa_status_t rp_crypto_mac_verify_finish(int32_t client, uint32_t *op, const uint8_t *mac,
                                         size_t mac_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_MAC);
    psa_status_t st;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    st = mac_verify_end(&o->u.mac, mac, mac_length);
    rp_op_free(o, op);
    return st;
}

/* ================= unauthenticated ciphers ================= */
static psa_status_t cipher_mode(psa_algorithm_t alg, psa_key_type_t type, rp_aes_mode *mode)
{
    switch (alg) {
    case PSA_ALG_ECB_NO_PADDING: *mode = RP_AES_ECB; break;
    case PSA_ALG_CBC_NO_PADDING: *mode = RP_AES_CBC; break;
    case PSA_ALG_CBC_PKCS7: *mode = RP_AES_CBC_PKCS7; break;
    case PSA_ALG_CFB: *mode = RP_AES_CFB; break;
    case PSA_ALG_OFB: *mode = RP_AES_OFB; break;
    case PSA_ALG_CTR: *mode = RP_AES_CTR; break;
    default: return PSA_ERROR_NOT_SUPPORTED;   /* XTS, CCM*, stream ciphers */
    }
    return type == PSA_KEY_TYPE_AES ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

static int is_block_mode(uint8_t mode)
{
    return mode == RP_AES_ECB || mode == RP_AES_CBC || mode == RP_AES_CBC_PKCS7;
}

static psa_status_t cipher_start(int32_t client, struct rp_op_cipher *c, psa_key_id_t key,
                                 psa_algorithm_t alg, int decrypt)
{
    struct rp_key k;
    rp_aes_mode mode = RP_AES_ECB;
    psa_status_t st;

    if (!PSA_ALG_IS_CIPHER(alg))
        return PSA_ERROR_INVALID_ARGUMENT;
    st = rp_ck_get(client, key, decrypt ? PSA_KEY_USAGE_DECRYPT : PSA_KEY_USAGE_ENCRYPT,
                   alg, &k);
    if (st != PSA_SUCCESS)
        return st;
    st = cipher_mode(alg, k.attr.type, &mode);
    if (st == PSA_SUCCESS) {
        c->alg = alg;
        c->decrypt = (uint8_t)decrypt;
        c->mode = (uint8_t)mode;
        (void)rp_cipher_setkey(&c->ctx, mode, decrypt, k.data, k.len);
        if (mode == RP_AES_ECB) {   /* no IV: ready now */
            (void)rp_cipher_set_iv(&c->ctx, 0, 0);
            c->iv_set = 1;
        }
    }
    rp_ck_put(&k);
    return st;
}

static psa_status_t cipher_iv(struct rp_op_cipher *c, const uint8_t *iv, size_t len)
{
    if (c->iv_set)
        return PSA_ERROR_BAD_STATE;
    if (len != 16)
        return PSA_ERROR_INVALID_ARGUMENT;
    (void)rp_cipher_set_iv(&c->ctx, iv, len);
    c->iv_set = 1;
    return PSA_SUCCESS;
}

static psa_status_t cipher_update(struct rp_op_cipher *c, const uint8_t *in, size_t n,
                                  uint8_t *out, size_t size, size_t *len)
{
    psa_status_t st;
    *len = 0;
    if (!c->iv_set)
        return PSA_ERROR_BAD_STATE;
    st = rp_ck_stage(&in, n, out, size);
    if (st != PSA_SUCCESS)
        return st;
    if (rp_cipher_update(&c->ctx, in, n, out, size, len) != 0)
        st = PSA_ERROR_BUFFER_TOO_SMALL;
    rp_ck_unstage(in, n);
    return st;
}

/* Finish; the failure causes are told apart before the primitive runs, so -1 from it
 * can only mean bad padding. */
static psa_status_t cipher_finish(struct rp_op_cipher *c, uint8_t *out, size_t size,
                                  size_t *len)
{
    *len = 0;
    if (!c->iv_set)
        return PSA_ERROR_BAD_STATE;
    if (c->mode == RP_AES_CBC_PKCS7 && !c->decrypt && size < 16)
        return PSA_ERROR_BUFFER_TOO_SMALL;
    if (c->mode == RP_AES_CBC_PKCS7 && c->decrypt && c->ctx.buf_len != 16)
        return PSA_ERROR_INVALID_ARGUMENT;
    if (c->mode == RP_AES_CBC_PKCS7 && c->decrypt && size < 15)
        return PSA_ERROR_BUFFER_TOO_SMALL;
    if (c->mode != RP_AES_CBC_PKCS7 && is_block_mode(c->mode) && c->ctx.buf_len != 0)
        return PSA_ERROR_INVALID_ARGUMENT;
    if (rp_cipher_finish(&c->ctx, out, size, len) != 0)
        return PSA_ERROR_INVALID_PADDING;
    return PSA_SUCCESS;
}

/* Output length of a one-shot encryption (IV included), or 0 for an input length the
 * mode cannot take. */
static size_t cipher_encrypt_len(uint8_t mode, size_t in)
{
    if (mode == RP_AES_CBC_PKCS7)
        return 16 + (in / 16 + 1) * 16;
    if (is_block_mode(mode) && in % 16 != 0)
        return 0;
    return (mode == RP_AES_ECB ? 0 : 16) + in;
}

static psa_status_t cipher_oneshot(struct rp_op_cipher *c, const uint8_t *in, size_t n,
                                   uint8_t *out, size_t size, size_t *len)
{
    size_t ivl = c->mode == RP_AES_ECB ? 0 : 16, a = 0, b = 0;
    psa_status_t st = PSA_SUCCESS;

    if (!c->decrypt) {
        size_t need = cipher_encrypt_len(c->mode, n);
        if (need == 0)
            return PSA_ERROR_INVALID_ARGUMENT;
        uint8_t iv[16];
        if (size < need)
            return PSA_ERROR_BUFFER_TOO_SMALL;
        st = rp_ck_stage(&in, n, out, size);
        if (st == PSA_SUCCESS && ivl)
            st = rp_ck_random(iv, ivl);
        if (st == PSA_SUCCESS && ivl)
            st = cipher_iv(c, iv, ivl);
        if (st == PSA_SUCCESS)
            memcpy(out, iv, ivl);
    } else {
        if (n < ivl || (is_block_mode(c->mode) && (n - ivl) % 16 != 0) ||
            (c->mode == RP_AES_CBC_PKCS7 && n == ivl))
            return PSA_ERROR_INVALID_ARGUMENT;
        if (size < n - ivl - (c->mode == RP_AES_CBC_PKCS7 ? 1 : 0))
            return PSA_ERROR_BUFFER_TOO_SMALL;
        if (ivl)
            st = cipher_iv(c, in, ivl);
        in += ivl;
        n -= ivl;
        ivl = 0;   /* decryption output has no IV */
    }
    if (st == PSA_SUCCESS)
        st = cipher_update(c, in, n, out + ivl, size - ivl, &a);
    rp_ck_unstage(in, n);
    if (st == PSA_SUCCESS)
        st = cipher_finish(c, out + ivl + a, size - ivl - a, &b);
    *len = st == PSA_SUCCESS ? ivl + a + b : 0;
    return st;
}

psa_status_t rp_crypto_cipher_crypt(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                                    int decrypt, const uint8_t *input, size_t input_length,
                                    uint8_t *output, size_t output_size,
                                    size_t *output_length)
{
    static struct rp_op_cipher c;
    psa_status_t st;
    memset(&c, 0, sizeof c);
    *output_length = 0;
    st = cipher_start(client, &c, key, alg, decrypt);
    if (st == PSA_SUCCESS)
        st = cipher_oneshot(&c, input, input_length, output, output_size, output_length);
    rp_wipe(&c, sizeof c);
    return st;
}

psa_status_t rp_crypto_cipher_setup(int32_t client, uint32_t *op, psa_key_id_t key,
                                    psa_algorithm_t alg, int decrypt)
{
    struct rp_op *o = 0;
    psa_status_t st = rp_op_new(client, RP_OP_CIPHER, op, &o);
    if (st != PSA_SUCCESS)
        return st;
    return rp_op_fail(o, op, cipher_start(client, &o->u.cipher, key, alg, decrypt));
}

psa_status_t rp_crypto_cipher_generate_iv(int32_t client, uint32_t *op, uint8_t *iv,
                                          size_t iv_size, size_t *iv_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_CIPHER);
    psa_status_t st;
    *iv_length = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    if (o->u.cipher.decrypt || o->u.cipher.iv_set)
        return rp_op_fail(o, op, PSA_ERROR_BAD_STATE);
    if (iv_size < 16)
        return rp_op_fail(o, op, PSA_ERROR_BUFFER_TOO_SMALL);
    st = rp_ck_random(iv, 16);
    if (st == PSA_SUCCESS)
        st = cipher_iv(&o->u.cipher, iv, 16);
    if (st == PSA_SUCCESS)
        *iv_length = 16;
    return rp_op_fail(o, op, st);
}

psa_status_t rp_crypto_cipher_set_iv(int32_t client, uint32_t *op, const uint8_t *iv,
                                     size_t iv_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_CIPHER);
    if (!o)
        return PSA_ERROR_BAD_STATE;
    return rp_op_fail(o, op, cipher_iv(&o->u.cipher, iv, iv_length));
}

psa_status_t rp_crypto_cipher_update(int32_t client, uint32_t *op, const uint8_t *input,
                                     size_t input_length, uint8_t *output,
                                     size_t output_size, size_t *output_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_CIPHER);
    *output_length = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    return rp_op_fail(o, op, cipher_update(&o->u.cipher, input, input_length, output,
                                           output_size, output_length));
}

psa_status_t rp_crypto_cipher_finish(int32_t client, uint32_t *op, uint8_t *output,
                                     size_t output_size, size_t *output_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_CIPHER);
    psa_status_t st;
    *output_length = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    st = cipher_finish(&o->u.cipher, output, output_size, output_length);
    rp_op_free(o, op);
    return st;
}

/* ================= AEAD ================= */
static int overlaps(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    return an != 0 && bn != 0 && (uintptr_t)a < (uintptr_t)b + bn &&
           (uintptr_t)b < (uintptr_t)a + an;
}

static int gcm_tag_ok(size_t t)
{
    return t == 4 || t == 8 || (t >= 12 && t <= 16);
}

static int ccm_tag_ok(size_t t)
{
    return t >= 4 && t <= 16 && t % 2 == 0;
}

static psa_status_t aead_params(psa_algorithm_t alg, psa_key_type_t type,
                                struct rp_op_aead *a)
{
    psa_algorithm_t base = PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg, 0);
    size_t t = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
    psa_key_type_t need = PSA_KEY_TYPE_AES;

    if (base == PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 0)) {
        a->kind = RP_AEAD_GCM;
        if (!gcm_tag_ok(t))
            return PSA_ERROR_INVALID_ARGUMENT;
    } else if (base == PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 0)) {
        a->kind = RP_AEAD_CCM;
        if (!ccm_tag_ok(t))
            return PSA_ERROR_INVALID_ARGUMENT;
    } else if (base == PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CHACHA20_POLY1305, 0)) {
        a->kind = RP_AEAD_CHACHAPOLY;
        need = PSA_KEY_TYPE_CHACHA20;
        if (t != 16)
            return PSA_ERROR_NOT_SUPPORTED;
    } else {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (type != need)
        return PSA_ERROR_INVALID_ARGUMENT;
    a->tag_len = (uint8_t)t;
    a->alg = alg;
    return PSA_SUCCESS;
}

static int nonce_ok(const struct rp_op_aead *a, size_t n)
{
    if (a->kind == RP_AEAD_GCM)
        return n >= 1 && n <= 13;   /* Rampart accepts 1..13; 12 is the standard size */
    if (a->kind == RP_AEAD_CCM)
        return n >= 7 && n <= 13;
    return n == 12;
}

static psa_status_t aead_start(int32_t client, struct rp_op_aead *a, psa_key_id_t key,
                               psa_algorithm_t alg, int decrypt)
{
    struct rp_key k;
    psa_status_t st;
    if (!PSA_ALG_IS_AEAD(alg) || (alg & PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG))
        return PSA_ERROR_INVALID_ARGUMENT;
    st = rp_ck_get(client, key, decrypt ? PSA_KEY_USAGE_DECRYPT : PSA_KEY_USAGE_ENCRYPT,
                   alg, &k);
    if (st != PSA_SUCCESS)
        return st;
    st = aead_params(alg, k.attr.type, a);
    if (st == PSA_SUCCESS) {
        a->decrypt = (uint8_t)decrypt;
        a->key_len = (uint8_t)k.len;
        memcpy(a->key, k.data, k.len);
    }
    rp_ck_put(&k);
    return st;
}

psa_status_t rp_crypto_aead_crypt(int32_t client, psa_key_id_t key, psa_algorithm_t alg,
                                  int decrypt, const uint8_t *nonce, size_t nonce_length,
                                  const uint8_t *ad, size_t ad_length, const uint8_t *input,
                                  size_t input_length, uint8_t *output, size_t output_size,
                                  size_t *output_length)
{
    static struct rp_op_aead a;
    psa_status_t st;
    size_t t, n;
    int r = -1;

    memset(&a, 0, sizeof a);
    *output_length = 0;
    st = aead_start(client, &a, key, alg, decrypt);
    t = a.tag_len;
    if (st == PSA_SUCCESS && !nonce_ok(&a, nonce_length))
        st = PSA_ERROR_INVALID_ARGUMENT;
    if (st == PSA_SUCCESS && decrypt && input_length < t)
        st = PSA_ERROR_INVALID_ARGUMENT;
    n = decrypt ? input_length - (st == PSA_SUCCESS ? t : 0) : input_length;
    if (st == PSA_SUCCESS && output_size < (decrypt ? n : n + t))
        st = PSA_ERROR_BUFFER_TOO_SMALL;
    if (st == PSA_SUCCESS)
        st = rp_ck_stage(&input, input_length, output, output_size);
    if (st == PSA_SUCCESS && (overlaps(nonce, nonce_length, output, output_size) ||
                              overlaps(ad, ad_length, output, output_size)))
        st = PSA_ERROR_INVALID_ARGUMENT;   /* nonce or AD inside the output: refused */
    if (st != PSA_SUCCESS) {
        rp_wipe(&a, sizeof a);
        return st;
    }
    if (a.kind == RP_AEAD_GCM)
        r = decrypt ? rp_gcm_decrypt(a.key, a.key_len, nonce, nonce_length, ad, ad_length,
                                     input, n, output, input + n, t)
                    : rp_gcm_encrypt(a.key, a.key_len, nonce, nonce_length, ad, ad_length,
                                     input, n, output, output + n, t);
    else if (a.kind == RP_AEAD_CCM)
        r = decrypt ? rp_ccm_decrypt(a.key, a.key_len, nonce, nonce_length, ad, ad_length,
                                     input, n, output, input + n, t)
                    : rp_ccm_encrypt(a.key, a.key_len, nonce, nonce_length, ad, ad_length,
                                     input, n, output, output + n, t);
    else
        r = decrypt ? rp_chachapoly_decrypt(a.key, a.key_len, nonce, nonce_length, ad,
                                            ad_length, input, n, output, input + n, t)
                    : rp_chachapoly_encrypt(a.key, a.key_len, nonce, nonce_length, ad,
                                            ad_length, input, n, output, output + n, t);
    rp_wipe(&a, sizeof a);
    rp_ck_unstage(input, input_length);
    if (r != 0)   /* lengths were checked: only a tag mismatch (or a too long text) */
        return decrypt ? PSA_ERROR_INVALID_SIGNATURE : PSA_ERROR_INVALID_ARGUMENT;
    *output_length = decrypt ? n : n + t;
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_aead_setup(int32_t client, uint32_t *op, psa_key_id_t key,
                                  psa_algorithm_t alg, int decrypt)
{
    struct rp_op *o = 0;
    psa_status_t st = rp_op_new(client, RP_OP_AEAD, op, &o);
    if (st != PSA_SUCCESS)
        return st;
    return rp_op_fail(o, op, aead_start(client, &o->u.aead, key, alg, decrypt));
}

/* Starts the primitive once it has what it needs (nonce; for CCM also the lengths). */
static psa_status_t aead_try_start(struct rp_op_aead *a)
{
    int r = 0;
    if (!a->nonce_set || (a->kind == RP_AEAD_CCM && !a->lengths_set))
        return PSA_SUCCESS;
    if (a->kind == RP_AEAD_GCM)
        r = rp_gcm_start(&a->u.g, a->decrypt, a->key, a->key_len, a->nonce, a->nonce_len);
    else if (a->kind == RP_AEAD_CCM)
        r = rp_ccm_start(&a->u.c, a->decrypt, a->key, a->key_len, a->nonce, a->nonce_len,
                         a->ad_total, a->text_total, a->tag_len);
    else
        r = rp_chachapoly_start(&a->u.p, a->decrypt, a->key, a->key_len, a->nonce,
                                a->nonce_len);
    rp_wipe(a->key, sizeof a->key);
    a->started = 1;
    return r == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

static psa_status_t aead_nonce(struct rp_op_aead *a, const uint8_t *nonce, size_t n)
{
    if (a->nonce_set)
        return PSA_ERROR_BAD_STATE;
    if (!nonce_ok(a, n))
        return PSA_ERROR_INVALID_ARGUMENT;
    memcpy(a->nonce, nonce, n);
    a->nonce_len = (uint8_t)n;
    a->nonce_set = 1;
    return aead_try_start(a);
}

psa_status_t rp_crypto_aead_generate_nonce(int32_t client, uint32_t *op, uint8_t *nonce,
                                           size_t nonce_size, size_t *nonce_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_AEAD);
    struct rp_op_aead *a;
    size_t n;
    psa_status_t st;
    *nonce_length = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    a = &o->u.aead;
    n = a->kind == RP_AEAD_CCM ? 13 : 12;
    if (a->decrypt || a->nonce_set)
        return rp_op_fail(o, op, PSA_ERROR_BAD_STATE);
    if (nonce_size < n)
        return rp_op_fail(o, op, PSA_ERROR_BUFFER_TOO_SMALL);
    st = rp_ck_random(nonce, n);
    if (st == PSA_SUCCESS)
        st = aead_nonce(a, nonce, n);
    if (st == PSA_SUCCESS)
        *nonce_length = n;
    return rp_op_fail(o, op, st);
}

psa_status_t rp_crypto_aead_set_nonce(int32_t client, uint32_t *op, const uint8_t *nonce,
                                      size_t nonce_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_AEAD);
    if (!o)
        return PSA_ERROR_BAD_STATE;
    return rp_op_fail(o, op, aead_nonce(&o->u.aead, nonce, nonce_length));
}

psa_status_t rp_crypto_aead_set_lengths(int32_t client, uint32_t *op, size_t ad_length,
                                        size_t plaintext_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_AEAD);
    struct rp_op_aead *a;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    a = &o->u.aead;
    if (a->lengths_set || a->ad_done || a->text_phase)
        return rp_op_fail(o, op, PSA_ERROR_BAD_STATE);
    a->ad_total = ad_length;
    a->text_total = plaintext_length;
    a->lengths_set = 1;
    return rp_op_fail(o, op, aead_try_start(a));
}

/* Common state checks of update_ad / update. */
static psa_status_t aead_ready(const struct rp_op_aead *a)
{
    return a->started ? PSA_SUCCESS : PSA_ERROR_BAD_STATE;
}

psa_status_t rp_crypto_aead_update_ad(int32_t client, uint32_t *op, const uint8_t *input,
                                      size_t input_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_AEAD);
    struct rp_op_aead *a;
    psa_status_t st;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    a = &o->u.aead;
    st = aead_ready(a);
    if (st == PSA_SUCCESS && a->text_phase)
        st = PSA_ERROR_BAD_STATE;
    if (st == PSA_SUCCESS && a->lengths_set && input_length > a->ad_total - a->ad_done)
        st = PSA_ERROR_INVALID_ARGUMENT;
    if (st != PSA_SUCCESS)
        return rp_op_fail(o, op, st);
    if (a->kind == RP_AEAD_GCM)
        st = rp_gcm_update_aad(&a->u.g, input, input_length) ? PSA_ERROR_INVALID_ARGUMENT : st;
    else if (a->kind == RP_AEAD_CCM)
        st = rp_ccm_update_aad(&a->u.c, input, input_length) ? PSA_ERROR_INVALID_ARGUMENT : st;
    else
        st = rp_chachapoly_update_aad(&a->u.p, input, input_length) ? PSA_ERROR_INVALID_ARGUMENT
                                                                     : st;
    a->ad_done += input_length;
    return rp_op_fail(o, op, st);
}

psa_status_t rp_crypto_aead_update(int32_t client, uint32_t *op, const uint8_t *input,
                                   size_t input_length, uint8_t *output, size_t output_size,
                                   size_t *output_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_AEAD);
    struct rp_op_aead *a;
    psa_status_t st;
    int r;
    *output_length = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    a = &o->u.aead;
    st = aead_ready(a);
    if (st == PSA_SUCCESS && a->lengths_set &&
        (a->ad_done != a->ad_total || input_length > a->text_total - a->text_done))
        st = PSA_ERROR_INVALID_ARGUMENT;
    if (st == PSA_SUCCESS && output_size < input_length)
        st = PSA_ERROR_BUFFER_TOO_SMALL;
    if (st == PSA_SUCCESS)
        st = rp_ck_stage(&input, input_length, output, output_size);
    if (st != PSA_SUCCESS)
        return rp_op_fail(o, op, st);
    a->text_phase = 1;
    if (a->kind == RP_AEAD_GCM)
        r = rp_gcm_update(&a->u.g, input, input_length, output);
    else if (a->kind == RP_AEAD_CCM)
        r = rp_ccm_update(&a->u.c, input, input_length, output);
    else
        r = rp_chachapoly_update(&a->u.p, input, input_length, output);
    rp_ck_unstage(input, input_length);
    if (r != 0)
        return rp_op_fail(o, op, PSA_ERROR_INVALID_ARGUMENT);
    a->text_done += input_length;
    *output_length = input_length;
    return PSA_SUCCESS;
}

/* Checks common to finish and verify: started, direction, announced lengths met. */
static psa_status_t aead_end_check(const struct rp_op_aead *a, int decrypt)
{
    if (!a->started || a->decrypt != decrypt)
        return PSA_ERROR_BAD_STATE;
    if (a->lengths_set && (a->ad_done != a->ad_total || a->text_done != a->text_total))
        return PSA_ERROR_INVALID_ARGUMENT;
    return PSA_SUCCESS;
}

psa_status_t rp_crypto_aead_finish(int32_t client, uint32_t *op, uint8_t *ciphertext,
                                   size_t ciphertext_size, size_t *ciphertext_length,
                                   uint8_t *tag, size_t tag_size, size_t *tag_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_AEAD);
    struct rp_op_aead *a;
    psa_status_t st;
    (void)ciphertext;
    (void)ciphertext_size;
    *ciphertext_length = 0;
    *tag_length = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    a = &o->u.aead;
    st = aead_end_check(a, 0);
    if (st == PSA_SUCCESS && tag_size < a->tag_len)
        st = PSA_ERROR_BUFFER_TOO_SMALL;
    if (st == PSA_SUCCESS) {
        if (a->kind == RP_AEAD_GCM)
            (void)rp_gcm_finish(&a->u.g, tag, a->tag_len);
        else if (a->kind == RP_AEAD_CCM)
            (void)rp_ccm_finish(&a->u.c, tag);
        else
            (void)rp_chachapoly_finish(&a->u.p, tag);
        *tag_length = a->tag_len;
    }
    rp_op_free(o, op);
    return st;
}

psa_status_t rp_crypto_aead_verify(int32_t client, uint32_t *op, uint8_t *plaintext,
                                   size_t plaintext_size, size_t *plaintext_length,
                                   const uint8_t *tag, size_t tag_length)
{
    struct rp_op *o = rp_op_get(client, *op, RP_OP_AEAD);
    struct rp_op_aead *a;
    psa_status_t st;
    int r;
    (void)plaintext;
    (void)plaintext_size;
    *plaintext_length = 0;
    if (!o)
        return PSA_ERROR_BAD_STATE;
    a = &o->u.aead;
    st = aead_end_check(a, 1);
    if (st == PSA_SUCCESS) {
        if (a->kind == RP_AEAD_GCM)
            r = rp_gcm_verify(&a->u.g, tag, tag_length);
        else if (a->kind == RP_AEAD_CCM)
            r = rp_ccm_verify(&a->u.c, tag, tag_length);
        else
            r = rp_chachapoly_verify(&a->u.p, tag, tag_length);
        if (r != 0 || tag_length != a->tag_len)
            st = PSA_ERROR_INVALID_SIGNATURE;
    }
    rp_op_free(o, op);
    return st;
}
