/* attest_sp.c - the Initial Attestation partition: one stateless service, RP_ATTEST
 * (message format: rp_attest_ipc.h), that answers a challenge with a PSA attestation token
 * (FORMATS.md section 3, profile PSA_IOT_PROFILE_1):
 *
 *   18([ h'A10126', {}, bstr(claims), bstr(r || s) ])        COSE_Sign1, ES256
 *
 * signed by the Crypto service with its builtin Initial Attestation Key (this partition is
 * a secure client of RP_CRYPTO: the private key never leaves the Crypto partition). The
 * software components are the boot records BL2 left in the shared area (FORMATS.md 2),
 * which this partition copies and validates once, at start-up.
 *
 * With RP_ATTEST_SYMMETRIC=1 (CMake RAMPART_ATTEST_SYMMETRIC) the token is instead
 *
 *   17([ h'A10105', {}, bstr(claims), bstr(tag) ])           COSE_Mac0, HMAC 256/256
 *
 * under a symmetric IAK that the Crypto service derives for this partition (iak_init).
 *
 * The same source is an SFN partition (manifest.yaml: rp_attest_sp_init, rp_attest_sfn) or
 * an IPC one (manifest_ipc.yaml: rp_attest_sp_main). docs/attestation.md. */
#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"
#include "psa/initial_attestation.h"
#include "psa/lifecycle.h"
#include "psa/service.h"
#include "psa_manifest/rp_attest_sp.h"
#include "rp_attest_ipc.h"
#include "rp_boot_data.h"
#include "rp_cbor.h"

#ifndef RP_ATTEST_SYMMETRIC
#define RP_ATTEST_SYMMETRIC 0
#endif
#if RP_ATTEST_SYMMETRIC
#include "rp_ct.h"
#endif

/* The shared area BL2 fills (an521_memory_map.h RP_BOOT_SHARED_BASE/SIZE; declared as
 * this partition's read-only MMIO region, so that it is reachable at level 3). A host
 * test gives its own area. */
#ifndef BOOT_SHARED_BASE
#define BOOT_SHARED_BASE 0x38000000u
#endif
#define BOOT_SHARED_SIZE 0x400u
#define BOOT_MODULES     7u /* FORMATS.md 2: modules 0..6 */

/* PSA_IOT_PROFILE_1 claim keys (FORMATS.md 3.2). */
#define CLAIM_PROFILE      (-75000)
#define CLAIM_CLIENT_ID    (-75001)
#define CLAIM_LIFECYCLE    (-75002)
#define CLAIM_IMPL_ID      (-75003)
#define CLAIM_BOOT_SEED    (-75004)
#define CLAIM_SW_COMPS     (-75006)
#define CLAIM_NO_SW_MEAS   (-75007)
#define CLAIM_NONCE        (-75008)
#define CLAIM_INSTANCE_ID  (-75009)
#define CLAIM_VERIF_SVC    (-75010)

static const char profile[] = "PSA_IOT_PROFILE_1";
/* Development values: QEMU's AN521 has no OTP to hold a real implementation ID. This is
 * the PSA test value (AA x8, BB x8, CC x8, DD x8, as TF-M's dummy); a product puts its
 * own here. */
static const uint8_t impl_id[32] = {
    0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xBB, 0xBB, 0xBB, 0xBB, 0xBB, 0xBB, 0xBB, 0xBB,
    0xCC, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC, 0xDD, 0xDD, 0xDD, 0xDD, 0xDD, 0xDD, 0xDD, 0xDD,
};
static const char verif_svc[] = "www.trustedfirmware.org";

#if RP_ATTEST_SYMMETRIC
/* COSE (RFC 9052 6.2): the protected header {1: 5} (alg HMAC 256/256) as a bstr, the start
 * of the COSE_Mac0 (tag 17, array of 4, protected, empty unprotected map) and of its
 * MAC_structure ["MAC0", protected, h'' external_aad, payload]. */
static const uint8_t cose_head[] = { 0xD1, 0x84, 0x43, 0xA1, 0x01, 0x05, 0xA0 };
static const uint8_t tbs_head[] = { 0x84, 0x64, 'M', 'A', 'C', '0', 0x43, 0xA1, 0x01, 0x05, 0x40 };
#define AUTH_LEN 32u                                    /* the HMAC-SHA-256 tag */
static const uint8_t auth_head[] = { 0x58, AUTH_LEN };  /* bstr(32) */
/* HKDF info of the symmetric IAK (iak_init). */
static const char iak_label[] = "Rampart attestation HMAC IAK v1";
static psa_key_id_t iak_mac;          /* the volatile HMAC key, once derived */
#else
/* COSE (RFC 9052): the protected header {1: -7} (alg ES256) as a bstr, the start of the
 * COSE_Sign1 (tag 18, array of 4, protected, empty unprotected map) and of its
 * Sig_structure ["Signature1", protected, h'' external_aad, payload]. */
static const uint8_t cose_head[] = { 0xD2, 0x84, 0x43, 0xA1, 0x01, 0x26, 0xA0 };
static const uint8_t tbs_head[] = {
    0x84, 0x6A, 'S', 'i', 'g', 'n', 'a', 't', 'u', 'r', 'e', '1', 0x43, 0xA1, 0x01, 0x26, 0x40,
};
#define AUTH_LEN 64u                                    /* r || s */
static const uint8_t auth_head[] = { 0x58, AUTH_LEN };  /* bstr(64) */
#endif

static uint8_t boot[BOOT_SHARED_SIZE];
static int boot_ok;                   /* rp_boot_data_check accepted the copy */
static int keys_ready;                /* boot seed and instance ID computed */
static uint8_t boot_seed[32];
static uint8_t instance_id[33];       /* 0x01 || the IAK hash (iak_init) */
#if !RP_ATTEST_SYMMETRIC
static uint8_t pubkey[65];
#endif
static uint8_t claims[PSA_INITIAL_ATTEST_MAX_TOKEN_SIZE];

/* Copies the shared area byte by byte through a volatile pointer (at level 3 it is mapped
 * as Device memory, where an unaligned library copy could fault), then validates it. */
psa_status_t rp_attest_sp_init(void)
{
    const volatile uint8_t *src = (const volatile uint8_t *)BOOT_SHARED_BASE;
    for (uint32_t i = 0; i < BOOT_SHARED_SIZE; i++) {
        boot[i] = src[i];
    }
    boot_ok = rp_boot_data_check(boot, sizeof boot) == RP_BOOT_DATA_OK;
    return PSA_SUCCESS;
}

#if RP_ATTEST_SYMMETRIC
/* The symmetric IAK: 32 bytes of HKDF-SHA-256 (no salt, info iak_label) from this
 * partition's platform derivation key (RP_BUILTIN_KEY_ID_PLATFORM_DERIVE, which the Crypto
 * service derives from the HUK for each client), imported as a volatile HMAC-SHA-256 key
 * for SIGN_MESSAGE only; h gets SHA-256(SHA-256(key)), the instance ID's hash (PSA
 * Attestation API 2.0, table 4: a double hash for a symmetric IAK). The key bytes are
 * wiped on every path. out: PSA_SUCCESS or the Crypto service's error. */
static psa_status_t iak_init(uint8_t h[32])
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t k[32], h1[32];
    size_t n = 0;
    psa_status_t st = psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256));
    if (st == PSA_SUCCESS) {
        st = psa_key_derivation_input_key(&op, PSA_KEY_DERIVATION_INPUT_SECRET,
                                          RP_BUILTIN_KEY_ID_PLATFORM_DERIVE);
    }
    if (st == PSA_SUCCESS) {
        st = psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO,
                                            (const uint8_t *)iak_label, sizeof iak_label - 1);
    }
    if (st == PSA_SUCCESS) {
        st = psa_key_derivation_output_bytes(&op, k, sizeof k);
    }
    (void)psa_key_derivation_abort(&op);
    if (st == PSA_SUCCESS) {
        st = psa_hash_compute(PSA_ALG_SHA_256, k, sizeof k, h1, sizeof h1, &n);
    }
    if (st == PSA_SUCCESS) {
        st = psa_hash_compute(PSA_ALG_SHA_256, h1, sizeof h1, h, 32, &n);
    }
    if (st == PSA_SUCCESS) {
        psa_set_key_type(&a, PSA_KEY_TYPE_HMAC);
        psa_set_key_bits(&a, 256);
        psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_MESSAGE);
        psa_set_key_algorithm(&a, PSA_ALG_HMAC(PSA_ALG_SHA_256));
        st = psa_import_key(&a, k, sizeof k, &iak_mac);
    }
    rp_wipe(k, sizeof k);
    rp_wipe(h1, sizeof h1);
    return st;
}
#else
/* The IAK is the Crypto service's builtin key pair: h gets SHA-256(04 || X || Y) of its
 * public key (kept for rp_initial_attest_get_public_key). out: PSA_SUCCESS or the Crypto
 * service's error. */
static psa_status_t iak_init(uint8_t h[32])
{
    size_t n = 0;
    psa_status_t st = psa_export_public_key(RP_BUILTIN_KEY_ID_IAK, pubkey, sizeof pubkey, &n);
    if (st == PSA_SUCCESS && n != sizeof pubkey) {
        st = PSA_ERROR_GENERIC_ERROR;
    }
    if (st == PSA_SUCCESS) {
        st = psa_hash_compute(PSA_ALG_SHA_256, pubkey, sizeof pubkey, h, 32, &n);
    }
    return st;
}
#endif

/* Once per boot, at the first request (the Crypto service is up by then): the boot seed
 * (random) and the instance ID from the IAK. out: PSA_SUCCESS or the Crypto service's
 * error. */
static psa_status_t keys_init(void)
{
    uint8_t h[32];
    psa_status_t st;
    if (keys_ready) {
        return PSA_SUCCESS;
    }
    st = psa_generate_random(boot_seed, sizeof boot_seed);
    if (st == PSA_SUCCESS) {
        st = iak_init(h);
    }
    if (st != PSA_SUCCESS) {
        return st;
    }
    instance_id[0] = 0x01;
    for (unsigned i = 0; i < 32; i++) {
        instance_id[1 + i] = h[i];
    }
    keys_ready = 1;
    return PSA_SUCCESS;
}

/* The software components claim: every module's first IAS entry that is a whole boot
 * record (type RP_BOOT_DATA_RECORD(module)), appended verbatim after strict parsing, or
 * the "no software measurements" claim when there is none. out: 0, or -1 if the area is
 * invalid or a record is malformed (claim data missing). */
static int encode_sw_components(struct rp_cbor *e)
{
    const uint8_t *rec;
    uint16_t len;
    struct rp_boot_record br;
    unsigned count = 0;
    if (!boot_ok) {
        return -1;
    }
    for (unsigned m = 0; m < BOOT_MODULES; m++) {
        if (rp_boot_data_find(boot, sizeof boot, (uint16_t)RP_BOOT_DATA_RECORD(m), &rec,
                              &len) == RP_BOOT_DATA_OK) {
            if (rp_boot_record_parse(rec, len, &br) != RP_BOOT_DATA_OK) {
                return -1;
            }
            count++;
        }
    }
    if (count == 0) {
        rp_cbor_int(e, CLAIM_NO_SW_MEAS);
        rp_cbor_int(e, 1);
        return 0;
    }
    rp_cbor_int(e, CLAIM_SW_COMPS);
    rp_cbor_head(e, RP_CBOR_ARRAY, count);
    for (unsigned m = 0; m < BOOT_MODULES; m++) {
        if (rp_boot_data_find(boot, sizeof boot, (uint16_t)RP_BOOT_DATA_RECORD(m), &rec,
                              &len) == RP_BOOT_DATA_OK) {
            rp_cbor_raw(e, rec, len);
        }
    }
    return 0;
}

/* The claims map (FORMATS.md 3.2) for this caller and nonce, into e (a counting encoder
 * gives its size). nonce may be NULL with a counting encoder. out: 0, or -1 when claim
 * data is missing. */
static int encode_claims(struct rp_cbor *e, int32_t client_id, const uint8_t *nonce,
                         size_t nonce_len)
{
    rp_cbor_head(e, RP_CBOR_MAP, 9);
    rp_cbor_int(e, CLAIM_PROFILE);
    rp_cbor_tstr(e, profile, sizeof profile - 1);
    rp_cbor_int(e, CLAIM_CLIENT_ID);
    rp_cbor_int(e, client_id);
    rp_cbor_int(e, CLAIM_LIFECYCLE);
    rp_cbor_int(e, psa_rot_lifecycle_state());
    rp_cbor_int(e, CLAIM_IMPL_ID);
    rp_cbor_bstr(e, impl_id, sizeof impl_id);
    rp_cbor_int(e, CLAIM_BOOT_SEED);
    rp_cbor_bstr(e, boot_seed, sizeof boot_seed);
    if (encode_sw_components(e) != 0) {
        return -1;
    }
    rp_cbor_int(e, CLAIM_NONCE);
    rp_cbor_bstr(e, nonce, nonce_len);
    rp_cbor_int(e, CLAIM_INSTANCE_ID);
    rp_cbor_bstr(e, instance_id, sizeof instance_id);
    rp_cbor_int(e, CLAIM_VERIF_SVC);
    rp_cbor_tstr(e, verif_svc, sizeof verif_svc - 1);
    return 0;
}

/* Length of the CBOR head of a bstr of n bytes. */
static size_t bstr_head_len(size_t n)
{
    struct rp_cbor e;
    rp_cbor_init(&e, NULL, 0);
    rp_cbor_head(&e, RP_CBOR_BSTR, n);
    return e.len;
}

/* Token size for a claims map of n bytes. */
static size_t token_len(size_t n)
{
    return sizeof cose_head + bstr_head_len(n) + n + sizeof auth_head + AUTH_LEN;
}

static int challenge_size_ok(size_t n)
{
    return n == PSA_INITIAL_ATTEST_CHALLENGE_SIZE_32 ||
           n == PSA_INITIAL_ATTEST_CHALLENGE_SIZE_48 ||
           n == PSA_INITIAL_ATTEST_CHALLENGE_SIZE_64;
}

/* The token's size for this caller and challenge size. out: PSA_SUCCESS, or the errors
 * of FORMATS.md 3.1. */
static psa_status_t size_for(int32_t client_id, size_t challenge_size, size_t *out)
{
    struct rp_cbor e;
    psa_status_t st;
    if (!challenge_size_ok(challenge_size)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    st = keys_init();
    if (st != PSA_SUCCESS) {
        return st;
    }
    rp_cbor_init(&e, NULL, 0);
    if (encode_claims(&e, client_id, NULL, challenge_size) != 0) {
        return PSA_ERROR_GENERIC_ERROR;
    }
    *out = token_len(e.len);
    /* The header promises no token is larger than this: refuse rather than break it. */
    return *out <= PSA_INITIAL_ATTEST_MAX_TOKEN_SIZE ? PSA_SUCCESS : PSA_ERROR_GENERIC_ERROR;
}

#if RP_ATTEST_SYMMETRIC
/* COSE_Mac0 tag (RFC 9052 6.3): HMAC-SHA-256 with the symmetric IAK over the
 * MAC_structure, streamed through the Crypto service (no copy of it here). */
static psa_status_t authenticate(size_t n, uint8_t tag[AUTH_LEN])
{
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
    uint8_t bh[3];
    size_t tl = 0;
    struct rp_cbor e;
    rp_cbor_init(&e, bh, sizeof bh);
    rp_cbor_head(&e, RP_CBOR_BSTR, n);
    psa_status_t st = psa_mac_sign_setup(&op, iak_mac, PSA_ALG_HMAC(PSA_ALG_SHA_256));
    if (st == PSA_SUCCESS) {
        st = psa_mac_update(&op, tbs_head, sizeof tbs_head);
    }
    if (st == PSA_SUCCESS) {
        st = psa_mac_update(&op, bh, e.len);
    }
    if (st == PSA_SUCCESS) {
        st = psa_mac_update(&op, claims, n);
    }
    if (st == PSA_SUCCESS) {
        st = psa_mac_sign_finish(&op, tag, AUTH_LEN, &tl);
    }
    if (st != PSA_SUCCESS) {
        (void)psa_mac_abort(&op);
        return st;
    }
    return tl != AUTH_LEN ? PSA_ERROR_GENERIC_ERROR : PSA_SUCCESS;
}
#else
/* COSE_Sign1 signature: SHA-256 over the Sig_structure (RFC 9052 4.4), then ECDSA with the
 * IAK; sig = r || s, 32 bytes each (the PSA signature format is already raw). */
static psa_status_t authenticate(size_t n, uint8_t sig[AUTH_LEN])
{
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
    uint8_t bh[3], h[32];
    size_t hl = 0, sl = 0;
    struct rp_cbor e;
    rp_cbor_init(&e, bh, sizeof bh);
    rp_cbor_head(&e, RP_CBOR_BSTR, n);
    psa_status_t st = psa_hash_setup(&op, PSA_ALG_SHA_256);
    if (st == PSA_SUCCESS) {
        st = psa_hash_update(&op, tbs_head, sizeof tbs_head);
    }
    if (st == PSA_SUCCESS) {
        st = psa_hash_update(&op, bh, e.len);
    }
    if (st == PSA_SUCCESS) {
        st = psa_hash_update(&op, claims, n);
    }
    if (st == PSA_SUCCESS) {
        st = psa_hash_finish(&op, h, sizeof h, &hl);
    }
    if (st != PSA_SUCCESS) {
        (void)psa_hash_abort(&op);
        return st;
    }
    st = psa_sign_hash(RP_BUILTIN_KEY_ID_IAK, PSA_ALG_ECDSA(PSA_ALG_SHA_256), h, hl, sig,
                       AUTH_LEN, &sl);
    return st == PSA_SUCCESS && sl != AUTH_LEN ? PSA_ERROR_GENERIC_ERROR : st;
}
#endif

/* RP_ATTEST_GET_TOKEN: read the challenge, encode the claims, sign (or MAC), write the
 * token to out_vec[0] in pieces (head, payload, signature or tag). */
static psa_status_t get_token(const psa_msg_t *msg)
{
    uint8_t nonce[PSA_INITIAL_ATTEST_CHALLENGE_SIZE_64], sig[AUTH_LEN], bh[3];
    size_t cs = msg->in_size[0], total = 0;
    struct rp_cbor e;
    psa_status_t st = size_for(msg->client_id, cs, &total);
    if (st != PSA_SUCCESS) {
        return st;
    }
    if (msg->out_size[0] == 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (msg->out_size[0] < total) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    if (psa_read(msg->handle, 0, nonce, cs) != cs) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    rp_cbor_init(&e, claims, sizeof claims);
    if (encode_claims(&e, msg->client_id, nonce, cs) != 0 || !rp_cbor_ok(&e)) {
        return PSA_ERROR_GENERIC_ERROR;
    }
    st = authenticate(e.len, sig);
    if (st != PSA_SUCCESS) {
        return st;
    }
    size_t n = e.len;
    rp_cbor_init(&e, bh, sizeof bh);
    rp_cbor_head(&e, RP_CBOR_BSTR, n);
    psa_write(msg->handle, 0, cose_head, sizeof cose_head);
    psa_write(msg->handle, 0, bh, e.len);
    psa_write(msg->handle, 0, claims, n);
    psa_write(msg->handle, 0, auth_head, sizeof auth_head);
    psa_write(msg->handle, 0, sig, sizeof sig);
    return PSA_SUCCESS;
}

static psa_status_t get_token_size(const psa_msg_t *msg)
{
    uint32_t cs = 0, ts;
    size_t total = 0;
    if (psa_read(msg->handle, 0, &cs, sizeof cs) != sizeof cs) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    psa_status_t st = size_for(msg->client_id, cs, &total);
    if (st == PSA_SUCCESS) {
        ts = (uint32_t)total;
        psa_write(msg->handle, 0, &ts, sizeof ts);
    }
    return st;
}

/* The IAK's public key; a symmetric IAK has none (PSA_ERROR_NOT_SUPPORTED). */
static psa_status_t get_public_key(const psa_msg_t *msg)
{
#if RP_ATTEST_SYMMETRIC
    (void)msg;
    return PSA_ERROR_NOT_SUPPORTED;
#else
    psa_status_t st = keys_init();
    if (st != PSA_SUCCESS) {
        return st;
    }
    if (msg->out_size[0] < sizeof pubkey) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    psa_write(msg->handle, 0, pubkey, sizeof pubkey);
    return PSA_SUCCESS;
#endif
}

/* 1 if msg has in_vec[0] only when `in0` (of exactly in0_size bytes when that is not 0),
 * out_vec[0], and nothing else. */
static int shape_ok(const psa_msg_t *msg, int in0, size_t in0_size, size_t out0_size)
{
    return (in0 || msg->in_size[0] == 0) &&
           (in0_size == 0 || msg->in_size[0] == in0_size) && msg->in_size[1] == 0 &&
           msg->in_size[2] == 0 && msg->in_size[3] == 0 &&
           (out0_size == 0 || msg->out_size[0] == out0_size) && msg->out_size[1] == 0 &&
           msg->out_size[2] == 0 && msg->out_size[3] == 0;
}

/* The RP_ATTEST service function (SFN model; the IPC loop below calls it too). */
psa_status_t rp_attest_sfn(const psa_msg_t *msg)
{
    switch (msg->type) {
    case RP_ATTEST_GET_TOKEN:
        return shape_ok(msg, 1, 0, 0) ? get_token(msg) : PSA_ERROR_PROGRAMMER_ERROR;
    case RP_ATTEST_GET_TOKEN_SIZE:
        return shape_ok(msg, 1, sizeof(uint32_t), sizeof(uint32_t)) ? get_token_size(msg)
                                                                     : PSA_ERROR_PROGRAMMER_ERROR;
    case RP_ATTEST_GET_PUBLIC_KEY:
        return shape_ok(msg, 0, 0, 0) ? get_public_key(msg) : PSA_ERROR_PROGRAMMER_ERROR;
    default:
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
}

/* IPC model: copy the boot data, then answer RP_ATTEST messages for ever. */
void rp_attest_sp_main(void)
{
    psa_msg_t msg;
    (void)rp_attest_sp_init();
    for (;;) {
        if ((psa_wait(RP_ATTEST_SIGNAL, PSA_BLOCK) & RP_ATTEST_SIGNAL) != 0 &&
            psa_get(RP_ATTEST_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, rp_attest_sfn(&msg));
        }
    }
}
