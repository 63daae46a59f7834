/* Regression partition A (SFN): echo and introspection services for the SPM suite. */
#include <string.h>

#include "psa/lifecycle.h"
#include "psa/service.h"
#include "psa_manifest/rp_sp_test_a.h"
#include "rp_test_serve.h"
#include "rp_test_services.h"

static int initialised;
static uint32_t conn_counters[4];

psa_status_t rp_sp_test_a_init(void)
{
    initialised = 1;
    return PSA_SUCCESS;
}

static void write_u32s(const psa_msg_t *msg, const uint32_t *v, size_t n)
{
    psa_write(msg->handle, 0, v, n * sizeof *v);
}

/* Reads in_vec[0] (at most 64 bytes) and writes it to out_vec[0]. */
static psa_status_t echo(const psa_msg_t *msg)
{
    uint8_t buf[64];
    size_t n = psa_read(msg->handle, 0, buf, sizeof buf);
    if (n > msg->out_size[0]) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    psa_write(msg->handle, 0, buf, n);
    return PSA_SUCCESS;
}

static psa_status_t sizes(const psa_msg_t *msg)
{
    uint32_t v[8];
    for (unsigned i = 0; i < 4; i++) {
        v[i] = (uint32_t)msg->in_size[i];
        v[4 + i] = (uint32_t)msg->out_size[i];
    }
    write_u32s(msg, v, 8);
    return PSA_SUCCESS;
}

/* Reads 1 byte, skips 2, reads the rest; reports the counts and the bytes read. */
static psa_status_t partial(const psa_msg_t *msg)
{
    uint8_t a, rest[32];
    uint32_t v[4];
    v[0] = (uint32_t)psa_read(msg->handle, 0, &a, 1);
    v[1] = (uint32_t)psa_skip(msg->handle, 0, 2);
    v[2] = (uint32_t)psa_read(msg->handle, 0, rest, sizeof rest);
    v[3] = (uint32_t)psa_read(msg->handle, 0, rest, sizeof rest); /* past the end: 0 */
    write_u32s(msg, v, 4);
    psa_write(msg->handle, 0, &a, 1);
    psa_write(msg->handle, 0, rest, v[2]);
    return PSA_SUCCESS;
}

static psa_status_t mapped_copy(const psa_msg_t *msg)
{
    const uint8_t *in = psa_map_invec(msg->handle, 0);
    uint8_t *out = psa_map_outvec(msg->handle, 0);
    size_t n = msg->in_size[0] < msg->out_size[0] ? msg->in_size[0] : msg->out_size[0];
    for (size_t i = 0; i < n; i++) {
        out[i] = (uint8_t)(in[i] ^ 0xFFu);
    }
    psa_unmap_invec(msg->handle, 0);
    psa_unmap_outvec(msg->handle, 0, n);
    return PSA_SUCCESS;
}

/* The echo service's operations but RP_TEST_OP_ECHO (rp_test_echo_sfn). */
static __attribute__((noinline)) psa_status_t echo_service_op(const psa_msg_t *msg)
{
    uint32_t v[2];
    switch (msg->type) {
    case RP_TEST_OP_SIZES:
        return sizes(msg);
    case RP_TEST_OP_PARTIAL:
        return partial(msg);
    case RP_TEST_OP_CLIENT_ID:
        v[0] = (uint32_t)msg->client_id;
        v[1] = (uint32_t)initialised;
        write_u32s(msg, v, 2);
        return PSA_SUCCESS;
    case RP_TEST_OP_STATUS:
        return RP_TEST_CUSTOM_STATUS;
    case RP_TEST_OP_MAPPED:
        return mapped_copy(msg);
    case RP_TEST_OP_DOORBELL: {
        uint32_t d[4];
        d[0] = psa_wait(PSA_DOORBELL, PSA_POLL);       /* 0: not asserted yet */
        psa_notify(RP_SP_TEST_A);
        d[1] = psa_wait(PSA_DOORBELL, PSA_POLL);       /* PSA_DOORBELL */
        d[2] = psa_wait(PSA_DOORBELL, PSA_BLOCK);      /* asserted: returns at once */
        psa_clear();
        d[3] = psa_wait(PSA_DOORBELL, PSA_POLL);       /* 0 again */
        write_u32s(msg, d, 4);
        return PSA_SUCCESS;
    }
    case RP_TEST_OP_BUSY: /* a long call: NS interrupts arrive during it */
        v[0] = 0, v[1] = 0;
        (void)psa_read(msg->handle, 0, &v[0], sizeof v[0]);
        for (uint32_t i = 0; i < v[0]; i++) {
            v[1] += psa_wait(PSA_DOORBELL, PSA_POLL) + i;
        }
        write_u32s(msg, &v[1], 1);
        return PSA_SUCCESS;
    case RP_TEST_OP_LIFECYCLE:
        v[0] = psa_rot_lifecycle_state();
        write_u32s(msg, v, 1);
        return PSA_SUCCESS;
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

/* Echo first and on its own: the KPI's call, which then needs no frame of its own. */
psa_status_t rp_test_echo_sfn(const psa_msg_t *msg)
{
    return msg->type == RP_TEST_OP_ECHO ? echo(msg) : echo_service_op(msg);
}

psa_status_t rp_test_empty_sfn(const psa_msg_t *msg)
{
    (void)msg;
    return PSA_SUCCESS;
}

/* A connection keeps a counter in rhandle: each call increments and reports it. */
psa_status_t rp_test_conn_sfn(const psa_msg_t *msg)
{
    return rp_test_counter_connection(msg, conn_counters, 4);
}

psa_status_t rp_test_s_only_sfn(const psa_msg_t *msg)
{
    return echo(msg);
}

psa_status_t rp_test_refuse_sfn(const psa_msg_t *msg)
{
    return msg->type == PSA_IPC_CONNECT ? PSA_ERROR_CONNECTION_REFUSED : PSA_SUCCESS;
}

/* IPC model (manifest_ipc.yaml): the same handlers behind a psa_wait loop. */
void rp_sp_test_a_main(void)
{
    static const rp_test_route_t routes[] = {
        { RP_TEST_ECHO_SIGNAL, rp_test_echo_sfn },
        { RP_TEST_EMPTY_SIGNAL, rp_test_empty_sfn },
        { RP_TEST_CONN_SIGNAL, rp_test_conn_sfn },
        { RP_TEST_S_ONLY_SIGNAL, rp_test_s_only_sfn },
        { RP_TEST_REFUSE_SIGNAL, rp_test_refuse_sfn },
    };
    (void)rp_sp_test_a_init();
    rp_test_serve_forever(routes, sizeof routes / sizeof routes[0]);
}
