/* Regression partition I (IPC model): a thread that waits for messages and replies. */
#include "psa/service.h"
#include "psa_manifest/rp_sp_test_ipc.h"
#include "rp_test_serve.h" /* rp_test_counter_connection */
#include "rp_test_services.h"

static uint32_t counters[4];

static psa_status_t echo(const psa_msg_t *msg)
{
    uint8_t buf[64];
    uint32_t v[2];

    if (msg->type == RP_TEST_OP_ECHO) { /* first: the KPI's call */
        size_t n = psa_read(msg->handle, 0, buf, sizeof buf);
        if (n > msg->out_size[0]) {
            return PSA_ERROR_BUFFER_TOO_SMALL;
        }
        psa_write(msg->handle, 0, buf, n);
        return PSA_SUCCESS;
    }
    switch (msg->type) {
    case RP_TEST_OP_CLIENT_ID:
        v[0] = (uint32_t)msg->client_id;
        v[1] = 1;
        psa_write(msg->handle, 0, v, sizeof v);
        return PSA_SUCCESS;
    case RP_TEST_OP_STATUS:
        return RP_TEST_CUSTOM_STATUS;
    case RP_TEST_OP_BUSY: {
        uint32_t n = 0, acc = 0;
        (void)psa_read(msg->handle, 0, &n, sizeof n);
        for (uint32_t i = 0; i < n; i++) {
            acc += psa_wait(RP_TEST_IPC_ECHO_SIGNAL, PSA_POLL) + i;
        }
        psa_write(msg->handle, 0, &acc, sizeof acc);
        return PSA_SUCCESS;
    }
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

static psa_status_t conn(const psa_msg_t *msg)
{
    return rp_test_counter_connection(msg, counters, 4);
}

static psa_status_t empty(const psa_msg_t *msg)
{
    (void)msg;
    return PSA_SUCCESS;
}

static psa_status_t panic(const psa_msg_t *msg)
{
    (void)msg;
    psa_panic();
    return PSA_ERROR_GENERIC_ERROR; /* not reached: psa_panic does not return */
}

/* Answers msg with the handler of its service's signal (exactly one bit). */
static psa_status_t dispatch(psa_signal_t signal, const psa_msg_t *msg)
{
    if (signal == RP_TEST_IPC_ECHO_SIGNAL) { /* first: the KPI's 16-byte call */
        return echo(msg);
    }
    switch (signal) {
    case RP_TEST_IPC_EMPTY_SIGNAL:
        return empty(msg);
    case RP_TEST_IPC_CONN_SIGNAL:
        return conn(msg);
    default:
        return panic(msg);
    }
}

#define SERVICE_SIGNALS (RP_TEST_IPC_ECHO_SIGNAL | RP_TEST_IPC_EMPTY_SIGNAL | \
                         RP_TEST_IPC_CONN_SIGNAL | RP_TEST_IPC_PANIC_SIGNAL)

/* The FF-M IPC loop: wait for a service signal, take one message of the lowest asserted
 * one, answer it. A signal stays asserted while its service has messages queued, so one
 * message per psa_wait serves them all, and the handler is found without a scan. */
void rp_sp_test_ipc_main(void)
{
    for (;;) {
        psa_signal_t asserted = psa_wait(SERVICE_SIGNALS, PSA_BLOCK);
        psa_signal_t signal = asserted & (0u - asserted);
        psa_msg_t msg;
        if (psa_get(signal, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, dispatch(signal, &msg));
        }
    }
}
