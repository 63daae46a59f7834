/* test_spm - the SPM suite from the non-secure side: the client API's success and error
 * cases against the regression partitions (tests/partitions, profiles/regression.yaml). */
#include <stdint.h>
#include <string.h>

#include "ns_test.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "rp_ns_client.h"
#include "rp_test_services.h"
#include "rp_veneers.h"

#define PE PSA_ERROR_PROGRAMMER_ERROR
#define S_DATA ((void *)0x38000000u) /* secure RAM */
#define S_CODE ((void *)0x10000000u) /* secure flash */
#define S_ZERO ((void *)0x38200000u) /* SSRAM3: secure (the SAU), unused by every image */
#define NS_RAM_END 0x28200000u          /* end of the NS data region (SSRAM2's top half) */
#define PSA_DOORBELL_VALUE 0x8u         /* psa/service.h PSA_DOORBELL: NS has no service.h */

static uint8_t in_buf[64], out_buf[64];

static psa_status_t echo_call(int32_t type, const void *in, size_t in_len, void *out,
                              size_t *out_len)
{
    psa_invec iv = { in, in_len };
    psa_outvec ov = { out, *out_len };
    psa_status_t s = psa_call(RP_TEST_ECHO_HANDLE, type, &iv, 1, &ov, 1);
    *out_len = ov.len;
    return s;
}

static int t_framework_version(void)
{
    NS_CHECK(psa_framework_version() == 0x0101u);
    return 0;
}

static int t_version(void)
{
    NS_CHECK(psa_version(RP_TEST_ECHO_SID) == 1u);
    NS_CHECK(psa_version(RP_TEST_CONN_SID) == 2u);
    NS_CHECK(psa_version(0xDEAD0000u) == PSA_VERSION_NONE);  /* unknown SID */
    NS_CHECK(psa_version(RP_TEST_S_ONLY_SID) == PSA_VERSION_NONE); /* NS not allowed */
    return 0;
}

static int t_stateless_echo(void)
{
    for (unsigned i = 0; i < 16; i++) {
        in_buf[i] = (uint8_t)(0xA0u + i);
    }
    memset(out_buf, 0, sizeof out_buf);
    size_t n = 32;
    NS_CHECK(echo_call(RP_TEST_OP_ECHO, in_buf, 16, out_buf, &n) == PSA_SUCCESS);
    NS_CHECK(n == 16);
    NS_CHECK(memcmp(in_buf, out_buf, 16) == 0);
    n = 8; /* out_vec too small: the service says so and writes nothing */
    NS_CHECK(echo_call(RP_TEST_OP_ECHO, in_buf, 16, out_buf, &n) == PSA_ERROR_BUFFER_TOO_SMALL);
    NS_CHECK(n == 0);
    return 0;
}

static int t_sizes(void)
{
    uint32_t v[8];
    psa_invec iv[2] = { { in_buf, 5 }, { NULL, 0 } };
    psa_outvec ov[2] = { { v, sizeof v }, { out_buf, 7 } };
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_SIZES, iv, 2, ov, 2) == PSA_SUCCESS);
    NS_CHECK(v[0] == 5 && v[1] == 0 && v[2] == 0 && v[3] == 0);
    NS_CHECK(v[4] == sizeof v && v[5] == 7 && v[6] == 0 && v[7] == 0);
    NS_CHECK(ov[0].len == sizeof v && ov[1].len == 0);
    return 0;
}

static int t_partial_read_skip(void)
{
    uint8_t out[4 * 4 + 8];
    for (unsigned i = 0; i < 8; i++) {
        in_buf[i] = (uint8_t)(i + 1);
    }
    size_t n = sizeof out;
    NS_CHECK(echo_call(RP_TEST_OP_PARTIAL, in_buf, 8, out, &n) == PSA_SUCCESS);
    uint32_t v[4];
    memcpy(v, out, sizeof v);
    NS_CHECK(v[0] == 1 && v[1] == 2 && v[2] == 5 && v[3] == 0);
    NS_CHECK(n == 16 + 1 + 5);
    NS_CHECK(out[16] == 1 && out[17] == 4 && out[21] == 8);
    return 0;
}

/* This image defines the serialisation hooks, as an NS RTOS would (docs/spm.md): each
 * call that enters the SPM takes the "mutex" once and gives it back; the KPI image
 * defines neither and its calls go straight to the veneers. */
static unsigned lock_taken, lock_depth, lock_misuse;

void rp_ns_lock(void)
{
    lock_misuse += lock_depth != 0; /* never nested */
    lock_depth++;
    lock_taken++;
}

void rp_ns_unlock(void)
{
    lock_misuse += lock_depth != 1;
    lock_depth--;
}

static int t_lock_hooks(void)
{
    unsigned before = lock_taken;
    uint8_t b[4] = { 1, 2, 3, 4 };
    size_t n = sizeof b;
    NS_CHECK(echo_call(RP_TEST_OP_ECHO, b, sizeof b, b, &n) == PSA_SUCCESS);
    NS_CHECK(lock_taken == before + 1);
    NS_CHECK(psa_version(RP_TEST_ECHO_SID) == 1u);
    psa_handle_t h = psa_connect(RP_TEST_CONN_SID, 2);
    NS_CHECK(h > 0);
    psa_close(h);
    NS_CHECK(lock_taken == before + 4);
    (void)psa_framework_version();            /* does not enter the SPM: no lock */
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, -1, NULL, 0, NULL, 0) == PE); /* refused here */
    NS_CHECK(lock_taken == before + 4);
    NS_CHECK(lock_depth == 0 && lock_misuse == 0);
    return 0;
}

static int t_client_ids(void)
{
    uint32_t v[2];
    size_t n = sizeof v;
    NS_CHECK(echo_call(RP_TEST_OP_CLIENT_ID, NULL, 0, v, &n) == PSA_SUCCESS);
    NS_CHECK((int32_t)v[0] == -1 && v[1] == 1); /* default NS client; init ran */
    NS_CHECK(rp_ns_client_set(-7) == PSA_SUCCESS);
    n = sizeof v;
    NS_CHECK(echo_call(RP_TEST_OP_CLIENT_ID, NULL, 0, v, &n) == PSA_SUCCESS);
    NS_CHECK((int32_t)v[0] == -7);
    NS_CHECK(rp_ns_client_set(5) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(rp_ns_client_set(0) == PSA_ERROR_INVALID_ARGUMENT);
    NS_CHECK(rp_ns_client_set(-1) == PSA_SUCCESS);
    return 0;
}

static int t_status_and_lifecycle(void)
{
    uint32_t v = 0;
    size_t n = sizeof v;
    NS_CHECK(echo_call(RP_TEST_OP_STATUS, NULL, 0, &v, &n) == RP_TEST_CUSTOM_STATUS);
    n = sizeof v;
    NS_CHECK(echo_call(RP_TEST_OP_LIFECYCLE, NULL, 0, &v, &n) == PSA_SUCCESS);
    NS_CHECK(v == 0x3000u); /* PSA_LIFECYCLE_SECURED */
    n = 0;
    NS_CHECK(echo_call(99, NULL, 0, NULL, &n) == PSA_ERROR_NOT_SUPPORTED);
    return 0;
}

#if RP_ISOLATION < 3
static int t_mm_iovec(void)
{
    for (unsigned i = 0; i < 12; i++) {
        in_buf[i] = (uint8_t)i;
    }
    size_t n = 12;
    NS_CHECK(echo_call(RP_TEST_OP_MAPPED, in_buf, 12, out_buf, &n) == PSA_SUCCESS);
    NS_CHECK(n == 12 && out_buf[0] == 0xFF && out_buf[11] == (uint8_t)~11u);
    return 0;
}
#endif

static int t_connect_refused(void)
{
    NS_CHECK(psa_connect(0xDEAD0000u, 1) == PE);                   /* unknown SID */
    NS_CHECK(psa_connect(RP_TEST_CONN_SID, 1) == PE);              /* STRICT, v2 only */
    NS_CHECK(psa_connect(RP_TEST_CONN_SID, 3) == PE);
    NS_CHECK(psa_connect(RP_TEST_REFUSE_SID, 4) == PE);            /* RELAXED, above v3 */
    NS_CHECK(psa_connect(RP_TEST_ECHO_SID, 1) == PE);              /* stateless service */
    NS_CHECK(psa_connect(RP_TEST_REFUSE_SID, 2) == PSA_ERROR_CONNECTION_REFUSED);
    return 0;
}

static int conn_call(psa_handle_t h, uint32_t *count)
{
    psa_outvec ov = { count, sizeof *count };
    return psa_call(h, PSA_IPC_CALL, NULL, 0, &ov, 1);
}

static int t_connection_rhandle(void)
{
    uint32_t c = 0;
    psa_handle_t h = psa_connect(RP_TEST_CONN_SID, 2);
    NS_CHECK(h > 0);
    NS_CHECK(conn_call(h, &c) == PSA_SUCCESS && c == 2);
    NS_CHECK(conn_call(h, &c) == PSA_SUCCESS && c == 3);
    psa_handle_t h2 = psa_connect(RP_TEST_CONN_SID, 2);
    NS_CHECK(h2 > 0 && h2 != h);
    NS_CHECK(conn_call(h2, &c) == PSA_SUCCESS && c == 2); /* its own rhandle */
    psa_close(h2);
    psa_close(h);
    NS_CHECK(conn_call(h, &c) == PE);          /* closed: stale handle */
    NS_CHECK(conn_call(0x1234, &c) == PE);     /* never issued */
    NS_CHECK(conn_call(PSA_NULL_HANDLE, &c) == PE);
    NS_CHECK(conn_call(-5, &c) == PE);
    psa_close(PSA_NULL_HANDLE);                /* no effect */
    psa_close(h);                              /* NS: programmer error, ignored */
    return 0;
}

static int t_connection_owner(void)
{
    uint32_t c = 0;
    psa_handle_t h = psa_connect(RP_TEST_CONN_SID, 2);
    NS_CHECK(h > 0);
    NS_CHECK(rp_ns_client_set(-2) == PSA_SUCCESS);
    NS_CHECK(conn_call(h, &c) == PE);          /* another NS client's handle */
    psa_close(h);                              /* refused too */
    NS_CHECK(rp_ns_client_set(-1) == PSA_SUCCESS);
    NS_CHECK(conn_call(h, &c) == PSA_SUCCESS && c == 2);
    psa_close(h);
    return 0;
}

static int t_connection_pool(void)
{
    psa_handle_t h[4];
    for (unsigned i = 0; i < 4; i++) {
        h[i] = psa_connect(RP_TEST_CONN_SID, 2);
        NS_CHECK(h[i] > 0);
    }
    /* the service keeps 4 counters: a fifth connection is refused by the service */
    NS_CHECK(psa_connect(RP_TEST_CONN_SID, 2) == PSA_ERROR_CONNECTION_BUSY);
    for (unsigned i = 0; i < 4; i++) {
        psa_close(h[i]);
    }
    h[0] = psa_connect(RP_TEST_CONN_SID, 2);
    NS_CHECK(h[0] > 0);
    psa_close(h[0]);
    return 0;
}

static psa_status_t one_vec(const void *in, size_t in_len, void *out, size_t out_len)
{
    psa_invec iv = { in, in_len };
    psa_outvec ov = { out, out_len };
    return psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_ECHO, &iv, 1, &ov, 1);
}

static int t_iovec_checks(void)
{
    NS_CHECK(one_vec(S_DATA, 16, out_buf, 16) == PE);        /* reads secure RAM */
    NS_CHECK(one_vec(in_buf, 16, S_DATA, 16) == PE);         /* writes secure RAM */
    NS_CHECK(one_vec(in_buf, 16, S_CODE, 16) == PE);         /* writes secure flash */
    NS_CHECK(one_vec((void *)0xFFFFFFF0u, 0x20, out_buf, 16) == PE);   /* wraps */
    NS_CHECK(one_vec(in_buf, 0x00200000u, out_buf, 16) == PE);         /* too long */
    NS_CHECK(one_vec((void *)0x280FFFF0u, 0x20, out_buf, 16) == PE);   /* straddles S */
    NS_CHECK(one_vec(NULL, 4, out_buf, 16) == PE);           /* NULL with a length */
    NS_CHECK(one_vec(S_DATA, 0, out_buf, 16) == PSA_SUCCESS); /* empty: not checked */
    /* overlapping out_vecs */
    psa_outvec ov[2] = { { out_buf, 16 }, { out_buf + 8, 16 } };
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_SIZES, NULL, 0, ov, 2) == PE);
    /* too many vectors: 3 + 2 > PSA_MAX_IOVEC */
    psa_invec iv[3] = { { in_buf, 1 }, { in_buf, 1 }, { in_buf, 1 } };
    psa_outvec ov2[2] = { { out_buf, 1 }, { out_buf + 1, 1 } };
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, 0, iv, 3, ov2, 2) == PE);
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, 0, iv, 5, NULL, 0) == PE);
    /* the vector arrays themselves in secure memory */
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, 0, S_DATA, 1, NULL, 0) == PE);
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, 0, NULL, 0, S_DATA, 1) == PE);
    /* arrays in secure memory that holds zeros (SSRAM3, unused): read, they would be
     * empty vectors, so only the check of the array itself refuses these calls */
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_STATUS, S_ZERO, 1, NULL, 0) == PE);
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_STATUS, NULL, 0, S_ZERO, 1) == PE);
    /* arrays that run from the top of NS RAM into SSRAM3, which the SAU leaves secure.
     * Their second entry would read as an empty vector there (SSRAM3 is unused: zero),
     * so only the check of the array itself refuses these calls. */
    psa_invec *top_in = (psa_invec *)(NS_RAM_END - sizeof(psa_invec));
    psa_outvec *top_out = (psa_outvec *)(NS_RAM_END - sizeof(psa_outvec));
    top_in->base = in_buf;
    top_in->len = 0;
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_STATUS, top_in, 2, NULL, 0) == PE);
    top_out->base = out_buf;
    top_out->len = 0;
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_STATUS, NULL, 0, top_out, 2) == PE);
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_STATUS, top_in, 1, top_out, 1) ==
             RP_TEST_CUSTOM_STATUS); /* the same arrays within NS RAM */
    /* arrays not aligned as their type (4 bytes): refused; the SPM reads them by words,
     * which would fault on such an address */
    static uint32_t raw[8];
    for (unsigned off = 1; off < 4; off++) {
        void *odd = (uint8_t *)raw + off;
        NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_STATUS, odd, 1, NULL, 0) == PE);
        NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_STATUS, NULL, 0, odd, 1) == PE);
    }
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, RP_TEST_OP_STATUS, (psa_invec *)raw, 1,
                      (psa_outvec *)raw + 2, 1) == RP_TEST_CUSTOM_STATUS);
    return 0;
}

static int t_call_type_and_handles(void)
{
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE, -1, NULL, 0, NULL, 0) == PE);
    /* straight to the veneer, bypassing the NS library's own checks */
    NS_CHECK(rp_veneer_call(RP_TEST_ECHO_HANDLE, 0x80000000u, NULL, NULL) == PE);
    NS_CHECK(rp_veneer_call(RP_TEST_ECHO_HANDLE, 0x00000500u, NULL, NULL) == PE);
    NS_CHECK(rp_veneer_call(RP_TEST_ECHO_HANDLE, 0x00000005u, NULL, NULL) == PE);
    /* stateless handles: wrong version for a STRICT service, unknown index, S-only */
    NS_CHECK(psa_call(RP_TEST_EMPTY_HANDLE + 1, 0, NULL, 0, NULL, 0) == PE);
    NS_CHECK(psa_call(RP_TEST_EMPTY_HANDLE - 1, 0, NULL, 0, NULL, 0) == PE); /* lower */
    NS_CHECK(psa_call(RP_TEST_ECHO_HANDLE + 1, 0, NULL, 0, NULL, 0) == PE); /* RELAXED */
    NS_CHECK(psa_call(0x40001F01, 0, NULL, 0, NULL, 0) == PE);
    NS_CHECK(psa_call(RP_TEST_S_ONLY_HANDLE, 0, NULL, 0, NULL, 0) == PE);
    NS_CHECK(psa_call(RP_TEST_EMPTY_HANDLE, 0, NULL, 0, NULL, 0) == PSA_SUCCESS);
    return 0;
}

static int t_secure_client(void)
{
    memcpy(in_buf, "secure client", 13);
    size_t n = sizeof out_buf;
    psa_invec iv = { in_buf, 13 };
    psa_outvec ov = { out_buf, n };
    NS_CHECK(psa_call(RP_TEST_PROXY_HANDLE, RP_TEST_PROXY_S_ONLY, &iv, 1, &ov, 1) ==
             PSA_SUCCESS);
    NS_CHECK(ov.len == 13 && memcmp(out_buf, "secure client", 13) == 0);
    uint32_t v[3];
    psa_outvec ov3 = { v, sizeof v };
    NS_CHECK(psa_call(RP_TEST_PROXY_HANDLE, RP_TEST_PROXY_CONN, NULL, 0, &ov3, 1) ==
             PSA_SUCCESS);
    NS_CHECK(v[0] == 2 && v[1] == 3 && v[2] == 0x0101u);
    return 0;
}

static int t_panic_contained(void)
{
    NS_CHECK(psa_call(RP_TEST_PANIC_HANDLE, RP_TEST_PANIC_NOW, NULL, 0, NULL, 0) ==
             PSA_ERROR_SERVICE_FAILURE);
    NS_CHECK(psa_call(RP_TEST_PANIC_HANDLE, 1, NULL, 0, NULL, 0) == PSA_ERROR_SERVICE_FAILURE);
    /* a secure client's programmer error panics it (B), not its server (A) */
    NS_CHECK(psa_call(RP_TEST_PROXY_HANDLE, RP_TEST_PROXY_UNDECLARED, NULL, 0, NULL, 0) ==
             PSA_ERROR_SERVICE_FAILURE);
    NS_CHECK(psa_call(RP_TEST_PROXY_HANDLE, RP_TEST_PROXY_S_ONLY, NULL, 0, NULL, 0) ==
             PSA_ERROR_SERVICE_FAILURE);
    /* everyone else keeps serving */
    NS_CHECK(psa_call(RP_TEST_EMPTY_HANDLE, 0, NULL, 0, NULL, 0) == PSA_SUCCESS);
    return t_stateless_echo();
}

#ifdef RP_TEST_IPC_ECHO_SID
/* IPC backend: the same client API against a partition with its own thread. */
static psa_status_t ipc_echo(int32_t type, const void *in, size_t in_len, void *out,
                             size_t *out_len)
{
    psa_invec iv = { in, in_len };
    psa_outvec ov = { out, *out_len };
    psa_status_t s = psa_call(RP_TEST_IPC_ECHO_HANDLE, type, &iv, 1, &ov, 1);
    *out_len = ov.len;
    return s;
}

static int t_ipc_calls(void)
{
    memcpy(in_buf, "through a thread", 16);
    memset(out_buf, 0, sizeof out_buf);
    size_t n = sizeof out_buf;
    NS_CHECK(ipc_echo(RP_TEST_OP_ECHO, in_buf, 16, out_buf, &n) == PSA_SUCCESS);
    NS_CHECK(n == 16 && memcmp(out_buf, "through a thread", 16) == 0);
    uint32_t v[2];
    n = sizeof v;
    NS_CHECK(ipc_echo(RP_TEST_OP_CLIENT_ID, NULL, 0, v, &n) == PSA_SUCCESS);
    NS_CHECK((int32_t)v[0] == -1);
    n = 0;
    NS_CHECK(ipc_echo(RP_TEST_OP_STATUS, NULL, 0, NULL, &n) == RP_TEST_CUSTOM_STATUS);
    NS_CHECK(psa_call(RP_TEST_IPC_EMPTY_HANDLE, 0, NULL, 0, NULL, 0) == PSA_SUCCESS);
    NS_CHECK(psa_version(RP_TEST_IPC_ECHO_SID) == 1u);
    return 0;
}

static int t_ipc_connection(void)
{
    uint32_t c = 0;
    psa_handle_t h = psa_connect(RP_TEST_IPC_CONN_SID, 1);
    NS_CHECK(h > 0);
    for (uint32_t i = 2; i < 6; i++) {
        NS_CHECK(conn_call(h, &c) == PSA_SUCCESS && c == i);
    }
    psa_close(h);
    NS_CHECK(conn_call(h, &c) == PE);
    NS_CHECK(psa_connect(RP_TEST_IPC_CONN_SID, 2) == PE); /* above the version */
    return 0;
}

static int t_ipc_iovec_checks(void)
{
    size_t n = 16;
    NS_CHECK(ipc_echo(RP_TEST_OP_ECHO, S_DATA, 16, out_buf, &n) == PE);
    n = 16;
    NS_CHECK(ipc_echo(RP_TEST_OP_ECHO, in_buf, 16, S_DATA, &n) == PE);
    return 0;
}

static int t_ipc_panic_contained(void)
{
    NS_CHECK(psa_call(RP_TEST_IPC_PANIC_HANDLE, 0, NULL, 0, NULL, 0) ==
             PSA_ERROR_SERVICE_FAILURE);
    NS_CHECK(psa_call(RP_TEST_IPC_EMPTY_HANDLE, 0, NULL, 0, NULL, 0) ==
             PSA_ERROR_SERVICE_FAILURE);
    NS_CHECK(psa_connect(RP_TEST_IPC_CONN_SID, 1) == PSA_ERROR_CONNECTION_REFUSED);
    NS_CHECK(psa_call(RP_TEST_EMPTY_HANDLE, 0, NULL, 0, NULL, 0) == PSA_SUCCESS);
    return 0;
}
#endif

static int t_doorbell(void)
{
    uint32_t d[4] = { 1, 1, 1, 1 };
    size_t n = sizeof d;
    NS_CHECK(echo_call(RP_TEST_OP_DOORBELL, NULL, 0, d, &n) == PSA_SUCCESS);
    NS_CHECK(n == sizeof d);
    NS_CHECK(d[0] == 0 && d[1] == PSA_DOORBELL_VALUE && d[2] == PSA_DOORBELL_VALUE &&
             d[3] == 0);
    return 0;
}

static const ns_test_case_t cases[] = {
    { "framework_version", t_framework_version },
    { "version", t_version },
    { "stateless_echo", t_stateless_echo },
    { "iovec_sizes", t_sizes },
    { "partial_read_skip", t_partial_read_skip },
    { "ns_client_ids", t_client_ids },
    { "ns_lock_hooks", t_lock_hooks },
    { "status_and_lifecycle", t_status_and_lifecycle },
    { "notify_clear", t_doorbell },
#if RP_ISOLATION < 3 /* mm-iovec is refused to unprivileged partitions (docs/spm.md) */
    { "mm_iovec", t_mm_iovec },
#endif
    { "connect_refused", t_connect_refused },
    { "connection_rhandle", t_connection_rhandle },
    { "connection_owner", t_connection_owner },
    { "connection_pool", t_connection_pool },
    { "iovec_checks", t_iovec_checks },
    { "call_type_and_handles", t_call_type_and_handles },
    { "secure_client", t_secure_client },
    { "panic_contained", t_panic_contained },
#ifdef RP_TEST_IPC_ECHO_SID
    { "ipc_calls", t_ipc_calls },
    { "ipc_connection", t_ipc_connection },
    { "ipc_iovec_checks", t_ipc_iovec_checks },
    { "ipc_panic_contained", t_ipc_panic_contained },
#endif
};

int main(void)
{
    return ns_test_run("spm", cases, sizeof cases / sizeof cases[0]);
}
