/* ps_api_test.c - PSA PS 1.0 semantics of rp_ps (FORMATS.md sections 4.1 and 5), client
 * isolation, confidentiality and authentication of objects on flash, rollback detection,
 * counter alignment, limits, and a reliability loop. Usage: storage_ps_api [iterations] */
#include "rp_test.h"
#include "ps_common.h"

#define SECTOR 4096u
#define MAXA 2048u

static uint8_t mem[SECTOR * 12], snap[SECTOR * 12];

static void fresh(void)
{
    ps_setup(mem, SECTOR, 2, 6, 4, 10, MAXA);
    RP_CHECK_EQ(rp_ps_mount(&ps, &ps_cfg), PSA_SUCCESS);
}

static void remount_expect(psa_status_t want)
{
    RP_CHECK_EQ(rp_ps_mount(&ps, &ps_cfg), want);
}

static void pattern(uint8_t *p, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(seed * 29u + i * 11u + (i >> 8) + 3u);
}

static void expect(int32_t client, uint64_t uid, const uint8_t *want, size_t n, uint32_t fl)
{
    static uint8_t got[MAXA + 16];
    size_t out = 4242;
    struct psa_storage_info_t info;
    RP_CHECK_EQ(rp_ps_get(&ps, client, uid, 0, sizeof(got), got, &out), PSA_SUCCESS);
    RP_CHECK_EQ(out, n);
    if (out == n)
        RP_CHECK_MEM(got, want, n);
    RP_CHECK_EQ(rp_ps_get_info(&ps, client, uid, &info), PSA_SUCCESS);
    RP_CHECK_EQ(info.size, n);
    RP_CHECK_EQ(info.capacity, n);
    RP_CHECK_EQ(info.flags, fl);
}

static void counters_aligned(void)
{
    RP_CHECK(ps_sim.nv[0] > 0);
    RP_CHECK_EQ(ps_sim.nv[1], ps_sim.nv[0]);
    RP_CHECK_EQ(ps_sim.nv[2], ps_sim.nv[0]);
}

static void test_table_rows(void)
{
    static uint8_t a[MAXA + 1];
    uint8_t b[64], buf[64];
    size_t out = 5;
    struct psa_storage_info_t info;
    fresh();
    pattern(a, sizeof(a), 1);
    pattern(b, sizeof(b), 2);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 0, 4, a, 0), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_ps_get(&ps, 1, 0, 0, 4, buf, &out), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_ps_get_info(&ps, 1, 0, &info), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_ps_remove(&ps, 1, 0), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_ps_get(&ps, 1, 9, 0, 4, buf, &out), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_ps_get_info(&ps, 1, 9, &info), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_ps_remove(&ps, 1, 9), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 9, 4, a, 1u << 3), PSA_ERROR_NOT_SUPPORTED);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 9, 4, a, 0x80000000u), PSA_ERROR_NOT_SUPPORTED);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 9, MAXA + 1, a, 0), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 9, 4, NULL, 0), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(ps_sim.nv[0], 0);   /* nothing was attempted */
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 9, MAXA, a, 0), PSA_SUCCESS);
    expect(1, 9, a, MAXA, 0);
    counters_aligned();
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 10, 0, NULL, PSA_STORAGE_FLAG_NO_CONFIDENTIALITY), PSA_SUCCESS);
    expect(1, 10, a, 0, PSA_STORAGE_FLAG_NO_CONFIDENTIALITY);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 9, 40, b, PSA_STORAGE_FLAG_WRITE_ONCE), PSA_SUCCESS);
    expect(1, 9, b, 40, PSA_STORAGE_FLAG_WRITE_ONCE);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 9, 4, a, 0), PSA_ERROR_NOT_PERMITTED);
    RP_CHECK_EQ(rp_ps_remove(&ps, 1, 9), PSA_ERROR_NOT_PERMITTED);
    expect(1, 9, b, 40, PSA_STORAGE_FLAG_WRITE_ONCE);
    memset(buf, 0x5A, sizeof(buf));
    out = 31;
    RP_CHECK_EQ(rp_ps_get(&ps, 1, 9, 41, 4, buf, &out), PSA_ERROR_INVALID_ARGUMENT);
    RP_CHECK_EQ(out, 31);
    RP_CHECK_EQ(buf[0], 0x5A);
    RP_CHECK_EQ(rp_ps_get(&ps, 1, 9, 40, 4, buf, &out), PSA_SUCCESS);
    RP_CHECK_EQ(out, 0);
    RP_CHECK_EQ(rp_ps_get(&ps, 1, 9, 30, 64, buf, &out), PSA_SUCCESS);
    RP_CHECK_EQ(out, 10);
    RP_CHECK_MEM(buf, b + 30, 10);
    RP_CHECK_EQ(buf[10], 0x5A);
    RP_CHECK_EQ(rp_ps_get(&ps, 1, 9, 1, 3, buf, &out), PSA_SUCCESS);
    RP_CHECK_EQ(out, 3);
    RP_CHECK_MEM(buf, b + 1, 3);
    RP_CHECK_EQ(rp_ps_remove(&ps, 1, 10), PSA_SUCCESS);
    RP_CHECK_EQ(rp_ps_get_info(&ps, 1, 10, &info), PSA_ERROR_DOES_NOT_EXIST);
    /* not supported parts of the API */
    RP_CHECK_EQ(rp_ps_create(&ps, 1, 20, 100, 0), PSA_ERROR_NOT_SUPPORTED);
    RP_CHECK_EQ(rp_ps_set_extended(&ps, 1, 9, 0, 4, a), PSA_ERROR_NOT_SUPPORTED);
    RP_CHECK_EQ(rp_ps_get_support(), 0);
    remount_expect(PSA_SUCCESS);
    expect(1, 9, b, 40, PSA_STORAGE_FLAG_WRITE_ONCE);
    counters_aligned();
}

static void test_isolation_and_limits(void)
{
    static uint8_t d[MAXA];
    uint64_t uid;
    unsigned round;
    fresh();
    pattern(d, sizeof(d), 3);
    RP_CHECK_EQ(rp_ps_set(&ps, -3, 5, 100, d, 0), PSA_SUCCESS);
    RP_CHECK_EQ(rp_ps_get_info(&ps, 4, 5, &(struct psa_storage_info_t){0, 0, 0}),
                PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_ps_remove(&ps, 4, 5), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_ps_set(&ps, 4, 5, 50, d + 1, 0), PSA_SUCCESS);
    expect(-3, 5, d, 100, 0);
    expect(4, 5, d + 1, 50, 0);
    /* ten assets of the maximum size, then the limit */
    RP_CHECK_EQ(rp_ps_remove(&ps, -3, 5), PSA_SUCCESS);
    RP_CHECK_EQ(rp_ps_remove(&ps, 4, 5), PSA_SUCCESS);
    for (uid = 10; uid < 20; uid++) {
        pattern(d, sizeof(d), (unsigned)uid);
        RP_CHECK_EQ(rp_ps_set(&ps, 4, uid, MAXA, d, 0), PSA_SUCCESS);
    }
    RP_CHECK_EQ(rp_ps_set(&ps, 4, 99, 1, d, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    /* replacing a full-size asset needs the spare entry and room for a second copy */
    pattern(d, sizeof(d), 77);
    RP_CHECK_EQ(rp_ps_set(&ps, 4, 12, MAXA, d, 0), PSA_SUCCESS);
    expect(4, 12, d, MAXA, 0);
    RP_CHECK_EQ(rp_ps_remove(&ps, 4, 19), PSA_SUCCESS);
    RP_CHECK_EQ(rp_ps_set(&ps, 4, 99, 1, d, 0), PSA_SUCCESS);
    remount_expect(PSA_SUCCESS);
    for (uid = 10; uid < 19; uid++) {
        pattern(d, sizeof(d), uid == 12 ? 77u : (unsigned)uid);
        expect(4, uid, d, MAXA, 0);
    }
    /* ten full-size assets, each replaced three times: the spare always finds room */
    RP_CHECK_EQ(rp_ps_set(&ps, 4, 99, MAXA, d, 0), PSA_SUCCESS);
    for (round = 0; round < 3; round++)
        for (uid = 10; uid < 19; uid++) {
            pattern(d, sizeof(d), (unsigned)(uid + 100 * round));
            RP_CHECK_EQ(rp_ps_set(&ps, 4, uid, MAXA, d, 0), PSA_SUCCESS);
        }
    for (uid = 10; uid < 19; uid++) {
        pattern(d, sizeof(d), (unsigned)(uid + 200));
        expect(4, uid, d, MAXA, 0);
    }
}

/* Searches the raw flash for needle; returns its offset or -1. */
static long find_raw(const uint8_t *needle, size_t n)
{
    size_t i;
    for (i = 0; i + n <= ps_sim.size; i++)
        if (memcmp(mem + i, needle, n) == 0)
            return (long)i;
    return -1;
}

/* Objects on flash are ciphertext; a flipped bit, a swapped object or a forged table are
 * detected. */
static void test_crypto_binding(void)
{
    static uint8_t d[256], raw[512], raw2[512];
    size_t n = 0, n2 = 0;
    long at;
    uint8_t out[256];
    size_t o;
    fresh();
    memset(d, 'S', sizeof(d));   /* a recognisable plaintext */
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 1, sizeof(d), d, 0), PSA_SUCCESS);
    pattern(d, sizeof(d), 8);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 2, sizeof(d), d, 0), PSA_SUCCESS);
    memset(raw, 'S', 32);
    RP_CHECK_EQ(find_raw(raw, 32), -1);
    /* object of uid 1 is ITS uid 3 (entry 0), of uid 2 ITS uid 4 */
    RP_CHECK_EQ(rp_its_get(&ps.its, 0, 3, 0, sizeof(raw), raw, &n), PSA_SUCCESS);
    RP_CHECK_EQ(n, RP_PS_IV_SIZE + RP_PS_OBJ_HDR + 256);
    RP_CHECK_EQ(rp_its_get(&ps.its, 0, 4, 0, sizeof(raw2), raw2, &n2), PSA_SUCCESS);
    /* an attacker swaps the two objects: both fail authentication */
    RP_CHECK_EQ(rp_its_set(&ps.its, 0, 3, n2, raw2, 0), PSA_SUCCESS);
    RP_CHECK_EQ(rp_ps_get(&ps, 1, 1, 0, sizeof(out), out, &o), PSA_ERROR_INVALID_SIGNATURE);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 1, 1, d, 0), PSA_ERROR_INVALID_SIGNATURE);
    RP_CHECK_EQ(rp_ps_remove(&ps, 1, 1), PSA_ERROR_INVALID_SIGNATURE);
    /* restore it, then flip one ciphertext bit on the raw flash */
    RP_CHECK_EQ(rp_its_set(&ps.its, 0, 3, n, raw, 0), PSA_SUCCESS);
    memset(d, 'S', sizeof(d));
    expect(1, 1, d, sizeof(d), 0);
    at = find_raw(raw + 20, 32);
    RP_CHECK(at >= 0);
    if (at >= 0) {
        mem[at + 5] ^= 0x10;
        RP_CHECK_EQ(rp_ps_get(&ps, 1, 1, 0, sizeof(out), out, &o),
                    PSA_ERROR_INVALID_SIGNATURE);
        RP_CHECK_EQ(rp_ps_get_info(&ps, 1, 1, &(struct psa_storage_info_t){0, 0, 0}),
                    PSA_ERROR_INVALID_SIGNATURE);
        mem[at + 5] ^= 0x10;
    }
    expect(1, 1, d, sizeof(d), 0);
    /* a forged table copy (one byte of an entry changed) does not authenticate */
    RP_CHECK_EQ(rp_its_get(&ps.its, 0, ps.active, 0, sizeof(raw), raw, &n), PSA_SUCCESS);
    raw[n - 1] ^= 1;
    RP_CHECK_EQ(rp_its_set(&ps.its, 0, ps.active, n, raw, 0), PSA_SUCCESS);
    remount_expect(PSA_ERROR_INVALID_SIGNATURE);
    RP_CHECK_EQ(rp_ps_get(&ps, 1, 1, 0, sizeof(out), out, &o), PSA_ERROR_INVALID_SIGNATURE);
    /* another HUK: nothing authenticates */
    fresh();
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 1, 10, d, 0), PSA_SUCCESS);
    ps_huk[0] ^= 1;
    remount_expect(PSA_ERROR_INVALID_SIGNATURE);
    ps_huk[0] ^= 1;
    remount_expect(PSA_SUCCESS);
    ps_huk_broken = 1;
    RP_CHECK_EQ(rp_ps_get(&ps, 1, 1, 0, sizeof(out), out, &o), PSA_ERROR_STORAGE_FAILURE);
    ps_huk_broken = 0;
    expect(1, 1, d, 10, 0);
}

/* Replaying an older image of the PS area is detected; so is erasing it. */
static void test_rollback(void)
{
    uint8_t d[64];
    size_t o;
    fresh();
    pattern(d, sizeof(d), 4);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 1, 64, d, 0), PSA_SUCCESS);
    memcpy(snap, mem, ps_sim.size);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 1, 10, d + 3, 0), PSA_SUCCESS);
    memcpy(mem, snap, ps_sim.size);           /* the attacker restores the old flash */
    remount_expect(PSA_ERROR_INVALID_SIGNATURE);
    RP_CHECK_EQ(rp_ps_get(&ps, 1, 1, 0, sizeof(d), d, &o), PSA_ERROR_INVALID_SIGNATURE);
    RP_CHECK_EQ(rp_ps_set(&ps, 1, 2, 4, d, 0), PSA_ERROR_INVALID_SIGNATURE);
    memset(mem, 0xFF, ps_sim.size);            /* or erases it */
    remount_expect(PSA_ERROR_INVALID_SIGNATURE);
}

static void test_reliability(unsigned iters)
{
    static uint8_t model[6][600];
    static size_t mlen[6];
    static int present[6];
    static uint8_t d[600];
    uint32_t x = 99;
    unsigned i, u;
    fresh();
    memset(present, 0, sizeof(present));
    for (i = 0; i < iters; i++) {
        x = x * 1103515245u + 12345u;
        u = (x >> 16) % 6;
        if ((x >> 8) % 5 == 0) {
            RP_CHECK_EQ(rp_ps_remove(&ps, 2, u + 1),
                        present[u] ? PSA_SUCCESS : PSA_ERROR_DOES_NOT_EXIST);
            present[u] = 0;
        } else {
            size_t len = (x >> 4) % 601;
            pattern(d, len, i);
            RP_CHECK_EQ(rp_ps_set(&ps, 2, u + 1, len, d, 0), PSA_SUCCESS);
            memcpy(model[u], d, len);
            mlen[u] = len;
            present[u] = 1;
        }
        if (i % 50 == 0) {
            remount_expect(PSA_SUCCESS);
            for (u = 0; u < 6; u++)
                if (present[u])
                    expect(2, u + 1, model[u], mlen[u], 0);
            counters_aligned();
        }
    }
}

int main(int argc, char **argv)
{
    unsigned iters = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 400u;
    test_table_rows();
    test_isolation_and_limits();
    test_crypto_binding();
    test_rollback();
    test_reliability(iters);
    return rp_test_end("storage_ps_api");
}
