/* test_spm_core.c - unit tests of every check in spm/core (rp_spm_core.h). */
#include <stdint.h>
#include "rp_spm_core.h"
#include "rp_test.h"

/* ---- a host access check: a list of regions, each readable, optionally writable ------- */

typedef struct {
    uintptr_t base;
    size_t len;
    int writable;
} region_t;

typedef struct {
    const region_t *r;
    size_t n;
    unsigned calls;
    unsigned contract_broken; /* called with len 0 or a wrapping range */
} regions_t;

static int region_access(void *ctx, const void *p, size_t len, int write)
{
    regions_t *rs = ctx;
    uintptr_t a = (uintptr_t)p;
    size_t i;

    rs->calls++;
    if (len == 0u || a + (len - 1u) < a) {
        rs->contract_broken++;
        return 0;
    }
    for (i = 0; i < rs->n; i++) {
        const region_t *r = &rs->r[i];
        if (a >= r->base && a - r->base <= r->len - 1u && len <= r->len - (a - r->base)) {
            return !write || r->writable;
        }
    }
    return 0;
}

#define ADDR(x) ((void *)(uintptr_t)(x))

static const region_t regions[] = {
    {0x10000u, 0x1000u, 1},               /* read-write RAM */
    {0x20000u, 0x1000u, 0},               /* read-only flash */
    {UINTPTR_MAX - 15u, 16u, 1},          /* the last 16 bytes of the address space */
};

static int check(const psa_invec *in, size_t in_len, const psa_outvec *out, size_t out_len,
                 regions_t *rs)
{
    return rp_iovec_check(in, in_len, out, out_len, region_access, rs);
}

static void test_iovec_counts(void)
{
    regions_t rs = {regions, 3, 0, 0};
    psa_invec in[4] = {{ADDR(0x10000), 1}, {ADDR(0x10001), 1}, {ADDR(0x10002), 1},
                       {ADDR(0x10003), 1}};
    psa_outvec out[4] = {{ADDR(0x10100), 1}, {ADDR(0x10101), 1}, {ADDR(0x10102), 1},
                         {ADDR(0x10103), 1}};

    RP_CHECK_EQ(check(NULL, 0, NULL, 0, &rs), RP_IOVEC_OK);
    RP_CHECK_EQ(check(in, 4, NULL, 0, &rs), RP_IOVEC_OK);
    RP_CHECK_EQ(check(NULL, 0, out, 4, &rs), RP_IOVEC_OK);
    RP_CHECK_EQ(check(in, 2, out, 2, &rs), RP_IOVEC_OK);
    RP_CHECK_EQ(check(in, 1, out, 3, &rs), RP_IOVEC_OK);
    /* FF-M: in_len + out_len > PSA_MAX_IOVEC is a programmer error. */
    rs.calls = 0;
    RP_CHECK_EQ(check(in, 3, out, 2, &rs), RP_IOVEC_TOO_MANY);
    RP_CHECK_EQ(check(in, 4, out, 1, &rs), RP_IOVEC_TOO_MANY);
    /* Huge counts must not wrap the sum, and no array is read (NULL would crash). */
    RP_CHECK_EQ(check(NULL, 5, NULL, 0, &rs), RP_IOVEC_TOO_MANY);
    RP_CHECK_EQ(check(NULL, 0, NULL, 5, &rs), RP_IOVEC_TOO_MANY);
    RP_CHECK_EQ(check(NULL, SIZE_MAX, NULL, 1, &rs), RP_IOVEC_TOO_MANY);
    RP_CHECK_EQ(check(NULL, 1, NULL, SIZE_MAX, &rs), RP_IOVEC_TOO_MANY);
    RP_CHECK_EQ(check(NULL, SIZE_MAX - 2u, NULL, 4, &rs), RP_IOVEC_TOO_MANY);
    RP_CHECK_EQ(rs.calls, 0);
    RP_CHECK_EQ(rs.contract_broken, 0);
}

static void test_iovec_vectors(void)
{
    regions_t rs = {regions, 3, 0, 0};
    psa_invec in[2];
    psa_outvec out[2];

    /* len 0: any base, no access check. */
    in[0].base = NULL; in[0].len = 0;
    in[1].base = ADDR(UINTPTR_MAX); in[1].len = 0;
    out[0].base = ADDR(0x99); out[0].len = 0;
    RP_CHECK_EQ(check(in, 2, out, 1, &rs), RP_IOVEC_OK);
    RP_CHECK_EQ(rs.calls, 0);

    in[0].base = NULL; in[0].len = 1;
    RP_CHECK_EQ(check(in, 1, NULL, 0, &rs), RP_IOVEC_NULL);
    out[0].base = NULL; out[0].len = 4;
    RP_CHECK_EQ(check(NULL, 0, out, 1, &rs), RP_IOVEC_NULL);

    /* Wrap: the last byte past UINTPTR_MAX. Ending exactly at the top is fine. */
    in[0].base = ADDR(UINTPTR_MAX); in[0].len = 2;
    RP_CHECK_EQ(check(in, 1, NULL, 0, &rs), RP_IOVEC_WRAP);
    in[0].base = ADDR(0x10000); in[0].len = SIZE_MAX;
    RP_CHECK_EQ(check(in, 1, NULL, 0, &rs), RP_IOVEC_WRAP);
    in[0].base = ADDR(UINTPTR_MAX - 15u); in[0].len = 16;
    RP_CHECK_EQ(check(in, 1, NULL, 0, &rs), RP_IOVEC_OK);
    out[0].base = ADDR(UINTPTR_MAX); out[0].len = 1;
    RP_CHECK_EQ(check(NULL, 0, out, 1, &rs), RP_IOVEC_OK);
    in[0].base = ADDR(UINTPTR_MAX - 15u); in[0].len = 17;
    RP_CHECK_EQ(check(in, 1, NULL, 0, &rs), RP_IOVEC_WRAP);

    /* Access: read for in, read-write for out; a range must fit one region. */
    in[0].base = ADDR(0x20000); in[0].len = 0x1000;
    RP_CHECK_EQ(check(in, 1, NULL, 0, &rs), RP_IOVEC_OK);
    out[0].base = ADDR(0x20000); out[0].len = 1;
    RP_CHECK_EQ(check(NULL, 0, out, 1, &rs), RP_IOVEC_ACCESS);
    in[0].base = ADDR(0x20000); in[0].len = 0x1001;
    RP_CHECK_EQ(check(in, 1, NULL, 0, &rs), RP_IOVEC_ACCESS);
    in[0].base = ADDR(0x0fff0); in[0].len = 0x20;
    RP_CHECK_EQ(check(in, 1, NULL, 0, &rs), RP_IOVEC_ACCESS);
    out[0].base = ADDR(0x10000); out[0].len = 0x1000;
    RP_CHECK_EQ(check(NULL, 0, out, 1, &rs), RP_IOVEC_OK);

    /* Order: in_vec before out_vec; each vector NULL, wrap, access. */
    in[0].base = ADDR(0x30000); in[0].len = 1;    /* no access */
    out[0].base = NULL; out[0].len = 1;           /* null */
    RP_CHECK_EQ(check(in, 1, out, 1, &rs), RP_IOVEC_ACCESS);
    in[0].base = ADDR(0x10000);
    RP_CHECK_EQ(check(in, 1, out, 1, &rs), RP_IOVEC_NULL);
    RP_CHECK_EQ(rs.contract_broken, 0);
}

/* The arrays themselves: word-aligned only (the SPM reads them by words). */
static void test_iovec_array_aligned(void)
{
    static psa_invec arr[2];
    uintptr_t a = (uintptr_t)arr;
    RP_CHECK(rp_iovec_array_aligned(arr));
    RP_CHECK(rp_iovec_array_aligned(&arr[1]));
    RP_CHECK(rp_iovec_array_aligned(NULL));
    for (uintptr_t off = 1; off < 4; off++) {
        RP_CHECK(!rp_iovec_array_aligned(ADDR(a + off)));
    }
    RP_CHECK(rp_iovec_array_aligned(ADDR(a + 4)));
    RP_CHECK(!rp_iovec_array_aligned(ADDR(UINTPTR_MAX)));
}

static void test_iovec_overlap(void)
{
    regions_t rs = {regions, 3, 0, 0};
    psa_invec in[2] = {{ADDR(0x10000), 0x100}, {ADDR(0x10080), 0x100}};
    psa_outvec out[3] = {{ADDR(0x10000), 0x100}, {ADDR(0x10100), 0x100}, {ADDR(0x10200), 0}};

    /* in/in and in/out overlaps are allowed; adjacent outs are fine. */
    RP_CHECK_EQ(check(in, 2, out, 2, &rs), RP_IOVEC_OK);
    out[1].base = ADDR(0x100ff);                     /* shares one byte with out[0] */
    RP_CHECK_EQ(check(in, 1, out, 2, &rs), RP_IOVEC_OVERLAP);
    out[1].base = ADDR(0x10000);                     /* identical */
    RP_CHECK_EQ(check(NULL, 0, out, 2, &rs), RP_IOVEC_OVERLAP);
    out[1].base = ADDR(0x10050); out[1].len = 1;     /* inside */
    RP_CHECK_EQ(check(NULL, 0, out, 2, &rs), RP_IOVEC_OVERLAP);
    out[1].base = ADDR(0x0ff00); out[1].len = 0x101; /* ends on out[0]'s first byte */
    rs.r = regions; /* 0x0ff00 is outside every region: access fails first */
    RP_CHECK_EQ(check(NULL, 0, out, 2, &rs), RP_IOVEC_ACCESS);
    /* An empty out_vec inside another one overlaps nothing. */
    out[1].base = ADDR(0x10050); out[1].len = 0;
    RP_CHECK_EQ(check(NULL, 0, out, 2, &rs), RP_IOVEC_OK);
    /* out[0] vs out[2] (not neighbours in the array). */
    out[1].base = ADDR(0x10400); out[1].len = 4;
    out[2].base = ADDR(0x100fc); out[2].len = 8;
    RP_CHECK_EQ(check(NULL, 0, out, 3, &rs), RP_IOVEC_OVERLAP);
    /* At the very top of the address space. */
    out[0].base = ADDR(UINTPTR_MAX - 15u); out[0].len = 8;
    out[1].base = ADDR(UINTPTR_MAX - 7u); out[1].len = 8;
    RP_CHECK_EQ(check(NULL, 0, out, 2, &rs), RP_IOVEC_OK);
    out[1].base = ADDR(UINTPTR_MAX - 8u);
    RP_CHECK_EQ(check(NULL, 0, out, 2, &rs), RP_IOVEC_OVERLAP);
}

static void test_call_type(void)
{
    RP_CHECK_EQ(rp_call_type_check(PSA_IPC_CALL), PSA_SUCCESS);
    RP_CHECK_EQ(rp_call_type_check(1), PSA_SUCCESS);
    RP_CHECK_EQ(rp_call_type_check(0x7fff), PSA_SUCCESS);
    RP_CHECK_EQ(rp_call_type_check(0x8000), PSA_ERROR_PROGRAMMER_ERROR);
    RP_CHECK_EQ(rp_call_type_check(INT32_MAX), PSA_ERROR_PROGRAMMER_ERROR);
    RP_CHECK_EQ(rp_call_type_check(-1), PSA_ERROR_PROGRAMMER_ERROR);
    RP_CHECK_EQ(rp_call_type_check(PSA_IPC_CONNECT), PSA_ERROR_PROGRAMMER_ERROR);
    RP_CHECK_EQ(rp_call_type_check(PSA_IPC_DISCONNECT), PSA_ERROR_PROGRAMMER_ERROR);
    RP_CHECK_EQ(rp_call_type_check(INT32_MIN), PSA_ERROR_PROGRAMMER_ERROR);
}

/* ---- services --------------------------------------------------------------------- */

#define STRICT_NS (RP_SVC_CONNECTION_BASED | RP_SVC_POLICY_STRICT | RP_SVC_NS_CLIENTS)
static const rp_service_t svcs[] = {
    {0x500u, 3u, 0x10u, NULL, 0, STRICT_NS, 0},
    {0x100u, 5u, 0x20u, NULL, 0, RP_SVC_CONNECTION_BASED, 0},               /* RELAXED, S only */
    {0xffffffffu, 1u, 0x40u, NULL, 1, RP_SVC_STATELESS | RP_SVC_NS_CLIENTS, 2},
    {0u, 9u, 0x10u, NULL, 1, RP_SVC_STATELESS | RP_SVC_POLICY_STRICT, 7},
    {0x80u, 255u, 0x20u, NULL, 1, RP_SVC_STATELESS | RP_SVC_POLICY_STRICT | RP_SVC_NS_CLIENTS,
     32},
};
static const uint16_t by_sid[] = {3, 4, 1, 0, 2};

static void test_service_find(void)
{
    size_t i;
    for (i = 0; i < 5; i++) {
        RP_CHECK(rp_service_find(svcs, by_sid, 5, svcs[i].sid) == &svcs[i]);
    }
    RP_CHECK(rp_service_find(svcs, by_sid, 5, 1u) == NULL);
    RP_CHECK(rp_service_find(svcs, by_sid, 5, 0x101u) == NULL);
    RP_CHECK(rp_service_find(svcs, by_sid, 5, 0xfffffffeu) == NULL);
    RP_CHECK(rp_service_find(svcs, by_sid, 0, 0x100u) == NULL);
    RP_CHECK(rp_service_find(svcs, by_sid + 2, 1, 0x100u) == &svcs[1]);
    RP_CHECK(rp_service_find(svcs, by_sid + 2, 1, 0x500u) == NULL);
}

static void test_service_access(void)
{
    const psa_status_t ok = PSA_SUCCESS, pe = PSA_ERROR_PROGRAMMER_ERROR;
    /* STRICT: only the exact version. */
    RP_CHECK_EQ(rp_service_access_check(&svcs[0], 1, 3), ok);
    RP_CHECK_EQ(rp_service_access_check(&svcs[0], -1, 3), ok);
    RP_CHECK_EQ(rp_service_access_check(&svcs[0], 1, 2), pe);
    RP_CHECK_EQ(rp_service_access_check(&svcs[0], 1, 4), pe);
    /* RELAXED: any version up to the service's. */
    RP_CHECK_EQ(rp_service_access_check(&svcs[1], 256, 1), ok);
    RP_CHECK_EQ(rp_service_access_check(&svcs[1], 256, 5), ok);
    RP_CHECK_EQ(rp_service_access_check(&svcs[1], 256, 6), pe);
    RP_CHECK_EQ(rp_service_access_check(&svcs[1], 256, UINT32_MAX), pe);
    /* non_secure_clients: false refuses every negative client id. */
    RP_CHECK_EQ(rp_service_access_check(&svcs[1], -1, 5), pe);
    RP_CHECK_EQ(rp_service_access_check(&svcs[1], INT32_MIN, 5), pe);
    RP_CHECK_EQ(rp_service_access_check(&svcs[1], 0, 5), ok);
    RP_CHECK_EQ(rp_service_access_check(NULL, 1, 1), pe);

    RP_CHECK_EQ(rp_service_version(&svcs[0], -5), 3);
    RP_CHECK_EQ(rp_service_version(&svcs[1], 300), 5);
    RP_CHECK_EQ(rp_service_version(&svcs[1], -5), PSA_VERSION_NONE);
    RP_CHECK_EQ(rp_service_version(NULL, 300), PSA_VERSION_NONE);
}

static void test_dependencies(void)
{
    static const uint32_t deps[] = {0x100u, 0x500u, 0x80u};
    rp_partition_t p;

    memset(&p, 0, sizeof(p));
    p.first_dep = 1;
    p.n_deps = 2;
    RP_CHECK_EQ(rp_dependency_check(&p, deps, 0x500u), PSA_SUCCESS);
    RP_CHECK_EQ(rp_dependency_check(&p, deps, 0x80u), PSA_SUCCESS);
    RP_CHECK_EQ(rp_dependency_check(&p, deps, 0x100u), PSA_ERROR_PROGRAMMER_ERROR);
    RP_CHECK_EQ(rp_dependency_check(&p, deps, 0x501u), PSA_ERROR_PROGRAMMER_ERROR);
    p.n_deps = 0;
    RP_CHECK_EQ(rp_dependency_check(&p, deps, 0x500u), PSA_ERROR_PROGRAMMER_ERROR);
}

/* ---- handles ---------------------------------------------------------------------- */

static psa_handle_t stateless(uint32_t index, uint32_t version)
{
    return (psa_handle_t)(0x40000000u | (index << 8) | (version & 0xffu));
}

static void test_stateless(void)
{
    const rp_service_t *table[RP_STATELESS_SLOTS] = {NULL};
    const rp_service_t *s = NULL;
    const psa_status_t pe = PSA_ERROR_PROGRAMMER_ERROR;

    table[2] = &svcs[2];   /* index 2, RELAXED, version 1, NS ok */
    table[7] = &svcs[3];   /* index 7, STRICT, version 9, secure only */
    table[32] = &svcs[4];  /* index 32, STRICT, version 255 */

    RP_CHECK(rp_handle_is_stateless(stateless(2, 1)));
    RP_CHECK(!rp_handle_is_stateless(0x7fffff));
    RP_CHECK(!rp_handle_is_stateless(PSA_NULL_HANDLE));
    RP_CHECK(!rp_handle_is_stateless((psa_handle_t)0xc0000201u));

    RP_CHECK_EQ(rp_stateless_lookup(stateless(2, 1), table, -1, &s), PSA_SUCCESS);
    RP_CHECK(s == &svcs[2]);
    RP_CHECK_EQ(rp_stateless_lookup(stateless(7, 9), table, 5, &s), PSA_SUCCESS);
    RP_CHECK(s == &svcs[3]);
    RP_CHECK_EQ(rp_stateless_lookup(stateless(32, 255), table, -7, &s), PSA_SUCCESS);
    RP_CHECK(s == &svcs[4]);
    s = NULL;
    RP_CHECK_EQ(rp_stateless_lookup(stateless(7, 9), table, -1, &s), pe);  /* NS refused */
    RP_CHECK_EQ(rp_stateless_lookup(stateless(7, 8), table, 5, &s), pe);   /* STRICT */
    RP_CHECK_EQ(rp_stateless_lookup(stateless(2, 0), table, 5, &s), PSA_SUCCESS); /* RELAXED */
    s = NULL;
    RP_CHECK_EQ(rp_stateless_lookup(stateless(2, 2), table, 5, &s), pe);   /* too new */
    RP_CHECK_EQ(rp_stateless_lookup(stateless(3, 1), table, 5, &s), pe);   /* unused */
    RP_CHECK_EQ(rp_stateless_lookup(stateless(0, 1), table, 5, &s), pe);
    RP_CHECK_EQ(rp_stateless_lookup(stateless(33, 1), table, 5, &s), pe);
    RP_CHECK_EQ(rp_stateless_lookup(stateless(63, 1), table, 5, &s), pe);
    RP_CHECK_EQ(rp_stateless_lookup(stateless(2, 1) | 0x10000, table, 5, &s), pe);
    RP_CHECK_EQ(rp_stateless_lookup(stateless(2, 1) | 0x4000, table, 5, &s), pe);
    RP_CHECK_EQ(rp_stateless_lookup((psa_handle_t)(0x80000000u | 0x40000201u), table, 5, &s),
                pe);
    RP_CHECK_EQ(rp_stateless_lookup(0x201, table, 5, &s), pe);             /* no bit 30 */
    RP_CHECK_EQ(rp_stateless_lookup(PSA_NULL_HANDLE, table, 5, &s), pe);
    RP_CHECK(s == NULL); /* untouched on every failure */
}

static void check_conn_handle_form(psa_handle_t h)
{
    RP_CHECK(h > 0);
    RP_CHECK(h <= 0x7fffff);
    RP_CHECK(!rp_handle_is_stateless(h));
}

static void test_conn_pool(void)
{
    rp_conn_t pool[3];
    psa_handle_t h[3], again;
    rp_conn_t *c;
    unsigned i;

    memset(pool, 0xa5, sizeof(pool));
    rp_conn_pool_init(pool, 3);
    for (i = 0; i < 3; i++) {
        h[i] = rp_conn_alloc(pool, 3, (uint16_t)(10u + i), 100 + (int32_t)i);
        check_conn_handle_form(h[i]);
    }
    RP_CHECK(h[0] != h[1] && h[1] != h[2] && h[0] != h[2]);
    RP_CHECK_EQ(rp_conn_alloc(pool, 3, 1, 1), PSA_NULL_HANDLE); /* full */

    c = rp_conn_lookup(pool, 3, h[1], 101);
    RP_CHECK(c == &pool[1]);
    RP_CHECK(c != NULL && c->service == 11 && c->client_id == 101 && c->in_use && !c->busy &&
             c->rhandle == NULL);
    RP_CHECK(rp_conn_lookup(pool, 3, h[1], 100) == NULL);  /* another client's handle */
    RP_CHECK(rp_conn_lookup(pool, 3, h[1], -101) == NULL);
    RP_CHECK(rp_conn_lookup(pool, 2, h[2], 102) == NULL);  /* slot beyond n */
    RP_CHECK(rp_conn_lookup(pool, 3, PSA_NULL_HANDLE, 100) == NULL);
    RP_CHECK(rp_conn_lookup(pool, 3, -h[0], 100) == NULL);
    RP_CHECK(rp_conn_lookup(pool, 3, h[0] | 0x40000000, 100) == NULL);
    RP_CHECK(rp_conn_lookup(pool, 3, h[0] | 0x800000, 100) == NULL);
    RP_CHECK(rp_conn_lookup(pool, 3, h[0] & ~0xff, 100) == NULL);  /* slot 0 */

    /* Close: the handle goes stale; the slot is reused under a new handle. */
    rp_conn_release(c);
    RP_CHECK(rp_conn_lookup(pool, 3, h[1], 101) == NULL);
    again = rp_conn_alloc(pool, 3, 20, 101);
    check_conn_handle_form(again);
    RP_CHECK(again != h[1]);
    RP_CHECK_EQ(again & 0xff, h[1] & 0xff);
    RP_CHECK(rp_conn_lookup(pool, 3, h[1], 101) == NULL);
    RP_CHECK(rp_conn_lookup(pool, 3, again, 101) == &pool[1]);
    RP_CHECK(rp_conn_lookup(pool, 3, h[0], 100) == &pool[0]);
    RP_CHECK(rp_conn_lookup(pool, 3, h[2], 102) == &pool[2]);

    /* The generation wraps after 0x8000 reuses and handles keep their form. */
    for (i = 0; i < 0x8000u; i++) {
        c = rp_conn_lookup(pool, 3, again, 101);
        RP_CHECK(c != NULL);
        if (c == NULL) {
            break;
        }
        rp_conn_release(c);
        again = rp_conn_alloc(pool, 3, 20, 101);
        if (again <= 0 || again > 0x7fffff) {
            check_conn_handle_form(again);
        }
    }
    RP_CHECK_EQ(again, h[1] + 0x100); /* 0x8001 releases in all: one past the first */
}

static void test_conn_pool_max(void)
{
    static rp_conn_t pool[RP_CONN_POOL_MAX + 1u];
    unsigned i, ok = 1;
    psa_handle_t h = 0;

    rp_conn_pool_init(pool, RP_CONN_POOL_MAX + 1u);
    for (i = 0; i < RP_CONN_POOL_MAX; i++) {
        h = rp_conn_alloc(pool, RP_CONN_POOL_MAX + 1u, 0, 1);
        ok &= h > 0 && (h & 0xff) == (psa_handle_t)(i + 1u) &&
              rp_conn_lookup(pool, RP_CONN_POOL_MAX + 1u, h, 1) == &pool[i];
    }
    RP_CHECK(ok);
    /* Slot 256 cannot be named by an 8-bit slot field: the pool stops at 255. */
    RP_CHECK_EQ(rp_conn_alloc(pool, RP_CONN_POOL_MAX + 1u, 0, 1), PSA_NULL_HANDLE);
    RP_CHECK_EQ(h, 0xff);
}

int main(void)
{
    test_iovec_counts();
    test_iovec_vectors();
    test_iovec_array_aligned();
    test_iovec_overlap();
    test_call_type();
    test_service_find();
    test_service_access();
    test_dependencies();
    test_stateless();
    test_conn_pool();
    test_conn_pool_max();
    return rp_test_end("test_spm_core");
}
