/* spm_internal.h - what spm.c (the client and service APIs, common to both backends)
 * shares with the backend it is built with: backend_sfn.c or backend_ipc.c. Not a public
 * header: nothing outside spm/ includes it. */
#ifndef RP_SPM_INTERNAL_H
#define RP_SPM_INTERNAL_H

#include <arm_cmse.h>
#include <stdint.h>

#include "rp_spm.h"
#include "rp_spm_tables.h"

/* 31 partitions (the manifest tool refuses more: PARTITIONS_MAX): the threads (one per
 * partition and the NS agent's) fit the 32-bit ready set, and every live index fits a
 * message handle's low six bits (RP_LIVE_SLOTS). */
#define RP_PART_MAX    31
#define RP_THREADS_MAX (1 + RP_PART_MAX)          /* IPC: a thread per partition + NS agent */
#define RP_MSG_HANDLE  0x20000000                 /* | generation << 8 | live index */
#define RP_LIVE_MAX    (RP_PART_MAX + RP_THREADS_MAX)
#define RP_LIVE_SLOTS  64                         /* live[]: indexed by handle & 63 */
#define RP_LIVE_CLIENT(t) (RP_PART_MAX + (t))      /* live index of client thread t */
typedef char rp_live_index_fits_six_bits[RP_LIVE_MAX <= RP_LIVE_SLOTS ? 1 : -1];

/* A message lives in the frame of the SPM call that sent it (rp_spm_call, _connect,
 * _close): the client waits there until the reply, so no pool is needed. While it is
 * being served (an SFN call, or an IPC message from psa_get to psa_reply) it
 * is registered in rp_spm.live[], where its handle finds it in O(1):
 *   live[p]                 the message SFN partition p serves (one at most: an SFN
 *                           partition is never re-entered), so live[p] != NULL means busy
 *   live[RP_PART_MAX + t]   the message client thread t waits on (IPC: it is blocked) */
typedef struct msg_slot {
    psa_msg_t msg;                     /* what the service sees */
    psa_invec in[PSA_MAX_IOVEC];       /* validated copies of the caller's vectors, as
                                        * cursors: what is left of each (psa_read and
                                        * psa_skip advance base and shrink len; a mapped
                                        * vector's base is made odd, service_api.c) */
    psa_outvec out[PSA_MAX_IOVEC];     /* what is left of each out_vec (psa_write);
                                        * written = msg.out_size[i] - out[i].len */
    uint8_t in_len, out_len;           /* vectors in use; the rest read as empty */
    uint8_t in_mapped, out_mapped;     /* mm-iovec: one bit per vector mapped now (the
                                        * unmap clears it; its closed bit stays) */
    uint8_t in_closed, out_closed;     /* vectors psa_read/skip/write/map may not use: the
                                        * mapped ones, all four for a connect or
                                        * disconnect message (one test on their path) */
    uint8_t client;                    /* thread that waits for the reply */
    uint16_t partition;                /* index of the serving partition */
    psa_handle_t handle;               /* RP_MSG_HANDLE | generation << 8 | live index:
                                        * kept here (not only in msg, which an SFN
                                        * service can reach) */
    const rp_service_t *svc;
    void *landing;                     /* SFN: the stack pointer a panic unwinds to (the
                                        * running SFN partition's is live[running]'s);
                                        * NULL: the NS agent's quick path sent m from its
                                        * own frame, which lands at m (veneers.c) */
    rp_conn_t *conn;                   /* a stateless call's is a dummy (spm.c no_conn);
                                        * the NS agent's quick path (stateless calls
                                        * only) leaves it unset: only psa_set_rhandle
                                        * reads it, for a connection-based service */
    struct msg_slot *next;             /* IPC: the partition's queue */
    psa_status_t status;               /* IPC: the reply */
} msg_slot_t;

/* The SPM's hot state in one struct, so that the call path loads its address once. The
 * assembly paths (veneers.c, service_api.c) take &live[0] as their base: live[running]
 * is then one load, and live_none makes it NULL for running -1 and -2 too. */
typedef struct rp_spm_state {
    msg_slot_t *live_none[2];          /* live[-2], live[-1]: NULL */
    msg_slot_t *live[RP_LIVE_SLOTS];   /* messages being served, see msg_slot_t; the
                                        * slots from RP_LIVE_MAX up stay NULL. A
                                        * panicked SFN partition's is &rp_spm_gone. */
    int running;                       /* partition whose code runs, -1: NS agent / SPM
                                        * (the backend keeps it current; read it with
                                        * rp_backend_running); SFN backend: -2 while the
                                        * NS agent's full path runs a call (RP_AGENT_BUSY) */
    uint32_t panicked;                 /* one bit per partition */
    uint32_t gen;                      /* message generation << 16 (handles), counts up:
                                        * a handle takes bits 31..16 as its 23..8 */
    int32_t ns_client;                 /* the NS agent's current client (< 0; -1 until
                                        * the NS side names one: rp_spm_set_ns_client) */
    uint8_t ns_in_call;                /* IPC backend: 1 while the NS agent runs a call:
                                        * a second one (an NS interrupt's) is refused
                                        * (veneers.c) */
} rp_spm_state_t;

extern rp_spm_state_t rp_spm;

/* SFN backend: `running` while the NS agent's full path runs a call (it is -1 when the
 * agent is idle, a partition's index while its service runs). */
#define RP_AGENT_BUSY (-2)

/* The message in live[p] of a panicked SFN partition: it is busy for good, so the NS
 * agent's quick path, which tests live[p] only, leaves every call to it to the full path
 * (which answers from rp_spm.panicked). Its handle, 0, matches none, so nothing looks
 * past it, and nothing writes it: const, in flash. */
extern const msg_slot_t rp_spm_gone;
/* Secure partition interrupts run at this priority, above every NS exception (AIRCR.PRIS)
 * and PendSV. The SPM's critical sections mask them with BASEPRI, for the few
 * instructions that update state an interrupt handler also updates (signals, the ready
 * set); docs/spm.md lists them. */
#define RP_IRQ_PRIORITY 0x20u

static inline uint32_t rp_crit_enter(void)
{
    uint32_t old;
    __asm volatile("mrs %0, basepri\n\tmsr basepri_max, %1"
                   : "=&r"(old) : "r"(RP_IRQ_PRIORITY) : "memory");
    return old;
}

static inline void rp_crit_exit(uint32_t old)
{
    __asm volatile("msr basepri, %0" : : "r"(old) : "memory");
}

/* The TT-instruction range check: non-zero if [p, p+len) may be accessed as `flags` say.
 * in:  len > 0; flags = CMSE_MPU_READ or CMSE_MPU_READWRITE, optionally | CMSE_MPU_UNPRIV
 *      and | CMSE_NONSECURE (the only combinations the SPM uses).
 * out: exactly what cmse_check_address_range(p, len, flags) != NULL answers for those
 *      flags: the range must not run to or past the top of the address space; TT (TTT,
 *      TTA, TTAT for the unprivileged / non-secure views) of its first and last byte must
 *      return the same word (same MPU, SAU and IDAU regions: a block of 32 bytes, the
 *      smallest region, needs one TT); that word must grant the access (R/RW, or NSR/NSRW
 *      for a non-secure view). Inline: the library function costs ~25 instructions, a
 *      table dispatch on flags and a call per vector on the path of every psa_call. */
static inline uint32_t rp_tt_word(uintptr_t a, int flags)
{
    void *p = (void *)a;
    switch (flags & (CMSE_MPU_UNPRIV | CMSE_MPU_NONSECURE)) {
    case 0:
        return cmse_TT(p).value;
    case CMSE_MPU_UNPRIV:
        return cmse_TTT(p).value;
    case CMSE_MPU_NONSECURE:
        return cmse_TTA(p).value;
    default:
        return cmse_TTAT(p).value;
    }
}

static inline int rp_tt_range_ok(const void *p, size_t len, int flags)
{
    uintptr_t b = (uintptr_t)p, e;
    if (len > UINTPTR_MAX - b) {
        return 0;
    }
    e = b + (len - 1u);
    uint32_t w = rp_tt_word(b, flags);
    if ((b ^ e) >= 32u && rp_tt_word(e, flags) != w) {
        return 0;
    }
    /* TT result bits: 18 R, 19 RW, 20 NSR, 21 NSRW */
    unsigned bit = 18u + ((flags & CMSE_MPU_READWRITE) ? 1u : 0u) +
                   ((flags & CMSE_AU_NONSECURE) ? 2u : 0u);
    return (int)((w >> bit) & 1u);
}

/* ---- provided by spm.c for the backends and the NS agent ---- */

/* Sends m, validated and filled in but for its handle and client thread, to its service
 * and returns the reply: runs its SFN service function (_sfn), or queues m for its IPC
 * service and blocks until psa_reply (_ipc). For the NS agent's quick call path
 * (veneers.c), which builds m itself. */
psa_status_t rp_spm_deliver_sfn(msg_slot_t *m);
psa_status_t rp_spm_deliver_ipc(msg_slot_t *m);

/* Live (active) message i (0..RP_LIVE_MAX-1) or NULL, for a backend that must fail a
 * partition's. */
static inline msg_slot_t *rp_spm_live_at(unsigned i)
{
    return rp_spm.live[i];
}

/* The message with handle h if the running partition is serving it, else NULL: the
 * handle's low six bits are its live index, and the message's own copy of the handle
 * (generation included) must match, so a stale or forged handle finds nothing. Only
 * active messages are live, so the state needs no test. */
static inline msg_slot_t *rp_spm_msg_of(psa_handle_t h)
{
    msg_slot_t *m = rp_spm.live[(uint32_t)h & (RP_LIVE_SLOTS - 1u)];
    if (m == NULL || m->handle != h || m->partition != rp_spm.running) {
        return NULL;
    }
    return m;
}

/* Offset of field f of rp_spm from &rp_spm.live[0], the assembly paths' base. */
#define RP_SPM_OFF(f) (offsetof(rp_spm_state_t, f) - offsetof(rp_spm_state_t, live))

/* ---- provided by the NS agent (veneers.c) ---- */

/* At start: stops the system unless the platform gives what the agent's quick path
 * relies on (TT refuses NS access at address 0 and in the top 32 bytes). */
void rp_agent_init(void);

/* SFN backend: a panic in a service the agent's quick path called (m->landing == NULL):
 * returns PSA_ERROR_SERVICE_FAILURE from that call. */
void rp_agent_quick_unwind(msg_slot_t *m) __attribute__((noreturn));

/* Marks the running partition panicked and stops it. */
void rp_spm_panic_running(void) __attribute__((noreturn));

/* Ends the SFN call of partition `part` (running on this thread): its run_sfn (spm.c)
 * returns PSA_ERROR_SERVICE_FAILURE. For the backend's panic. */
void rp_spm_unwind_sfn(int part) __attribute__((noreturn));

/* ---- provided by the backend ---- */

/* Starts the backend (IPC: one thread per IPC partition; runs them until all wait), then
 * calls `then` on the NS agent's thread. Does not return. */
void rp_backend_start(void (*then)(void)) __attribute__((noreturn));

/* Index of the partition whose code runs now, -1 for the NS agent (and the SPM). */
static inline int rp_backend_running(void)
{
    return rp_spm.running;
}

/* Sets the running partition of the current thread for an SFN call; returns the
 * previous one, which rp_backend_leave_sfn restores. */
int rp_backend_enter_sfn(int part);
void rp_backend_leave_sfn(int prev);

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
/* The asserted signals psa_get may take: an IPC partition's service signals (0 for an
 * SFN partition, which takes no messages). */
psa_signal_t rp_backend_takeable(int part);
void rp_backend_clear(int part, psa_signal_t signal);

/* An interrupt handler asserts `signal` for partition `part` (Handler mode). */
void rp_backend_signal_isr(int part, psa_signal_t signal);

/* Interrupt set-up: NVIC routing and priorities of the manifests' IRQs (irq.c). */
void rp_irq_init(void);

/* Current thread index (the message's client). */
uint8_t rp_backend_thread(void);

/* 1 if the running partition runs unprivileged (isolation levels 2 and 3): its pointers
 * are then checked against its own MPU view. */
int rp_backend_caller_unprivileged(void);

/* For an API call of a partition (IPC backend; the SVC path for an unprivileged one):
 * where the buffer [p, p + n) (n > 0) lies relative to the partition thread's stack.
 *   RP_STACK_ABOVE  the caller is privileged (no check needed), or the buffer is in its
 *                   stack, at or above the stack pointer it made the call with: its own
 *                   memory at every isolation level (no TT check needed)
 *   RP_STACK_BELOW  overlaps its stack below that pointer, where the SPM's frames of
 *                   this very call live (the call runs on the partition's stack): a
 *                   write there would change them, so it is refused
 *   RP_STACK_OTHER  elsewhere: check it with TT */
enum { RP_STACK_ABOVE, RP_STACK_BELOW, RP_STACK_OTHER };
int rp_backend_stack_buffer(const void *p, size_t n);

/* ---- isolation (isolation.c) ---- */
void rp_isolation_init(void);
int rp_isolation_unprivileged(int part);
void rp_isolation_switch(int part);
/* The partition whose regions are in R1.. (-1: none yet); PendSV tests it before it
 * calls rp_isolation_switch. */
extern int rp_isolation_programmed;

/* ---- the partition API's implementations (psa_api.c is the public entry) ---- */

/* Levels 2 and 3 (SVC path, backend_ipc.c): the calls below RP_API_QUICK never block and
 * run in the SVC handler itself; the others (they may block, or take long) run in thread
 * mode, privileged, on the caller's thread. */
enum rp_api_index {
    RP_API_GET, RP_API_REPLY, RP_API_READ, RP_API_SKIP, RP_API_WRITE, RP_API_SET_RHANDLE,
    RP_API_NOTIFY, RP_API_CLEAR, RP_API_EOI, RP_API_IRQ_ENABLE, RP_API_IRQ_DISABLE,
    RP_API_RESET_SIGNAL, RP_API_MAP_INVEC, RP_API_UNMAP_INVEC, RP_API_MAP_OUTVEC,
    RP_API_UNMAP_OUTVEC, RP_API_LIFECYCLE, RP_API_VERSION, RP_API_CLIENT_ALIVE,
    RP_API_QUICK, /* the first of those run in thread mode: */
    RP_API_WAIT = RP_API_QUICK, RP_API_CONNECT, RP_API_CALL, RP_API_CLOSE, RP_API_PANIC,
    RP_API_SYSTEM_RESET, RP_API_IMAGE_CONFIRM, RP_API_COUNT
};

/* The implementation of each, indexed by enum rp_api_index (svc path). */
extern const uintptr_t rp_api_table[RP_API_COUNT];

uint32_t rp_api_version(uint32_t sid);
psa_handle_t rp_api_connect(uint32_t sid, uint32_t version);
psa_status_t rp_api_call(psa_handle_t handle, uint32_t packed, const psa_invec *in_vec,
                         psa_outvec *out_vec);
void rp_api_close(psa_handle_t handle);
psa_signal_t rp_api_wait(psa_signal_t signal_mask, uint32_t timeout);
psa_status_t rp_api_get(psa_signal_t signal, psa_msg_t *msg);
void rp_api_set_rhandle(psa_handle_t msg_handle, void *rhandle);
size_t rp_api_read(psa_handle_t msg_handle, uint32_t invec_idx, void *buffer, size_t num_bytes);
size_t rp_api_skip(psa_handle_t msg_handle, uint32_t invec_idx, size_t num_bytes);
void rp_api_write(psa_handle_t msg_handle, uint32_t outvec_idx, const void *buffer,
                  size_t num_bytes);
void rp_api_reply(psa_handle_t msg_handle, psa_status_t status);
void rp_api_notify(int32_t partition_id);
void rp_api_clear(void);
void rp_api_eoi(psa_signal_t irq_signal);
void rp_api_panic(void);
void rp_api_irq_enable(psa_signal_t irq_signal);
psa_irq_status_t rp_api_irq_disable(psa_signal_t irq_signal);
void rp_api_reset_signal(psa_signal_t irq_signal);
const void *rp_api_map_invec(psa_handle_t msg_handle, uint32_t invec_idx);
void rp_api_unmap_invec(psa_handle_t msg_handle, uint32_t invec_idx);
void *rp_api_map_outvec(psa_handle_t msg_handle, uint32_t outvec_idx);
void rp_api_unmap_outvec(psa_handle_t msg_handle, uint32_t outvec_idx, size_t len);
uint32_t rp_api_rot_lifecycle_state(void);
psa_status_t rp_api_system_reset(void);
uint32_t rp_api_client_alive(uint32_t client);
psa_status_t rp_api_image_confirm(uint32_t confirm);

#endif
