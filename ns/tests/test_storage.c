/* test_storage - the ITS and PS suites (what TF-M's ITS/PS regression covers), run from
 * the non-secure side and, the same case functions compiled into the secure test
 * partition tests/partitions/sp_storage_client (RP_STORAGE_CASES_ONLY), from a secure
 * client. Each case cleans up after itself (except write-once uids, which cannot be
 * removed), so the NS and secure runs share the areas' capacity without interfering.
 *
 * Cases shared by both sides are in SHARED_CASES; the secure partition runs case i of that
 * list when called with type i. NS_ONLY_CASES need the NS client API (client ids, the
 * secure partition itself). */
#include <stdint.h>
#include <string.h>

#include "ns_test.h"
#include "psa/client.h"
#include "psa/internal_trusted_storage.h"
#include "psa/protected_storage.h"
#include "psa_manifest/sid.h"

#ifndef RP_STORAGE_LOOPS
#define RP_STORAGE_LOOPS 200 /* reliability loop iterations; the long image runs more */
#endif

/* The two APIs have the same shape: each case runs against either. */
typedef struct {
    psa_status_t (*set)(psa_storage_uid_t, size_t, const void *, psa_storage_create_flags_t);
    psa_status_t (*get)(psa_storage_uid_t, size_t, size_t, void *, size_t *);
    psa_status_t (*get_info)(psa_storage_uid_t, struct psa_storage_info_t *);
    psa_status_t (*remove)(psa_storage_uid_t);
    size_t max_asset;
    psa_handle_t handle;
} api_t;

static const api_t its = { psa_its_set, psa_its_get, psa_its_get_info, psa_its_remove, 512,
                           RP_ITS_HANDLE };
#ifdef RP_PS_SID /* a product profile may have ITS without PS (docs/profiles.md) */
static const api_t ps = { psa_ps_set, psa_ps_get, psa_ps_get_info, psa_ps_remove, 2048,
                          RP_PS_HANDLE };
#endif

#define UID_A 0x1001u
#define UID_B 0x1002u
#define UID_WO_BASE 0x7700u /* write-once uids: one per API (never removable) */
#define UID_FILL 0x2000u
#define UID_PROBE 0x5EC0u

static uint8_t wbuf[2048 + 4], rbuf[2048 + 4];

static void pattern(uint8_t *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (uint8_t)(seed * 31u + i * 7u + (i >> 8));
    }
}

/* get of the whole asset (n bytes expected) into rbuf and compare with wbuf. */
static int check_content(const api_t *a, psa_storage_uid_t uid, size_t n)
{
    size_t got = 12345;
    memset(rbuf, 0xEE, sizeof rbuf);
    NS_CHECK(a->get(uid, 0, sizeof rbuf, rbuf, &got) == PSA_SUCCESS);
    NS_CHECK(got == n);
    NS_CHECK(memcmp(rbuf, wbuf, n) == 0);
    return 0;
}

static int set_get_remove(const api_t *a)
{
    struct psa_storage_info_t info;
    size_t got;
    pattern(wbuf, 16, 1);
    NS_CHECK(a->set(UID_A, 16, wbuf, PSA_STORAGE_FLAG_NONE) == PSA_SUCCESS);
    NS_CHECK(check_content(a, UID_A, 16) == 0);
    NS_CHECK(a->get_info(UID_A, &info) == PSA_SUCCESS);
    NS_CHECK(info.size == 16 && info.capacity == 16 && info.flags == PSA_STORAGE_FLAG_NONE);
    pattern(wbuf, 40, 2); /* replace: new size, new flags */
    NS_CHECK(a->set(UID_A, 40, wbuf, PSA_STORAGE_FLAG_NO_CONFIDENTIALITY) == PSA_SUCCESS);
    NS_CHECK(check_content(a, UID_A, 40) == 0);
    NS_CHECK(a->get_info(UID_A, &info) == PSA_SUCCESS);
    NS_CHECK(info.size == 40 && info.flags == PSA_STORAGE_FLAG_NO_CONFIDENTIALITY);
    NS_CHECK(a->remove(UID_A) == PSA_SUCCESS);
    NS_CHECK(a->get(UID_A, 0, 4, rbuf, &got) == PSA_ERROR_DOES_NOT_EXIST);
    NS_CHECK(a->get_info(UID_A, &info) == PSA_ERROR_DOES_NOT_EXIST);
    NS_CHECK(a->remove(UID_A) == PSA_ERROR_DOES_NOT_EXIST);
    return 0;
}

static int invalid_uid_and_flags(const api_t *a)
{
    struct psa_storage_info_t info;
    size_t got;
    NS_CHECK(a->set(0, 4, wbuf, 0) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(a->get(0, 0, 4, rbuf, &got) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(a->get_info(0, &info) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(a->remove(0) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(a->set(UID_A, 4, wbuf, 1u << 3) == PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(a->set(UID_A, 4, wbuf, 0x80000000u) == PSA_ERROR_NOT_SUPPORTED);
    NS_CHECK(a->get_info(UID_A, &info) == PSA_ERROR_DOES_NOT_EXIST);
    return 0;
}

static int write_once(const api_t *a)
{
    psa_storage_uid_t uid = UID_WO_BASE + (a != &its);
    struct psa_storage_info_t info;
    pattern(wbuf, 24, 3);
    psa_status_t st = a->set(uid, 24, wbuf, PSA_STORAGE_FLAG_WRITE_ONCE);
    NS_CHECK(st == PSA_SUCCESS || st == PSA_ERROR_NOT_PERMITTED); /* a rerun finds it */
    NS_CHECK(check_content(a, uid, 24) == 0);
    pattern(rbuf, 8, 9);
    NS_CHECK(a->set(uid, 8, rbuf, 0) == PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(a->set(uid, 8, rbuf, PSA_STORAGE_FLAG_WRITE_ONCE) == PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(a->remove(uid) == PSA_ERROR_NOT_PERMITTED);
    NS_CHECK(check_content(a, uid, 24) == 0); /* unchanged */
    NS_CHECK(a->get_info(uid, &info) == PSA_SUCCESS);
    NS_CHECK(info.size == 24 && info.flags == PSA_STORAGE_FLAG_WRITE_ONCE);
    return 0;
}

static int null_and_zero(const api_t *a)
{
    size_t got = 77;
    struct psa_storage_info_t info;
    NS_CHECK(a->set(UID_A, 4, NULL, 0) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(a->set(UID_A, 0, NULL, 0) == PSA_SUCCESS); /* empty asset */
    NS_CHECK(a->get_info(UID_A, &info) == PSA_SUCCESS);
    NS_CHECK(info.size == 0 && info.capacity == 0);
    NS_CHECK(a->get(UID_A, 0, 0, NULL, &got) == PSA_SUCCESS && got == 0);
    got = 77;
    NS_CHECK(a->get(UID_A, 0, 8, rbuf, &got) == PSA_SUCCESS && got == 0);
    NS_CHECK(a->get(UID_A, 0, 4, NULL, &got) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(a->get(UID_A, 0, 4, rbuf, NULL) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(a->get_info(UID_A, NULL) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(a->remove(UID_A) == PSA_SUCCESS);
    return 0;
}

static int offsets(const api_t *a)
{
    size_t got;
    pattern(wbuf, 16, 4);
    NS_CHECK(a->set(UID_A, 16, wbuf, 0) == PSA_SUCCESS);
    got = 99;
    NS_CHECK(a->get(UID_A, 16, 4, rbuf, &got) == PSA_SUCCESS && got == 0); /* at the end */
    memset(rbuf, 0xEE, 8);
    got = 99;
    NS_CHECK(a->get(UID_A, 17, 4, rbuf, &got) == PSA_ERROR_INVALID_ARGUMENT); /* past it */
    NS_CHECK(got == 99 && rbuf[0] == 0xEE && rbuf[3] == 0xEE);           /* untouched */
    NS_CHECK(a->get(UID_A, 0xFFFFFFF0u, 4, rbuf, &got) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(a->get(UID_A, 10, 10, rbuf, &got) == PSA_SUCCESS && got == 6); /* clipped */
    NS_CHECK(memcmp(rbuf, wbuf + 10, 6) == 0);
    NS_CHECK(a->get(UID_A, 3, 5, rbuf, &got) == PSA_SUCCESS && got == 5);
    NS_CHECK(memcmp(rbuf, wbuf + 3, 5) == 0);
    NS_CHECK(a->remove(UID_A) == PSA_SUCCESS);
    return 0;
}

static int partial_gets(const api_t *a)
{
    size_t got, n = a->max_asset / 2;
    pattern(wbuf, n, 5);
    NS_CHECK(a->set(UID_B, n, wbuf, 0) == PSA_SUCCESS);
    for (size_t off = 0; off < n; off += 7) {
        NS_CHECK(a->get(UID_B, off, 7, rbuf, &got) == PSA_SUCCESS);
        NS_CHECK(got == (n - off < 7 ? n - off : 7));
        NS_CHECK(memcmp(rbuf, wbuf + off, got) == 0);
    }
    NS_CHECK(a->remove(UID_B) == PSA_SUCCESS);
    return 0;
}

static int sizes(const api_t *a)
{
    size_t n = a->max_asset;
    pattern(wbuf, n + 1, 6);
    NS_CHECK(a->set(UID_A, n + 1, wbuf, 0) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(a->set(UID_A, n, wbuf, 0) == PSA_SUCCESS); /* exactly the maximum */
    NS_CHECK(check_content(a, UID_A, n) == 0);
    for (size_t len = 1; len < n; len = len * 3 + 1) { /* different sizes in turn */
        pattern(wbuf, len, (unsigned)len);
        NS_CHECK(a->set(UID_A, len, wbuf, 0) == PSA_SUCCESS);
        NS_CHECK(check_content(a, UID_A, len) == 0);
    }
    NS_CHECK(a->remove(UID_A) == PSA_SUCCESS);
    return 0;
}

/* Fills the area with half-maximum assets until it is full, removes the first one and
 * stores another (its space must be reclaimed: compaction), then checks every asset. */
static int fill_and_compact(const api_t *a)
{
    size_t n = a->max_asset / 2;
    unsigned k = 0;
    psa_status_t st = PSA_SUCCESS;
    while (k < 32 && st == PSA_SUCCESS) {
        pattern(wbuf, n, 100 + k);
        st = a->set(UID_FILL + k, n, wbuf, 0);
        k += st == PSA_SUCCESS;
    }
    NS_CHECK(st == PSA_ERROR_INSUFFICIENT_STORAGE && k >= 2);
    NS_CHECK(a->remove(UID_FILL) == PSA_SUCCESS);
    pattern(wbuf, n, 200);
    NS_CHECK(a->set(UID_FILL + 40, n, wbuf, 0) == PSA_SUCCESS);
    NS_CHECK(check_content(a, UID_FILL + 40, n) == 0);
    for (unsigned i = 1; i < k; i++) {
        pattern(wbuf, n, 100 + i);
        NS_CHECK(check_content(a, UID_FILL + i, n) == 0);
        NS_CHECK(a->remove(UID_FILL + i) == PSA_SUCCESS);
    }
    NS_CHECK(a->remove(UID_FILL + 40) == PSA_SUCCESS);
    return 0;
}

static int many_sets(const api_t *a)
{
    for (unsigned i = 0; i < 40; i++) {
        size_t n = 1 + (i * 37u) % 200u;
        pattern(wbuf, n, i);
        NS_CHECK(a->set(UID_B, n, wbuf, 0) == PSA_SUCCESS);
        NS_CHECK(check_content(a, UID_B, n) == 0);
    }
    NS_CHECK(a->remove(UID_B) == PSA_SUCCESS);
    return 0;
}

static int reliability(const api_t *a)
{
    for (unsigned i = 0; i < RP_STORAGE_LOOPS; i++) {
        psa_storage_uid_t uid = UID_A + (i % 3u);
        size_t n = 1 + (i * 13u) % 64u;
        pattern(wbuf, n, i + 7);
        NS_CHECK(a->set(uid, n, wbuf, 0) == PSA_SUCCESS);
        NS_CHECK(check_content(a, uid, n) == 0);
        if (i % 3u == 2u) {
            for (unsigned j = 0; j < 3; j++) {
                NS_CHECK(a->remove(UID_A + j) == PSA_SUCCESS);
            }
        }
    }
    unsigned left = RP_STORAGE_LOOPS % 3u; /* uids of the last, unfinished round */
    for (unsigned j = 0; j < 3u; j++) {
        NS_CHECK(a->remove(UID_A + j) == (j + 1u <= left ? PSA_SUCCESS
                                                          : PSA_ERROR_DOES_NOT_EXIST));
    }
    return 0;
}

/* Malformed messages straight to the service: refused, nothing changes. */
static int bad_messages(const api_t *a)
{
    uint32_t req[4] = { UID_A, 0, 0, 0 };
    uint8_t small[8];
    psa_invec in[2] = { { req, sizeof req }, { wbuf, 4 } };
    psa_outvec out = { small, sizeof small };
    NS_CHECK(psa_call(a->handle, 99, in, 1, NULL, 0) == PSA_ERROR_PROGRAMMER_ERROR);
    in[0].len = 8; /* short request */
    NS_CHECK(psa_call(a->handle, 1, in, 2, NULL, 0) == PSA_ERROR_PROGRAMMER_ERROR);
    in[0].len = sizeof req;
    req[3] = 1; /* unused field set */
    NS_CHECK(psa_call(a->handle, 1, in, 2, NULL, 0) == PSA_ERROR_PROGRAMMER_ERROR);
    req[3] = 0;
    NS_CHECK(psa_call(a->handle, 1, in, 2, &out, 1) == PSA_ERROR_PROGRAMMER_ERROR);
    NS_CHECK(psa_call(a->handle, 3, in, 1, &out, 1) == PSA_ERROR_PROGRAMMER_ERROR); /* info */
    struct psa_storage_info_t info;
    NS_CHECK(a->get_info(UID_A, &info) == PSA_ERROR_DOES_NOT_EXIST);
    return 0;
}

/* The probe of the NS-vs-secure test: this client does not see UID_PROBE, stores its own
 * and removes it again. */
static int probe(const api_t *a)
{
    size_t got;
    NS_CHECK(a->get(UID_PROBE, 0, 4, rbuf, &got) == PSA_ERROR_DOES_NOT_EXIST);
    pattern(wbuf, 8, 0x5E);
    NS_CHECK(a->set(UID_PROBE, 8, wbuf, 0) == PSA_SUCCESS);
    NS_CHECK(check_content(a, UID_PROBE, 8) == 0);
    NS_CHECK(a->remove(UID_PROBE) == PSA_SUCCESS);
    return 0;
}

#ifdef RP_PS_SID
static int ps_extras(void)
{
    NS_CHECK(psa_ps_get_support() == 0);
    NS_CHECK(psa_ps_create(UID_A, 64, 0) == PSA_ERROR_NOT_SUPPORTED);
    pattern(wbuf, 8, 1);
    NS_CHECK(psa_ps_set_extended(UID_A, 0, 8, wbuf) == PSA_ERROR_NOT_SUPPORTED);
    struct psa_storage_info_t info;
    NS_CHECK(psa_ps_get_info(UID_A, &info) == PSA_ERROR_DOES_NOT_EXIST);
    return 0;
}

#define CASE_PS(fn) static int ps_##fn(void) { return fn(&ps); }
#else
#define CASE_PS(fn)
#endif

#define CASE_PAIR(fn)                                   \
    static int its_##fn(void) { return fn(&its); }      \
    CASE_PS(fn)
CASE_PAIR(set_get_remove)
CASE_PAIR(invalid_uid_and_flags)
CASE_PAIR(write_once)
CASE_PAIR(null_and_zero)
CASE_PAIR(offsets)
CASE_PAIR(partial_gets)
CASE_PAIR(sizes)
CASE_PAIR(fill_and_compact)
CASE_PAIR(many_sets)
CASE_PAIR(reliability)
CASE_PAIR(bad_messages)
CASE_PAIR(probe)

#define C(fn) { #fn, fn },
#define SHARED_CASES                                                                    \
    C(its_set_get_remove) C(ps_set_get_remove) C(its_invalid_uid_and_flags)             \
    C(ps_invalid_uid_and_flags) C(its_write_once) C(ps_write_once) C(its_null_and_zero) \
    C(ps_null_and_zero) C(its_offsets) C(ps_offsets) C(its_partial_gets)                \
    C(ps_partial_gets) C(its_sizes) C(ps_sizes) C(its_fill_and_compact)                 \
    C(ps_fill_and_compact) C(its_many_sets) C(ps_many_sets) C(its_reliability)          \
    C(ps_reliability) C(its_bad_messages) C(ps_bad_messages) C(ps_extras)               \
    C(its_probe) C(ps_probe)

#ifndef RP_STORAGE_PROFILE
/* The cases a secure client runs (type i of RP_TEST_STORAGE runs entry i). */
const ns_test_case_t rp_storage_cases[] = { SHARED_CASES };
const unsigned rp_storage_case_count = sizeof rp_storage_cases / sizeof rp_storage_cases[0];
#endif

#if defined(RP_STORAGE_PROFILE) || !(defined(RP_STORAGE_RESET_TEST) ||                   \
                                      defined(RP_STORAGE_ISO_CASE) ||                     \
                                      defined(RP_STORAGE_CASES_ONLY))
#include "rp_ns_client.h"

/* Two NS clients: neither sees the other's uids. */
static int ns_clients(const api_t *a)
{
    size_t got;
    pattern(wbuf, 12, 0x21);
    NS_CHECK(rp_ns_client_set(-2) == PSA_SUCCESS);
    NS_CHECK(a->set(UID_A, 12, wbuf, 0) == PSA_SUCCESS);
    NS_CHECK(rp_ns_client_set(-1) == PSA_SUCCESS);
    NS_CHECK(a->get(UID_A, 0, 12, rbuf, &got) == PSA_ERROR_DOES_NOT_EXIST);
    NS_CHECK(a->remove(UID_A) == PSA_ERROR_DOES_NOT_EXIST);
    pattern(wbuf, 5, 0x22);
    NS_CHECK(a->set(UID_A, 5, wbuf, 0) == PSA_SUCCESS);
    NS_CHECK(rp_ns_client_set(-2) == PSA_SUCCESS);
    pattern(wbuf, 12, 0x21);
    NS_CHECK(check_content(a, UID_A, 12) == 0);
    NS_CHECK(a->remove(UID_A) == PSA_SUCCESS);
    NS_CHECK(rp_ns_client_set(-1) == PSA_SUCCESS);
    pattern(wbuf, 5, 0x22);
    NS_CHECK(check_content(a, UID_A, 5) == 0);
    NS_CHECK(a->remove(UID_A) == PSA_SUCCESS);
    return 0;
}

#endif

#if defined(RP_STORAGE_RESET_TEST)
/* Warm reset within one QEMU run (level 1): the first boot stores an ITS and a PS asset (and
 * a persistent Crypto key) and has the secure test partition reset the system (type
 * 0x200); the second boot finds them
 * (the storage areas are RAM outside every loaded image, which a reset does not reload),
 * PS's table still authenticates against the NV counters, and storage keeps working. */
#include "rp_print.h"

#define UID_BOOT 0xB007u

static int survived(void)
{
    pattern(wbuf, 48, 0xB0);
    NS_CHECK(check_content(&its, UID_BOOT, 48) == 0);
    pattern(wbuf, 300, 0xB1);
    NS_CHECK(check_content(&ps, UID_BOOT, 300) == 0);
    return 0;
}

static int still_works(void)
{
    NS_CHECK(set_get_remove(&its) == 0 && set_get_remove(&ps) == 0);
    NS_CHECK(psa_its_remove(UID_BOOT) == PSA_SUCCESS && psa_ps_remove(UID_BOOT) == PSA_SUCCESS);
    return 0;
}

#ifdef RP_CRYPTO_SID
/* A persistent Crypto key made before the reset is still there after it (the Crypto
 * service keeps its records in ITS): the SP 800-38A F.1.1 ECB-AES128 key and block. */
#include "psa/crypto.h"
#define KEY_BOOT ((psa_key_id_t)0x5EED)
static const uint8_t sp800_38a_key[16] = { 0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
                                           0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c };

static psa_status_t key_store_boot(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0;
    psa_set_key_id(&a, KEY_BOOT);
    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_ENCRYPT);
    psa_set_key_algorithm(&a, PSA_ALG_ECB_NO_PADDING);
    if (psa_crypto_init() != PSA_SUCCESS)
        return PSA_ERROR_BAD_STATE;
    return psa_import_key(&a, sp800_38a_key, sizeof sp800_38a_key, &id);
}

static int key_survived(void)
{
    static const uint8_t pt[16] = { 0x6b, 0xc1, 0xbe, 0xe2, 0x2e, 0x40, 0x9f, 0x96,
                                    0xe9, 0x3d, 0x7e, 0x11, 0x73, 0x93, 0x17, 0x2a };
    static const uint8_t ct[16] = { 0x3a, 0xd7, 0x7b, 0xb4, 0x0d, 0x7a, 0x36, 0x60,
                                    0xa8, 0x9e, 0xca, 0xf3, 0x24, 0x66, 0xef, 0x97 };
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    size_t n = 0;
    NS_CHECK(psa_crypto_init() == PSA_SUCCESS);
    NS_CHECK(psa_get_key_attributes(KEY_BOOT, &a) == PSA_SUCCESS);
    NS_CHECK(psa_get_key_type(&a) == PSA_KEY_TYPE_AES && psa_get_key_bits(&a) == 128);
    NS_CHECK(PSA_KEY_LIFETIME_IS_VOLATILE(psa_get_key_lifetime(&a)) == 0);
    NS_CHECK(psa_cipher_encrypt(KEY_BOOT, PSA_ALG_ECB_NO_PADDING, pt, 16, rbuf, 16, &n) ==
             PSA_SUCCESS);
    NS_CHECK(n == 16 && memcmp(rbuf, ct, 16) == 0);
    NS_CHECK(psa_destroy_key(KEY_BOOT) == PSA_SUCCESS);
    NS_CHECK(psa_get_key_attributes(KEY_BOOT, &a) == PSA_ERROR_INVALID_HANDLE);
    return 0;
}
#endif

static const ns_test_case_t cases[] = {
    { "survived_warm_reset", survived },
#ifdef RP_CRYPTO_SID
    { "crypto_key_survived", key_survived },
#endif
    { "still_works", still_works },
};

int main(void)
{
    struct psa_storage_info_t info;
    if (psa_its_get_info(UID_BOOT, &info) == PSA_ERROR_DOES_NOT_EXIST) {
#ifdef RP_CRYPTO_SID
        if (key_store_boot() != PSA_SUCCESS) {
            return 1;
        }
#endif
        pattern(wbuf, 48, 0xB0);
        if (psa_its_set(UID_BOOT, 48, wbuf, 0) != PSA_SUCCESS) {
            return 1;
        }
        pattern(wbuf, 300, 0xB1);
        if (psa_ps_set(UID_BOOT, 300, wbuf, 0) != PSA_SUCCESS) {
            return 1;
        }
        rp_printf("storage: first boot, assets stored, warm reset\r\n");
        (void)psa_call(RP_TEST_STORAGE_HANDLE, 0x200, NULL, 0, NULL, 0);
        return 1; /* not reached */
    }
    rp_printf("storage: second boot\r\n");
    return ns_test_run("storage_reset", cases, sizeof cases / sizeof cases[0]);
}
#elif defined(RP_STORAGE_ISO_CASE)
/* One image per storage area the secure test partition must not reach (levels 2 and 3):
 * its read faults, the fault is contained (the partition stops, its client gets
 * SERVICE_FAILURE) and ITS and PS keep serving. RP_STORAGE_ISO_CASE is 0x100 (the ITS
 * area) or 0x101 (PS's NV counters), as tests/partitions/sp_storage_client defines. */
static int violation(void)
{
    NS_CHECK(psa_call(RP_TEST_STORAGE_HANDLE, RP_STORAGE_ISO_CASE, NULL, 0, NULL, 0) ==
             PSA_ERROR_SERVICE_FAILURE);
    NS_CHECK(psa_call(RP_TEST_STORAGE_HANDLE, 0, NULL, 0, NULL, 0) ==
             PSA_ERROR_SERVICE_FAILURE); /* stays stopped */
    return 0;
}

static int storage_serves(void)
{
    NS_CHECK(set_get_remove(&its) == 0);
    NS_CHECK(set_get_remove(&ps) == 0);
    return 0;
}

static const ns_test_case_t cases[] = {
    { "violation", violation },
    { "storage_serves", storage_serves },
};

int main(void)
{
    return ns_test_run("storage_isolation", cases, sizeof cases / sizeof cases[0]);
}
#elif defined(RP_STORAGE_PROFILE)
/* A product profile's image (docs/profiles.md): no secure test partition, perhaps no PS;
 * every case runs from NS, and two NS clients must not see each other's uids. */
static int its_ns_clients(void) { return ns_clients(&its); }
#ifdef RP_PS_SID
static int ps_ns_clients(void) { return ns_clients(&ps); }
#endif

static const ns_test_case_t cases[] = {
    C(its_set_get_remove) C(its_invalid_uid_and_flags) C(its_write_once)
    C(its_null_and_zero) C(its_offsets) C(its_partial_gets) C(its_sizes)
    C(its_fill_and_compact) C(its_many_sets) C(its_reliability) C(its_bad_messages)
    C(its_probe) C(its_ns_clients)
#ifdef RP_PS_SID
    C(ps_set_get_remove) C(ps_invalid_uid_and_flags) C(ps_write_once) C(ps_null_and_zero)
    C(ps_offsets) C(ps_partial_gets) C(ps_sizes) C(ps_fill_and_compact) C(ps_many_sets)
    C(ps_reliability) C(ps_bad_messages) C(ps_extras) C(ps_probe) C(ps_ns_clients)
#endif
};

int main(void)
{
    return ns_test_run("storage", cases, sizeof cases / sizeof cases[0]);
}
#elif !defined(RP_STORAGE_CASES_ONLY)

/* Runs secure case `index` in the secure test partition; 0 if it passed. */
static int secure_case(unsigned index)
{
    psa_status_t st = psa_call(RP_TEST_STORAGE_HANDLE, (int32_t)index, NULL, 0, NULL, 0);
    if (st != PSA_SUCCESS) {
        ns_test_note((int)st, "secure case failed (status or line)");
    }
    return (int)st;
}

/* NS and the secure client: the secure probe must not see the NS asset of the same uid,
 * and storing its own must leave the NS asset as it was. */
static int ns_vs_secure(const api_t *a, unsigned probe_case)
{
    pattern(wbuf, 20, 0x33);
    NS_CHECK(a->set(UID_PROBE, 20, wbuf, 0) == PSA_SUCCESS);
    NS_CHECK(secure_case(probe_case) == 0);
    pattern(wbuf, 20, 0x33);
    NS_CHECK(check_content(a, UID_PROBE, 20) == 0);
    NS_CHECK(a->remove(UID_PROBE) == PSA_SUCCESS);
    return 0;
}

static int its_ns_clients(void) { return ns_clients(&its); }
static int ps_ns_clients(void) { return ns_clients(&ps); }
static int its_ns_vs_secure(void) { return ns_vs_secure(&its, rp_storage_case_count - 2u); }
static int ps_ns_vs_secure(void) { return ns_vs_secure(&ps, rp_storage_case_count - 1u); }

#define S(fn, i) static int s_##fn(void) { return secure_case(i); }
S(its_set_get_remove, 0) S(ps_set_get_remove, 1) S(its_invalid_uid_and_flags, 2)
S(ps_invalid_uid_and_flags, 3) S(its_write_once, 4) S(ps_write_once, 5)
S(its_null_and_zero, 6) S(ps_null_and_zero, 7) S(its_offsets, 8) S(ps_offsets, 9)
S(its_partial_gets, 10) S(ps_partial_gets, 11) S(its_sizes, 12) S(ps_sizes, 13)
S(its_fill_and_compact, 14) S(ps_fill_and_compact, 15) S(its_many_sets, 16)
S(ps_many_sets, 17) S(its_reliability, 18) S(ps_reliability, 19) S(its_bad_messages, 20)
S(ps_bad_messages, 21) S(ps_extras, 22)

static const ns_test_case_t cases[] = {
    SHARED_CASES
    C(its_ns_clients) C(ps_ns_clients) C(its_ns_vs_secure) C(ps_ns_vs_secure)
    { "s.its_set_get_remove", s_its_set_get_remove },
    { "s.ps_set_get_remove", s_ps_set_get_remove },
    { "s.its_invalid_uid_and_flags", s_its_invalid_uid_and_flags },
    { "s.ps_invalid_uid_and_flags", s_ps_invalid_uid_and_flags },
    { "s.its_write_once", s_its_write_once },
    { "s.ps_write_once", s_ps_write_once },
    { "s.its_null_and_zero", s_its_null_and_zero },
    { "s.ps_null_and_zero", s_ps_null_and_zero },
    { "s.its_offsets", s_its_offsets },
    { "s.ps_offsets", s_ps_offsets },
    { "s.its_partial_gets", s_its_partial_gets },
    { "s.ps_partial_gets", s_ps_partial_gets },
    { "s.its_sizes", s_its_sizes },
    { "s.ps_sizes", s_ps_sizes },
    { "s.its_fill_and_compact", s_its_fill_and_compact },
    { "s.ps_fill_and_compact", s_ps_fill_and_compact },
    { "s.its_many_sets", s_its_many_sets },
    { "s.ps_many_sets", s_ps_many_sets },
    { "s.its_reliability", s_its_reliability },
    { "s.ps_reliability", s_ps_reliability },
    { "s.its_bad_messages", s_its_bad_messages },
    { "s.ps_bad_messages", s_ps_bad_messages },
    { "s.ps_extras", s_ps_extras },
};

int main(void)
{
    return ns_test_run("storage", cases, sizeof cases / sizeof cases[0]);
}
#endif
