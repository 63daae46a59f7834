/* spm_internal.h - what spm.c (the client and service APIs, common to both backends)
 * shares with the backend it is built with: backend_sfn.c or backend_ipc.c. Not a public
 * header: nothing outside spm/ includes it. */
#ifndef RP_SPM_INTERNAL_H
#define RP_SPM_INTERNAL_H

#include "rp_spm.h"
#include "rp_spm_tables.h"

#define RP_MSG_SLOTS  16          /* messages in flight, all clients together */
#define RP_MSG_HANDLE 0x20000000  /* | generation << 8 | slot + 1 */
#define RP_PART_MAX   32

enum msg_state { MSG_FREE, MSG_QUEUED, MSG_ACTIVE, MSG_REPLIED };

typedef struct msg_slot {
    psa_msg_t msg;                     /* what the service sees */
    psa_invec in[PSA_MAX_IOVEC];       /* validated copies of the caller's vectors */
    psa_outvec out[PSA_MAX_IOVEC];
    size_t in_done[PSA_MAX_IOVEC];     /* bytes read or skipped */
    size_t out_done[PSA_MAX_IOVEC];    /* bytes written */
    uint8_t in_len, out_len;           /* vectors in use; the rest read as empty */
    uint8_t in_mapped, out_mapped;     /* mm-iovec: one bit per vector */
    uint8_t state;                     /* enum msg_state */
    uint8_t client;                    /* thread that waits for the reply */
    uint8_t gen;                       /* part of the message handle */
    uint16_t partition;                /* index of the serving partition */
    const rp_service_t *svc;
    rp_conn_t *conn;                   /* NULL for a stateless service */
    struct msg_slot *next;             /* IPC: the partition's queue */
    psa_status_t status;               /* IPC: the reply */
    void *unwind[5];                   /* SFN: __builtin_setjmp buffer for a panic */
} msg_slot_t;

extern uint32_t rp_spm_panicked;       /* one bit per partition */

/* ---- provided by spm.c for the backends ---- */

/* Runs an SFN service function for message m on the current thread, with m's partition
 * as the running one; a panic inside returns PSA_ERROR_SERVICE_FAILURE. */
psa_status_t rp_spm_run_sfn(msg_slot_t *m);

/* Releases m after its client has the reply. */
void rp_spm_msg_free(msg_slot_t *m);

/* Message slot i (0..RP_MSG_SLOTS-1), for a backend that must fail a partition's. */
msg_slot_t *rp_spm_msg_at(unsigned i);

/* The message with handle h if the running partition is serving it, else NULL. */
msg_slot_t *rp_spm_msg_of(psa_handle_t h);

/* Marks the running partition panicked and stops it. */
void rp_spm_panic_running(void) __attribute__((noreturn));

/* ---- provided by the backend ---- */

/* Starts the backend (IPC: one thread per IPC partition; runs them until all wait), then
 * calls `then` on the NS agent's thread. Does not return. */
void rp_backend_start(void (*then)(void)) __attribute__((noreturn));

/* Index of the partition whose code runs now, -1 for the NS agent (and the SPM). */
int rp_backend_running(void);

/* Sets the running partition of the current thread for an SFN call; returns the previous
 * one, and saves/restores the panic landing with it. */
int rp_backend_enter_sfn(int part, void **unwind, void ***saved_unwind);
void rp_backend_leave_sfn(int prev, void **saved_unwind);

/* Delivers message m (validated, state set) to an IPC partition and blocks the caller
 * until psa_reply; returns the reply status. */
psa_status_t rp_backend_deliver_ipc(msg_slot_t *m);

/* The running partition is panicked: unwind (SFN) or stop its thread (IPC). */
void rp_backend_panic(int part) __attribute__((noreturn));

/* IPC service API parts: psa_wait, psa_get, psa_reply, psa_notify wake-up. */
psa_signal_t rp_backend_wait(int part, psa_signal_t mask, uint32_t timeout);
msg_slot_t *rp_backend_get(int part, psa_signal_t signal);
void rp_backend_reply(msg_slot_t *m, psa_status_t status);
void rp_backend_signal(int part, psa_signal_t signal);
psa_signal_t rp_backend_asserted(int part);
void rp_backend_clear(int part, psa_signal_t signal);

/* Current thread index (the message's client). */
uint8_t rp_backend_thread(void);

#endif
