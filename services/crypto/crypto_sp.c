/* crypto_sp.c - the Crypto secure partition (SFN): decodes a PSA Crypto call from the
 * client libraries (rp_crypto_ipc.h), runs it in the crypto core for the calling client,
 * and writes the results back. docs/crypto-service.md.
 *
 * Buffers cross by copy (psa_read / psa_write): that works at every isolation level (an
 * unprivileged partition may not map vectors), the core never sees memory the client can
 * change under it, and the client's buffers may overlap freely. Inputs of one call share
 * RP_SP_IN_MAX bytes and outputs RP_SP_OUT_MAX bytes; the client libraries split long
 * multipart updates so that only one-shot calls meet these limits. */
#include <string.h>

#include "psa/service.h"
#include "psa_manifest/rp_crypto_sp.h"
#include "psa_manifest/sid.h"
#include "rp_crypto_chunked.h"
#include "rp_crypto_core.h"
#include "rp_crypto_ipc.h"
#include "rp_crypto_spm.h"
#ifdef RP_ITS_SID
#include "psa/internal_trusted_storage.h"
#endif
#include "rp_ct.h"

/* 2,560: an RSA-4096 RSAPrivateKey (at most 2,350 bytes) in or out, with the request. */
#define RP_SP_IN_MAX  2560u
#define RP_SP_OUT_MAX 2560u

static uint8_t in_arena[RP_SP_IN_MAX];
static uint8_t out_arena[RP_SP_OUT_MAX];

struct call {
    int32_t client;
    struct rp_crypto_req r;
    const uint8_t *in[PSA_MAX_IOVEC];
    size_t in_n[PSA_MAX_IOVEC];
    uint8_t *out[PSA_MAX_IOVEC];
    size_t out_n[PSA_MAX_IOVEC];    /* capacity given to the core */
    size_t out_len[PSA_MAX_IOVEC];  /* bytes the core produced */
    uint32_t handle;                /* multipart: the operation, written to out_vec[0] */
    int has_handle;
    size_t in_used;                 /* bytes of in_arena holding this call's inputs */
    int truncated;                  /* an output got less room than the client gave */
};

/* Functions whose out_vec[0] is the operation handle. */
static int returns_handle(int32_t fn)
{
    switch (fn) {
    case RP_CRYPTO_FN_HASH_SETUP: case RP_CRYPTO_FN_HASH_UPDATE:
    case RP_CRYPTO_FN_HASH_FINISH: case RP_CRYPTO_FN_HASH_VERIFY:
    case RP_CRYPTO_FN_HASH_CLONE: case RP_CRYPTO_FN_ABORT:
    case RP_CRYPTO_FN_HASH_SUSPEND: case RP_CRYPTO_FN_HASH_RESUME:
    case RP_CRYPTO_FN_MAC_SETUP: case RP_CRYPTO_FN_MAC_UPDATE:
    case RP_CRYPTO_FN_MAC_SIGN_FINISH: case RP_CRYPTO_FN_MAC_VERIFY_FINISH:
    case RP_CRYPTO_FN_CIPHER_SETUP: case RP_CRYPTO_FN_CIPHER_GENERATE_IV:
    case RP_CRYPTO_FN_CIPHER_SET_IV: case RP_CRYPTO_FN_CIPHER_UPDATE:
    case RP_CRYPTO_FN_CIPHER_FINISH:
    case RP_CRYPTO_FN_AEAD_SETUP: case RP_CRYPTO_FN_AEAD_GENERATE_NONCE:
    case RP_CRYPTO_FN_AEAD_SET_NONCE: case RP_CRYPTO_FN_AEAD_SET_LENGTHS:
    case RP_CRYPTO_FN_AEAD_UPDATE_AD: case RP_CRYPTO_FN_AEAD_UPDATE:
    case RP_CRYPTO_FN_AEAD_FINISH: case RP_CRYPTO_FN_AEAD_VERIFY:
    case RP_CRYPTO_FN_KDF_SETUP: case RP_CRYPTO_FN_KDF_SET_CAPACITY:
    case RP_CRYPTO_FN_KDF_INPUT_BYTES: case RP_CRYPTO_FN_KDF_INPUT_INTEGER:
    case RP_CRYPTO_FN_KDF_INPUT_KEY: case RP_CRYPTO_FN_KDF_KEY_AGREEMENT:
    case RP_CRYPTO_FN_KDF_OUTPUT_BYTES: case RP_CRYPTO_FN_KDF_OUTPUT_KEY:
    case RP_CRYPTO_FN_KDF_VERIFY_BYTES: case RP_CRYPTO_FN_KDF_VERIFY_KEY:
        return 1;
    default:
        return 0;
    }
}

/* Step 1, decode: the request header, the inputs copied in, output capacities. Nothing
 * has changed when this fails. PSA_ERROR_PROGRAMMER_ERROR: a malformed message (only a
 * broken client library sends one); PSA_ERROR_INSUFFICIENT_MEMORY: inputs too long. */
static psa_status_t decode(const psa_msg_t *msg, struct call *c)
{
    size_t in_used = 0, out_used = 0;
    unsigned first_out;

    memset(c, 0, sizeof *c);
    c->client = msg->client_id;
    if (msg->type < RP_CRYPTO_FN_INIT || msg->type >= RP_CRYPTO_FN_COUNT)
        return PSA_ERROR_NOT_SUPPORTED;
    if (msg->in_size[0] != sizeof c->r ||
        psa_read(msg->handle, 0, &c->r, sizeof c->r) != sizeof c->r)
        return PSA_ERROR_PROGRAMMER_ERROR;
    for (unsigned i = 1; i < PSA_MAX_IOVEC; i++) {
        size_t n = msg->in_size[i];
        if (n > RP_SP_IN_MAX - in_used)
            return PSA_ERROR_INSUFFICIENT_MEMORY;
        c->in[i] = in_arena + in_used;
        if (n != 0)   /* an absent vector costs no SPM call */
            c->in_n[i] = psa_read(msg->handle, i, in_arena + in_used, n);
        in_used += (n + 7u) & ~(size_t)7u;    /* keep each vector 8-byte aligned */
        in_used = in_used < RP_SP_IN_MAX ? in_used : RP_SP_IN_MAX;
        c->in_used = in_used;
    }
    c->has_handle = returns_handle(msg->type);
    if (c->has_handle && msg->out_size[0] < sizeof c->handle)
        return PSA_ERROR_PROGRAMMER_ERROR;
    c->handle = c->r.op;
    first_out = c->has_handle ? 1u : 0u;
    for (unsigned i = first_out; i < PSA_MAX_IOVEC; i++) {
        size_t n = msg->out_size[i];
        if (n > RP_SP_OUT_MAX - out_used) {
            n = RP_SP_OUT_MAX - out_used;
            c->truncated = 1;
        }
        c->out[i] = out_arena + out_used;
        c->out_n[i] = n;
        out_used += (n + 7u) & ~(size_t)7u;
        out_used = out_used < RP_SP_OUT_MAX ? out_used : RP_SP_OUT_MAX;
    }
    return PSA_SUCCESS;
}

/* An attributes structure from in_vec i (exactly its size). */
static psa_status_t attributes_in(const struct call *c, unsigned i, psa_key_attributes_t *a)
{
    if (c->in_n[i] != sizeof *a)
        return PSA_ERROR_PROGRAMMER_ERROR;
    memcpy(a, c->in[i], sizeof *a);
    return PSA_SUCCESS;
}

/* A fixed-size result (key id, attributes, capacity) into out_vec i. */
static psa_status_t value_out(struct call *c, unsigned i, const void *v, size_t n)
{
    if (c->out_n[i] < n)
        return PSA_ERROR_PROGRAMMER_ERROR;
    memcpy(c->out[i], v, n);
    c->out_len[i] = n;
    return PSA_SUCCESS;
}

static psa_status_t do_keys(struct call *c, int32_t fn)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0;
    psa_status_t st = PSA_SUCCESS;
    const struct rp_crypto_req *r = &c->r;

    switch (fn) {
    case RP_CRYPTO_FN_INIT:
        return rp_crypto_init();
    case RP_CRYPTO_FN_GET_ATTRIBUTES:
        st = rp_crypto_get_key_attributes(c->client, r->key, &a);
        return st == PSA_SUCCESS ? value_out(c, 0, &a, sizeof a) : st;
    case RP_CRYPTO_FN_IMPORT:
    case RP_CRYPTO_FN_GENERATE:
    case RP_CRYPTO_FN_COPY:
        st = attributes_in(c, 1, &a);
        if (st == PSA_SUCCESS && c->out_n[0] < sizeof id)
            st = PSA_ERROR_PROGRAMMER_ERROR;
        if (st == PSA_SUCCESS)
            st = fn == RP_CRYPTO_FN_IMPORT
                     ? rp_crypto_import_key(c->client, &a, c->in[2], c->in_n[2], &id)
                 : fn == RP_CRYPTO_FN_GENERATE ? rp_crypto_generate_key(c->client, &a, &id)
                                               : rp_crypto_copy_key(c->client, r->key, &a, &id);
        return st == PSA_SUCCESS ? value_out(c, 0, &id, sizeof id) : st;
    case RP_CRYPTO_FN_DESTROY:
        return rp_crypto_destroy_key(c->client, r->key);
    case RP_CRYPTO_FN_PURGE:
        return rp_crypto_purge_key(c->client, r->key);
    case RP_CRYPTO_FN_EXPORT:
        return rp_crypto_export_key(c->client, r->key, c->out[0], c->out_n[0], &c->out_len[0]);
    case RP_CRYPTO_FN_EXPORT_PUBLIC:
        return rp_crypto_export_public_key(c->client, r->key, c->out[0], c->out_n[0],
                                           &c->out_len[0]);
    case RP_CRYPTO_FN_RANDOM:
        st = rp_crypto_generate_random(c->client, c->out[0], c->out_n[0]);
        c->out_len[0] = st == PSA_SUCCESS ? c->out_n[0] : 0;
        return st;
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

static psa_status_t do_hash_mac(struct call *c, int32_t fn)
{
    const struct rp_crypto_req *r = &c->r;
    uint32_t *h = &c->handle;

    switch (fn) {
    case RP_CRYPTO_FN_HASH_COMPUTE:
        return rp_crypto_hash_compute(c->client, r->alg, c->in[1], c->in_n[1], c->out[0],
                                      c->out_n[0], &c->out_len[0]);
    case RP_CRYPTO_FN_HASH_COMPARE:
        return rp_crypto_hash_compare(c->client, r->alg, c->in[1], c->in_n[1], c->in[2],
                                      c->in_n[2]);
    case RP_CRYPTO_FN_HASH_SETUP:
        return rp_crypto_hash_setup(c->client, h, r->alg);
    case RP_CRYPTO_FN_HASH_UPDATE:
        return rp_crypto_hash_update(c->client, h, c->in[1], c->in_n[1]);
    case RP_CRYPTO_FN_HASH_FINISH:
        return rp_crypto_hash_finish(c->client, h, c->out[1], c->out_n[1], &c->out_len[1]);
    case RP_CRYPTO_FN_HASH_VERIFY:
        return rp_crypto_hash_verify(c->client, h, c->in[1], c->in_n[1]);
    case RP_CRYPTO_FN_HASH_CLONE:
        *h = r->arg;
        return rp_crypto_hash_clone(c->client, r->op, h);
    case RP_CRYPTO_FN_ABORT:
        return rp_crypto_abort(c->client, h);
    case RP_CRYPTO_FN_HASH_SUSPEND:
        return rp_crypto_hash_suspend(c->client, h, c->out[1], c->out_n[1], &c->out_len[1]);
    case RP_CRYPTO_FN_HASH_RESUME:
        return rp_crypto_hash_resume(c->client, h, c->in[1], c->in_n[1]);
    case RP_CRYPTO_FN_MAC_COMPUTE:
        return rp_crypto_mac_compute(c->client, r->key, r->alg, c->in[1], c->in_n[1],
                                     c->out[0], c->out_n[0], &c->out_len[0]);
    case RP_CRYPTO_FN_MAC_VERIFY:
        return rp_crypto_mac_verify(c->client, r->key, r->alg, c->in[1], c->in_n[1],
                                    c->in[2], c->in_n[2]);
    case RP_CRYPTO_FN_MAC_SETUP:
        return rp_crypto_mac_setup(c->client, h, r->key, r->alg, r->arg != 0);
    case RP_CRYPTO_FN_MAC_UPDATE:
        return rp_crypto_mac_update(c->client, h, c->in[1], c->in_n[1]);
    case RP_CRYPTO_FN_MAC_SIGN_FINISH:
        return rp_crypto_mac_sign_finish(c->client, h, c->out[1], c->out_n[1],
                                         &c->out_len[1]);
    case RP_CRYPTO_FN_MAC_VERIFY_FINISH:
        return rp_crypto_mac_verify_finish(c->client, h, c->in[1], c->in_n[1]);
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

static psa_status_t do_cipher_aead(struct call *c, int32_t fn)
{
    const struct rp_crypto_req *r = &c->r;
    uint32_t *h = &c->handle;

    switch (fn) {
    case RP_CRYPTO_FN_CIPHER_CRYPT:
        return rp_crypto_cipher_crypt(c->client, r->key, r->alg, r->arg != 0, c->in[1],
                                      c->in_n[1], c->out[0], c->out_n[0], &c->out_len[0]);
    case RP_CRYPTO_FN_CIPHER_SETUP:
        return rp_crypto_cipher_setup(c->client, h, r->key, r->alg, r->arg != 0);
    case RP_CRYPTO_FN_CIPHER_GENERATE_IV:
        return rp_crypto_cipher_generate_iv(c->client, h, c->out[1], c->out_n[1],
                                            &c->out_len[1]);
    case RP_CRYPTO_FN_CIPHER_SET_IV:
        return rp_crypto_cipher_set_iv(c->client, h, c->in[1], c->in_n[1]);
    case RP_CRYPTO_FN_CIPHER_UPDATE:
        return rp_crypto_cipher_update(c->client, h, c->in[1], c->in_n[1], c->out[1],
                                       c->out_n[1], &c->out_len[1]);
    case RP_CRYPTO_FN_CIPHER_FINISH:
        return rp_crypto_cipher_finish(c->client, h, c->out[1], c->out_n[1], &c->out_len[1]);
    case RP_CRYPTO_FN_AEAD_CRYPT:
        if ((r->arg >> 8) > RP_CRYPTO_NONCE_MAX)
            return PSA_ERROR_PROGRAMMER_ERROR;
        return rp_crypto_aead_crypt(c->client, r->key, r->alg, (r->arg & 0xffu) != 0,
                                    r->u.nonce, r->arg >> 8, c->in[1],
                                    c->in_n[1], c->in[2], c->in_n[2], c->out[0], c->out_n[0],
                                    &c->out_len[0]);
    case RP_CRYPTO_FN_AEAD_SETUP:
        return rp_crypto_aead_setup(c->client, h, r->key, r->alg, r->arg != 0);
    case RP_CRYPTO_FN_AEAD_GENERATE_NONCE:
        return rp_crypto_aead_generate_nonce(c->client, h, c->out[1], c->out_n[1],
                                             &c->out_len[1]);
    case RP_CRYPTO_FN_AEAD_SET_NONCE:
        return rp_crypto_aead_set_nonce(c->client, h, c->in[1], c->in_n[1]);
    case RP_CRYPTO_FN_AEAD_SET_LENGTHS:
        if (r->u.v.n1 > SIZE_MAX || r->u.v.n2 > SIZE_MAX)
            return PSA_ERROR_INVALID_ARGUMENT;
        return rp_crypto_aead_set_lengths(c->client, h, (size_t)r->u.v.n1, (size_t)r->u.v.n2);
    case RP_CRYPTO_FN_AEAD_UPDATE_AD:
        return rp_crypto_aead_update_ad(c->client, h, c->in[1], c->in_n[1]);
    case RP_CRYPTO_FN_AEAD_UPDATE:
        return rp_crypto_aead_update(c->client, h, c->in[1], c->in_n[1], c->out[1],
                                     c->out_n[1], &c->out_len[1]);
    case RP_CRYPTO_FN_AEAD_FINISH:
        return rp_crypto_aead_finish(c->client, h, c->out[1], c->out_n[1], &c->out_len[1],
                                     c->out[2], c->out_n[2], &c->out_len[2]);
    case RP_CRYPTO_FN_AEAD_VERIFY:
        return rp_crypto_aead_verify(c->client, h, c->out[1], c->out_n[1], &c->out_len[1],
                                     c->in[1], c->in_n[1]);
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

static psa_status_t do_asym_kdf(struct call *c, int32_t fn)
{
    const struct rp_crypto_req *r = &c->r;
    uint32_t *h = &c->handle;
    psa_key_attributes_t a;
    psa_key_id_t id = 0;
    size_t cap = 0;
    psa_status_t st;

    switch (fn) {
    case RP_CRYPTO_FN_SIGN:
        return rp_crypto_sign(c->client, r->key, r->alg, r->arg != 0, c->in[1], c->in_n[1],
                              c->out[0], c->out_n[0], &c->out_len[0]);
    case RP_CRYPTO_FN_VERIFY:
        return rp_crypto_verify(c->client, r->key, r->alg, r->arg != 0, c->in[1], c->in_n[1],
                                c->in[2], c->in_n[2]);
    case RP_CRYPTO_FN_ASYMMETRIC_CRYPT:
        return rp_crypto_asymmetric_crypt(c->client, r->key, r->alg, r->arg != 0, c->in[1],
                                          c->in_n[1], c->in[2], c->in_n[2], c->out[0],
                                          c->out_n[0], &c->out_len[0]);
    case RP_CRYPTO_FN_RAW_KEY_AGREEMENT:
        return rp_crypto_raw_key_agreement(c->client, r->alg, r->key, c->in[1], c->in_n[1],
                                           c->out[0], c->out_n[0], &c->out_len[0]);
    case RP_CRYPTO_FN_KDF_SETUP:
        return rp_crypto_kdf_setup(c->client, h, r->alg);
    case RP_CRYPTO_FN_KDF_GET_CAPACITY:
        st = rp_crypto_kdf_get_capacity(c->client, r->op, &cap);
        return st == PSA_SUCCESS ? value_out(c, 0, &cap, sizeof cap) : st;
    case RP_CRYPTO_FN_KDF_SET_CAPACITY:
        return rp_crypto_kdf_set_capacity(c->client, h,
                                          r->u.v.n1 > SIZE_MAX ? SIZE_MAX : (size_t)r->u.v.n1);
    case RP_CRYPTO_FN_KDF_INPUT_BYTES:
        return rp_crypto_kdf_input_bytes(c->client, h, (psa_key_derivation_step_t)r->arg,
                                         c->in[1], c->in_n[1]);
    case RP_CRYPTO_FN_KDF_INPUT_INTEGER:
        return rp_crypto_kdf_input_integer(c->client, h, (psa_key_derivation_step_t)r->arg,
                                           r->u.v.n1);
    case RP_CRYPTO_FN_KDF_INPUT_KEY:
        return rp_crypto_kdf_input_key(c->client, h, (psa_key_derivation_step_t)r->arg,
                                       r->key);
    case RP_CRYPTO_FN_KDF_KEY_AGREEMENT:
        return rp_crypto_kdf_key_agreement(c->client, h, (psa_key_derivation_step_t)r->arg,
                                           r->key, c->in[1], c->in_n[1]);
    case RP_CRYPTO_FN_KDF_OUTPUT_BYTES:
        /* n1 bytes requested; out_vec[1] is that long (the library sends it so) */
        if (r->u.v.n1 > c->out_n[1])
            return PSA_ERROR_INSUFFICIENT_MEMORY;
        st = rp_crypto_kdf_output_bytes(c->client, h, c->out[1], (size_t)r->u.v.n1);
        c->out_len[1] = st == PSA_SUCCESS ? (size_t)r->u.v.n1 : 0;
        return st;
    case RP_CRYPTO_FN_KDF_OUTPUT_KEY:
        st = attributes_in(c, 1, &a);
        if (st == PSA_SUCCESS)
            st = rp_crypto_kdf_output_key(c->client, &a, h, &id);
        return st == PSA_SUCCESS ? value_out(c, 1, &id, sizeof id) : st;
    case RP_CRYPTO_FN_KDF_VERIFY_BYTES:
        return rp_crypto_kdf_verify_bytes(c->client, h, c->in[1], c->in_n[1]);
    case RP_CRYPTO_FN_KDF_VERIFY_KEY:
        return rp_crypto_kdf_verify_key(c->client, h, r->key);
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

/* Step 2, act; step 3, write back: the handle always, data only what the core produced.
 * The staging buffers are wiped (they held keys, plaintexts, secrets) before returning. */
psa_status_t rp_crypto_sfn(const psa_msg_t *msg)
{
    static struct call c;
    psa_status_t st = decode(msg, &c);
    int32_t fn = msg->type;

    if (st == PSA_SUCCESS) {
        if (fn <= RP_CRYPTO_FN_RANDOM)
            st = do_keys(&c, fn);
        else if (fn <= RP_CRYPTO_FN_MAC_VERIFY_FINISH || fn >= RP_CRYPTO_FN_HASH_SUSPEND)
            st = do_hash_mac(&c, fn);   /* suspend / resume came later: numbers at the end */
        else if (fn <= RP_CRYPTO_FN_AEAD_VERIFY)
            st = do_cipher_aead(&c, fn);
        else
            st = do_asym_kdf(&c, fn);
        if (st == PSA_ERROR_BUFFER_TOO_SMALL && c.truncated)
            st = PSA_ERROR_INSUFFICIENT_MEMORY;   /* the limit is ours, not the client's */
        if (c.has_handle)
            psa_write(msg->handle, 0, &c.handle, sizeof c.handle);
        for (unsigned i = 0; i < PSA_MAX_IOVEC; i++) {
            if (c.out_len[i] != 0 && c.out[i] != 0)
                psa_write(msg->handle, i, c.out[i], c.out_len[i]);
        }
    }
    /* the core writes an output only when it succeeds: what it produced is all there is
     * (the call record itself holds ids and lengths, nothing secret) */
    if (c.in_used != 0)
        rp_wipe(in_arena, c.in_used);
    for (unsigned i = 0; i < PSA_MAX_IOVEC; i++) {
        if (c.out[i] != 0 && c.out_len[i] != 0)
            rp_wipe(c.out[i], c.out_len[i]);
    }
    return st;
}

/* ---- persistent keys on the device: key records in ITS ----
 * The records (the core's versioned format) go to the ITS service, in this partition's
 * own ITS namespace; the uid carries the key's owner (RP_CRYPTO_ITS_UID), so no two
 * clients' keys meet. An ITS asset holds at most 512 bytes (docs/storage.md): records
 * larger than that (RSA key pairs) are split over several assets (rp_crypto_chunked.h). */
#ifdef RP_ITS_SID
static psa_status_t asset_set(psa_storage_uid_t uid, size_t len, const void *data)
{
    return psa_its_set(uid, len, data, PSA_STORAGE_FLAG_NONE);
}

static psa_status_t asset_size(psa_storage_uid_t uid, size_t *len)
{
    struct psa_storage_info_t info;
    psa_status_t st = psa_its_get_info(uid, &info);
    *len = st == PSA_SUCCESS ? info.size : 0;
    return st;
}

static const struct rp_asset_api its_assets = { asset_set, psa_its_get, asset_size,
                                                psa_its_remove };

static psa_status_t its_set(void *ctx, int32_t owner, psa_key_id_t id, const uint8_t *d,
                            size_t len)
{
    (void)ctx;
    return rp_chunked_set(&its_assets, RP_CRYPTO_ITS_UID(owner, id), d, len);
}

/* The store's get: *len = the record's length; at most size bytes copied to buf. */
static psa_status_t its_get(void *ctx, int32_t owner, psa_key_id_t id, uint8_t *buf,
                            size_t size, size_t *len)
{
    (void)ctx;
    return rp_chunked_get(&its_assets, RP_CRYPTO_ITS_UID(owner, id), buf, size, len);
}

static psa_status_t its_remove(void *ctx, int32_t owner, psa_key_id_t id)
{
    (void)ctx;
    return rp_chunked_remove(&its_assets, RP_CRYPTO_ITS_UID(owner, id));
}

static const struct rp_crypto_store its_store = { its_set, its_get, its_remove, 0 };
#endif

psa_status_t rp_crypto_sp_init(void)
{
#ifdef RP_ITS_SID
    rp_crypto_set_store(&its_store);   /* persistent keys survive a reset */
#endif
    /* a partition that panics never calls again: what it owned is freed when needed */
    rp_crypto_set_client_alive(rp_spm_client_alive);
    return rp_crypto_init();
}

/* IPC model (crypto_ipc.yaml, for the IPC backend at isolation levels 2 and 3, where FF-M
 * has no SFN partitions): the same service behind a psa_wait loop, on the partition's
 * own stack. */
void rp_crypto_sp_main(void)
{
    (void)rp_crypto_sp_init();
    for (;;) {
        psa_msg_t msg;
        if ((psa_wait(RP_CRYPTO_SIGNAL, PSA_BLOCK) & RP_CRYPTO_SIGNAL) &&
            psa_get(RP_CRYPTO_SIGNAL, &msg) == PSA_SUCCESS)
            psa_reply(msg.handle, rp_crypto_sfn(&msg));
    }
}
