/* rp_test_serve.h - the loop of an IPC-model regression partition that reuses SFN-style
 * handlers: wait for any signal, get the message, let the handler answer, reply. Lets
 * one partition source build as SFN (manifest.yaml) or IPC (manifest_ipc.yaml). */
#ifndef RP_TEST_SERVE_H
#define RP_TEST_SERVE_H

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

#endif
