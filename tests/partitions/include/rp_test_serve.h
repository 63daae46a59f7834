/* rp_test_serve.h - the loop of an IPC-model regression partition that reuses SFN-style
 * handlers: wait for any signal, get the message, let the handler answer, reply. Lets
 * one partition source build as SFN (manifest.yaml) or IPC (manifest_ipc.yaml). */
#ifndef RP_TEST_SERVE_H
#define RP_TEST_SERVE_H

#include <stdint.h>

#include "psa/service.h"

typedef struct {
    psa_signal_t signal;
    psa_status_t (*handler)(const psa_msg_t *msg);
} rp_test_route_t;

static inline void rp_test_serve_forever(const rp_test_route_t *routes, unsigned n)
{
    for (;;) {
        psa_signal_t asserted = psa_wait(PSA_WAIT_ANY, PSA_BLOCK);
        for (unsigned i = 0; i < n; i++) {
            psa_msg_t msg;
            if ((asserted & routes[i].signal) && psa_get(routes[i].signal, &msg) == PSA_SUCCESS) {
                psa_reply(msg.handle, routes[i].handler(&msg));
            }
        }
    }
}

/* A connection-based test service whose connections each keep a counter in their rhandle
 * (one of counters[0..n-1], 0 = free): connect takes a free counter (or answers
 * CONNECTION_BUSY), each call increments and writes it to out_vec[0], disconnect frees it. */
static inline psa_status_t rp_test_counter_connection(const psa_msg_t *msg,
                                                      uint32_t *counters, unsigned n)
{
    uint32_t *counter = msg->rhandle;
    switch (msg->type) {
    case PSA_IPC_CONNECT:
        for (unsigned i = 0; i < n; i++) {
            if (counters[i] == 0) {
                counters[i] = 1; /* 1 = connected, no call yet */
                psa_set_rhandle(msg->handle, &counters[i]);
                return PSA_SUCCESS;
            }
        }
        return PSA_ERROR_CONNECTION_BUSY;
    case PSA_IPC_DISCONNECT:
        *counter = 0;
        return PSA_SUCCESS;
    default:
        (*counter)++;
        psa_write(msg->handle, 0, counter, sizeof *counter);
        return PSA_SUCCESS;
    }
}

#endif
