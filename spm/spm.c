/* spm.c - the partition manager's client side, common to both backends: a call is
 * validated completely (handle, rights, vectors) before it changes any state, then the
 * message goes to its service: an SFN service function runs on the caller's thread, an
 * IPC partition gets it queued and the caller blocks until psa_reply (backend_ipc.c).
 * The path of a call is in docs/spm.md.
 *
 * State (all static, sized at build time):
 *   conns[]          connection handles (rp_conn_t pool from spm/core)
 *   rp_spm           the hot state: running partition, panicked partitions, the
 *                    messages being delivered (each lives in its sender's frame: see
 *                    msg_slot_t in spm_internal.h)
 */
#include <arm_cmse.h>
#include <string.h>

#include "rp_platform.h"
#include "spm_internal.h"

#ifndef RP_CONN_SLOTS
#define RP_CONN_SLOTS 16
#endif

/* Parts of the call path, inlined into each entry point (the NS and the secure copy). */
#define HOT static inline __attribute__((always_inline))

static rp_conn_t conns[RP_CONN_SLOTS];
/* A stateless call's connection: rhandle NULL; its busy flag is written like a real
 * connection's and never read. With it the call path has no "is there a connection"
 * branches (psa_set_rhandle tells stateless services by their flags). */
static rp_conn_t no_conn;
rp_spm_state_t rp_spm = { .running = -1, .ns_client = -1 };
const msg_slot_t rp_spm_gone; /* handle 0: see spm_internal.h */

/* ---- who is running, and the one place faults are converted ------------------------- */

int32_t rp_spm_current_partition_id(void)
{
    int p = rp_backend_running();
    return p < 0 ? 0 : rp_partitions[p].id;
}

/* Marks the running partition panicked and stops it (does not return). */
__attribute__((noreturn)) void rp_spm_panic_running(void)
{
    int p = rp_backend_running();
    if (p < 0) {
        rp_platform_exit(RP_EXIT_FAULT); /* the SPM or NS agent itself: cannot happen */
    }
    rp_spm.panicked |= 1u << p;
    rp_backend_panic(p);
}

/* A programmer error of the caller: a secure partition is panicked, an NS caller gets
 * PSA_ERROR_PROGRAMMER_ERROR (the NS agent's documented behaviour). */
HOT psa_status_t caller_fault(const rp_caller_t *caller)
{
    if (!caller->ns) {
        rp_spm_panic_running();
    }
    return PSA_ERROR_PROGRAMMER_ERROR;
}

/* ---- access checks (TT instruction) ------------------------------------------------- */

/* The caller's TT view, computed once per call: CMSE_NONSECURE for NS, plus
 * CMSE_MPU_UNPRIV for an unprivileged NS thread (it gets its own MPU view) or an
 * unprivileged partition. */
HOT int caller_tt_flags(const rp_caller_t *caller)
{
    uint32_t control_ns;
    if (!caller->ns) {
        return rp_backend_caller_unprivileged() ? CMSE_MPU_UNPRIV : 0;
    }
    __asm volatile("mrs %0, control_ns" : "=r"(control_ns));
    return CMSE_NONSECURE | ((control_ns & 1u) ? CMSE_MPU_UNPRIV : 0);
}

/* ---- messages ----------------------------------------------------------------------- */

/* Fills in m for a call to svc but for the vectors (conn: the connection, or &no_conn).
 * No memset: this is on the path of every call. */
HOT void msg_init(msg_slot_t *m, const rp_caller_t *caller,
                            const rp_service_t *svc, int32_t type, rp_conn_t *conn)
{
    m->msg.type = type;
    m->msg.client_id = caller->client_id;
    m->msg.rhandle = conn->rhandle;
    /* spelled out: a loop here becomes a memset call, several times slower */
    m->msg.in_size[0] = m->msg.in_size[1] = m->msg.in_size[2] = m->msg.in_size[3] = 0;
    m->msg.out_size[0] = m->msg.out_size[1] = m->msg.out_size[2] = m->msg.out_size[3] = 0;
    m->in_len = m->out_len = m->in_mapped = m->out_mapped = 0;
    m->in_closed = m->out_closed = type < PSA_IPC_CALL ? 0x0Fu : 0u;
    m->partition = svc->partition;
    m->svc = svc;
    m->conn = conn;
}

/* Gives m its handle for live index idx: a fresh generation makes every earlier handle
 * of idx stale. An SFN message is live at once; an IPC message becomes live when the
 * server takes it with psa_get (backend_ipc.c). */
HOT void msg_post(msg_slot_t *m, unsigned idx)
{
    uint32_t gen = rp_spm.gen + 0x10000u; /* the generation's 16 bits, kept as 31..16 */
    rp_spm.gen = gen;
    m->handle = (psa_handle_t)(RP_MSG_HANDLE | (gen >> 8) | idx);
    m->msg.handle = m->handle;
}

/* ---- vectors ------------------------------------------------------------------------ */

/* One non-empty vector of the caller: rp_iovec_form's rules (not NULL, no wrap) and the
 * TT access check for the caller's view. rp_tt_range_ok refuses every range that reaches
 * the top of the address space, which includes each one rp_iovec_form calls RP_IOVEC_WRAP,
 * so only the NULL rule is added here (the rules' host tests and fuzzer: spm/core).
 * in: len != 0. */
HOT int vector_ok(const void *base, size_t len, int flags)
{
    return base != NULL && rp_tt_range_ok(base, len, flags);
}

/* An unprivileged partition's call runs on its own stack (the SVC path, backend_ipc.c):
 * the SPM's frames of the call lie below the stack pointer it called with. A vector or a
 * vector array there would let the SPM overwrite its own frames (the out_vec lengths it
 * writes back, a server's psa_write), so it is refused. Compiles away for every other
 * view (flags: the caller's view, without the access bits). in: n > 0. */
HOT int clear_of_frames(int flags, const void *p, size_t n)
{
#if RP_ISOLATION > 1
    if (flags == CMSE_MPU_UNPRIV) {
        return rp_backend_stack_buffer(p, n) != RP_STACK_BELOW;
    }
#else
    (void)flags, (void)p, (void)n;
#endif
    return 1;
}

/* Copies the caller's vectors into m and checks them (rules: rp_spm_core.h), in one
 * pass: each array must be aligned as its type and readable by the caller (out_vec's
 * writable too: the written lengths go back there), each vector non-NULL unless empty, not wrapping, accessible
 * (in: read, out: read-write) as TT says for the caller's view, out_vecs disjoint.
 * Each field of the caller's arrays is read once (the caller may change them).
 * flags: the caller's TT view (caller_tt_flags). out: 1 if all is well, else 0. */
HOT int take_vectors_as(msg_slot_t *m, int flags, const psa_invec *in_vec, size_t in_len,
                psa_outvec *out_vec, size_t out_len)
{
    if (in_len + out_len > PSA_MAX_IOVEC) { /* each count <= 0xFF: no overflow */
        return 0;
    }
    if (in_len != 0) {
        if (!rp_iovec_array_aligned(in_vec) ||
            !rp_tt_range_ok(in_vec, in_len * sizeof *in_vec, flags | CMSE_MPU_READ) ||
            !clear_of_frames(flags, in_vec, in_len * sizeof *in_vec)) {
            return 0;
        }
        for (size_t i = 0; i < in_len; i++) {
            m->in[i] = in_vec[i];
            const void *base = m->in[i].base;
            size_t len = m->in[i].len;
            m->msg.in_size[i] = len;
            if (len != 0 && (!vector_ok(base, len, flags | CMSE_MPU_READ) ||
                             !clear_of_frames(flags, base, len))) {
                return 0;
            }
        }
    }
    if (out_len != 0) {
        if (!rp_iovec_array_aligned(out_vec) ||
            !rp_tt_range_ok(out_vec, out_len * sizeof *out_vec,
                            flags | CMSE_MPU_READWRITE) ||
            !clear_of_frames(flags, out_vec, out_len * sizeof *out_vec)) {
            return 0;
        }
        for (size_t i = 0; i < out_len; i++) {
            m->out[i] = out_vec[i];
            void *base = m->out[i].base;
            size_t len = m->out[i].len;
            m->msg.out_size[i] = len;
            if (len != 0 && (!vector_ok(base, len, flags | CMSE_MPU_READWRITE) ||
                             !clear_of_frames(flags, base, len))) {
                return 0;
            }
        }
        if (out_len > 1 && rp_iovec_outvecs_overlap(m->out, out_len)) {
            return 0;
        }
    }
    m->in_len = (uint8_t)in_len;
    m->out_len = (uint8_t)out_len;
    return 1;
}

/* take_vectors_as for the caller: a privileged NS caller (the usual one) gets a copy in
 * which the TT variant is a constant, every other view the general one. */
HOT int take_vectors(const rp_caller_t *caller, msg_slot_t *m, const psa_invec *in_vec,
                        size_t in_len, psa_outvec *out_vec, size_t out_len)
{
    if ((in_len | out_len) == 0) {
        return 1;
    }
    int flags = caller_tt_flags(caller);
    if (flags == CMSE_NONSECURE) {
        return take_vectors_as(m, CMSE_NONSECURE, in_vec, in_len, out_vec, out_len);
    }
    return take_vectors_as(m, flags, in_vec, in_len, out_vec, out_len);
}

/* ---- running a service -------------------------------------------------------------- */

/* The panic landing of SFN code: calls fn(arg) after pushing the callee-saved registers
 * and storing the stack pointer in *landing; rp_spm_unwind(landing) pops them from there
 * and returns from this call with PSA_ERROR_SERVICE_FAILURE. A handful of instructions,
 * where __builtin_setjmp made the caller keep its state in memory around the call.
 * r3 is pushed too, to keep the stack 8-byte aligned for fn. */
#define UNUSED __attribute__((unused)) /* naked: the asm uses the registers */
typedef char service_failure_is_minus_144[PSA_ERROR_SERVICE_FAILURE == -144 ? 1 : -1];

__attribute__((naked, noinline)) static psa_status_t
sfn_invoke(rp_sfn_fn fn UNUSED, const psa_msg_t *arg UNUSED, void **landing UNUSED)
{
    __asm volatile(
        "push {r3-r11, lr}\n\t"
        "mov r12, sp\n\t"
        "str r12, [r2]\n\t"
        "mov r12, r0\n\t"
        "mov r0, r1\n\t"
        "blx r12\n\t"
        "pop {r3-r11, pc}\n\t");
}

__attribute__((naked, noreturn)) static void unwind(void **landing UNUSED)
{
    __asm volatile(
        "ldr r1, [r0]\n\t"
        "mov sp, r1\n\t"
        "mvn r0, #143\n\t" /* PSA_ERROR_SERVICE_FAILURE */
        "pop {r3-r11, pc}\n\t");
}

void rp_spm_unwind_sfn(int part)
{
    msg_slot_t *m = rp_spm.live[part];
#if RP_BACKEND_SFN
    if (m->landing == NULL) {
        rp_agent_quick_unwind(m); /* the NS agent's quick path sent it */
    }
#endif
    unwind(&m->landing);
}

/* After an SFN call of partition p: free again, or busy for good if it panicked. */
HOT void sfn_done(unsigned p)
{
    rp_spm.live[p] = ((rp_spm.panicked >> p) & 1u) ? (msg_slot_t *)&rp_spm_gone : NULL;
}

/* Runs the SFN service function for message m on the current thread, with m's partition
 * as the running one; a panic inside returns PSA_ERROR_SERVICE_FAILURE. An SFN message
 * needs no state or client: it is served on its client's own thread and is live exactly
 * while its service function runs. */
HOT psa_status_t run_sfn(msg_slot_t *m)
{
    unsigned p = m->partition;
    int prev = rp_backend_enter_sfn((int)p);

    msg_post(m, p);
    rp_spm.live[p] = m; /* the partition is busy; its panic lands in m */
    psa_status_t status = sfn_invoke(m->svc->sfn, &m->msg, &m->landing);
    sfn_done(p);
    rp_backend_leave_sfn(prev);
    return status;
}

/* Queues m for its IPC service and blocks until the reply. */
HOT psa_status_t deliver_ipc(msg_slot_t *m)
{
    uint8_t t = rp_backend_thread();
    msg_post(m, RP_LIVE_CLIENT(t));
    m->client = t;
    return rp_backend_deliver_ipc(m);
}

/* Sends m to its service and returns the reply; m is unreachable again after. */
HOT psa_status_t deliver(msg_slot_t *m)
{
    if (m->svc->sfn != NULL) {
        return run_sfn(m);
    }
    return deliver_ipc(m);
}

/* PSA_SUCCESS if svc's partition can take a message now, else the status to return. */
HOT psa_status_t server_state(const rp_service_t *svc, psa_status_t if_dead)
{
    if (rp_spm.panicked & (1u << svc->partition)) {
        return if_dead;
    }
    /* An SFN partition runs one call at a time (its code is not re-entrant): a second
     * caller, or a call back into it, is told to retry. */
    return (svc->sfn != NULL && rp_spm.live[svc->partition] != NULL)
               ? PSA_ERROR_CONNECTION_BUSY
               : PSA_SUCCESS;
}

/* ---- client API --------------------------------------------------------------------- */

static const rp_service_t *find_service(uint32_t sid)
{
    return rp_service_find(rp_services, rp_services_by_sid, rp_service_count, sid);
}

uint32_t rp_spm_version(const rp_caller_t *caller, uint32_t sid)
{
    return rp_service_version(find_service(sid), caller->client_id);
}

/* A secure partition may use only the services its manifest lists as dependencies. */
HOT psa_status_t secure_dependency(const rp_caller_t *caller, uint32_t sid)
{
    if (caller->ns) {
        return PSA_SUCCESS;
    }
    int p = rp_backend_running();
    return p < 0 ? PSA_SUCCESS : rp_dependency_check(&rp_partitions[p], rp_dependencies, sid);
}

/* The NS agent's calls name their client here (rp_spm_ns_*; FF-M: NS clients are
 * negative, -1 by default: rp_spm.ns_client). */
void rp_spm_set_ns_client(int32_t client_id)
{
    rp_spm.ns_client = client_id;
}

/* The body of rp_spm_connect and rp_spm_ns_connect: inlined into each, so that the NS
 * agent's copy knows its caller is NS at compile time. */
HOT psa_handle_t connect_as(const rp_caller_t *caller, uint32_t sid, uint32_t version)
{
    const rp_service_t *svc = find_service(sid);

    if (rp_service_access_check(svc, caller->client_id, version) != PSA_SUCCESS ||
        !(svc->flags & RP_SVC_CONNECTION_BASED) ||
        secure_dependency(caller, sid) != PSA_SUCCESS) {
        return caller_fault(caller);
    }
    psa_status_t state = server_state(svc, PSA_ERROR_CONNECTION_REFUSED);
    if (state != PSA_SUCCESS) {
        return state;
    }
    psa_handle_t h = rp_conn_alloc(conns, RP_CONN_SLOTS, (uint16_t)(svc - rp_services),
                                   caller->client_id);
    if (h == PSA_NULL_HANDLE) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    /* the slot just taken is the handle's low byte (rp_spm_core.h): no look-up needed */
    rp_conn_t *conn = &conns[((uint32_t)h & 0xFFu) - 1u];
    msg_slot_t m;
    msg_init(&m, caller, svc, PSA_IPC_CONNECT, conn);
    conn->busy = 1;
    psa_status_t status = deliver(&m);
    conn->busy = 0;
    if (status == PSA_SUCCESS) {
        return h;
    }
    rp_conn_release(conn);
    if (status == PSA_ERROR_CONNECTION_REFUSED || status == PSA_ERROR_CONNECTION_BUSY) {
        return status;
    }
    return PSA_ERROR_CONNECTION_REFUSED; /* the service failed or answered out of spec */
}

psa_handle_t rp_spm_connect(const rp_caller_t *caller, uint32_t sid, uint32_t version)
{
    return connect_as(caller, sid, version);
}

psa_handle_t rp_spm_ns_connect(uint32_t sid, uint32_t version)
{
    const rp_caller_t c = { rp_spm.ns_client, 1 };
    return connect_as(&c, sid, version);
}

HOT void close_as(const rp_caller_t *caller, psa_handle_t handle)
{
    if (handle == PSA_NULL_HANDLE) {
        return;
    }
    rp_conn_t *conn = rp_conn_lookup(conns, RP_CONN_SLOTS, handle, caller->client_id);
    if (conn == NULL || conn->busy) {
        (void)caller_fault(caller);
        return;
    }
    const rp_service_t *svc = &rp_services[conn->service];
    /* a service that is gone or busy is not told: the connection just ends */
    if (server_state(svc, PSA_ERROR_SERVICE_FAILURE) == PSA_SUCCESS) {
        msg_slot_t m;
        msg_init(&m, caller, svc, PSA_IPC_DISCONNECT, conn);
        conn->busy = 1;
        (void)deliver(&m);
    }
    rp_conn_release(conn);
}

void rp_spm_close(const rp_caller_t *caller, psa_handle_t handle)
{
    close_as(caller, handle);
}

void rp_spm_ns_close(psa_handle_t handle)
{
    const rp_caller_t c = { rp_spm.ns_client, 1 };
    close_as(&c, handle);
}

/* Resolves a call's handle to its service (and connection), checking the caller's right
 * to use it. out: PSA_SUCCESS or PSA_ERROR_PROGRAMMER_ERROR. */
HOT psa_status_t resolve_handle(const rp_caller_t *caller, psa_handle_t handle,
                                   const rp_service_t **svc, rp_conn_t **conn)
{
    if (rp_handle_is_stateless(handle)) {
        *conn = &no_conn;
        if (rp_stateless_lookup(handle, rp_stateless_services, caller->client_id, svc) !=
            PSA_SUCCESS) {
            return PSA_ERROR_PROGRAMMER_ERROR;
        }
        return secure_dependency(caller, (*svc)->sid);
    }
    *conn = rp_conn_lookup(conns, RP_CONN_SLOTS, handle, caller->client_id);
    if (*conn == NULL || (*conn)->busy) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    *svc = &rp_services[(*conn)->service];
    return PSA_SUCCESS;
}

/* The body of rp_spm_call and rp_spm_ns_call (see connect_as). */
HOT psa_status_t call_as(const rp_caller_t *caller, psa_handle_t handle, uint32_t packed,
        const psa_invec *in_vec, psa_outvec *out_vec)
{
    int32_t type = (int32_t)(packed >> 16); /* 0..0xFFFF here */
    size_t in_len = (packed >> 8) & 0xFFu, out_len = packed & 0xFFu;
    const rp_service_t *svc;
    rp_conn_t *conn;
    msg_slot_t m;

    /* type occupies bits 31..16: a set bit 31 is a type above INT16_MAX (the packing
     * cannot express a negative type); rp_call_type_check states the rule. */
    if ((int32_t)packed < 0 || resolve_handle(caller, handle, &svc, &conn) != PSA_SUCCESS) {
        return caller_fault(caller);
    }
    psa_status_t state = server_state(svc, PSA_ERROR_SERVICE_FAILURE);
    if (state != PSA_SUCCESS) {
        return state;
    }
    msg_init(&m, caller, svc, type, conn);
    if (!take_vectors(caller, &m, in_vec, in_len, out_vec, out_len)) {
        return caller_fault(caller);
    }
    /* validated: from here on the call changes state */
    conn->busy = 1;
    psa_status_t status = deliver(&m);
    conn->busy = 0;
    for (size_t i = 0; i < out_len; i++) {
        out_vec[i].len = m.msg.out_size[i] - m.out[i].len; /* written */
    }
    return status;
}

psa_status_t rp_spm_call(const rp_caller_t *caller, psa_handle_t handle, uint32_t packed,
                         const psa_invec *in_vec, psa_outvec *out_vec)
{
    return call_as(caller, handle, packed, in_vec, out_vec);
}

psa_status_t rp_spm_deliver_sfn(msg_slot_t *m)
{
    return run_sfn(m);
}

psa_status_t rp_spm_deliver_ipc(msg_slot_t *m)
{
    return deliver_ipc(m);
}

psa_status_t rp_spm_ns_call(psa_handle_t handle, uint32_t packed, const psa_invec *in_vec,
                            psa_outvec *out_vec)
{
    const rp_caller_t c = { rp_spm.ns_client, 1 };
    return call_as(&c, handle, packed, in_vec, out_vec);
}

uint32_t rp_spm_ns_version(uint32_t sid)
{
    const rp_caller_t c = { rp_spm.ns_client, 1 };
    return rp_spm_version(&c, sid);
}

void rp_spm_start(void (*then)(void))
{
    rp_backend_start(then);
}

/* ---- start-up ----------------------------------------------------------------------- */

/* Runs each SFN partition's init function (IPC partitions initialise in their threads).
 * out: 0, or -1 if one failed or panicked (it stays panicked: its services refuse). */
int rp_spm_init(void)
{
    int failed = 0;

    rp_conn_pool_init(conns, RP_CONN_SLOTS);
    rp_agent_init();
    if (rp_partition_count > RP_PART_MAX) {
        return -1;
    }
    for (uint16_t p = 0; p < rp_partition_count; p++) {
        if (rp_partitions[p].init == NULL) {
            continue;
        }
        /* a message with no handle (0 matches none) holds the panic landing */
        msg_slot_t boot = { .handle = PSA_NULL_HANDLE };
        int prev = rp_backend_enter_sfn(p);
        rp_spm.live[p] = &boot;
        /* init takes no argument: the one sfn_invoke passes is ignored (AAPCS) */
        if (sfn_invoke((rp_sfn_fn)(uintptr_t)rp_partitions[p].init, NULL, &boot.landing) !=
            PSA_SUCCESS) {
            rp_spm.panicked |= 1u << p;
        }
        sfn_done(p);
        rp_backend_leave_sfn(prev);
        failed |= (int)((rp_spm.panicked >> p) & 1u);
    }
    return failed ? -1 : 0;
}
