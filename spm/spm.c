/* spm.c - the partition manager, SFN backend: a client call runs the service function on
 * the caller's own path (no threads), nested calls stack up, and a panicking partition is
 * unwound to the call that entered it. The path of a call is in docs/spm.md.
 *
 * State (all static, sized at build time):
 *   conns[]   connection handles (rp_conn_t pool from spm/core)
 *   msgs[]    the stack of messages being served, one per nesting level
 *   signals[] each partition's asserted signals (doorbell, IRQs)
 *   panicked  one bit per partition that has called psa_panic or made a programmer error
 */
#include <arm_cmse.h>
#include <string.h>

#include "psa/lifecycle.h"
#include "rp_platform.h"
#include "rp_spm.h"
#include "rp_spm_tables.h"

#ifndef RP_CONN_SLOTS
#define RP_CONN_SLOTS 16
#endif
#define RP_MSG_DEPTH    8
#define RP_MSG_HANDLE   0x20000000 /* message handle = RP_MSG_HANDLE | (level + 1) */
#define RP_PART_MAX     32

typedef struct msg_slot {
    psa_msg_t msg;                     /* what the service sees */
    psa_invec in[PSA_MAX_IOVEC];       /* validated copies of the caller's vectors */
    psa_outvec out[PSA_MAX_IOVEC];
    size_t in_done[PSA_MAX_IOVEC];     /* bytes read or skipped */
    size_t out_done[PSA_MAX_IOVEC];    /* bytes written */
    uint8_t in_len, out_len;           /* vectors in use; the rest read as empty */
    uint8_t in_mapped, out_mapped;     /* mm-iovec: one bit per vector */
    uint16_t partition;                /* index of the serving partition */
    rp_conn_t *conn;                   /* NULL for a stateless service */
    void *unwind[5];                   /* __builtin_setjmp buffer: where a panic returns */
} msg_slot_t;

static rp_conn_t conns[RP_CONN_SLOTS];
static msg_slot_t msgs[RP_MSG_DEPTH];
static unsigned depth;                 /* messages being served */
static psa_signal_t signals[RP_PART_MAX];
static uint32_t panicked;
static int16_t init_part = -1;         /* partition whose init function is running */
static void *init_unwind[5];

/* ---- who is running ------------------------------------------------------------------ */

/* Index of the partition whose code runs now, or -1 (NS agent / SPM). */
static int running_partition(void)
{
    if (init_part >= 0) {
        return init_part;
    }
    return depth > 0 ? msgs[depth - 1].partition : -1;
}

int32_t rp_spm_current_partition_id(void)
{
    int p = running_partition();
    return p < 0 ? 0 : rp_partitions[p].id;
}

/* The one place where a partition's fault becomes its consequence: mark it panicked and
 * unwind to the SPM frame that entered it. Does not return. */
__attribute__((noreturn)) static void panic_running(void)
{
    int p = running_partition();
    if (p < 0) {
        rp_platform_exit(RP_EXIT_FAULT); /* the SPM itself: cannot happen by design */
    }
    panicked |= 1u << p;
    if (init_part >= 0) {
        __builtin_longjmp(init_unwind, 1);
    }
    __builtin_longjmp(msgs[depth - 1].unwind, 1);
}

/* A programmer error of the caller: a secure partition is panicked, an NS caller gets
 * PSA_ERROR_PROGRAMMER_ERROR (the NS agent's documented behaviour). */
static psa_status_t caller_fault(const rp_caller_t *caller)
{
    if (!caller->ns) {
        panic_running();
    }
    return PSA_ERROR_PROGRAMMER_ERROR;
}

/* ---- access checks (TT instruction) ------------------------------------------------- */

/* The TT-instruction check of one range for one caller. ctx carries the caller's base
 * flags (computed once per call): CMSE_NONSECURE for NS, plus CMSE_MPU_UNPRIV for an
 * unprivileged NS thread, which gets its own MPU view. */
static int tt_access(void *ctx, const void *p, size_t len, int write)
{
    int flags = *(const int *)ctx | (write ? CMSE_MPU_READWRITE : CMSE_MPU_READ);
    return cmse_check_address_range((void *)(uintptr_t)p, len, flags) != NULL;
}

static int caller_tt_flags(const rp_caller_t *caller)
{
    uint32_t control_ns;
    if (!caller->ns) {
        return 0;
    }
    __asm volatile("mrs %0, control_ns" : "=r"(control_ns));
    return CMSE_NONSECURE | ((control_ns & 1u) ? CMSE_MPU_UNPRIV : 0);
}

/* ---- dispatch ----------------------------------------------------------------------- */

static int partition_active(uint16_t p)
{
    for (unsigned i = 0; i < depth; i++) {
        if (msgs[i].partition == p) {
            return 1;
        }
    }
    return 0;
}

/* Pushes a message for `svc` without vectors; take_vectors() adds them for a request.
 * Every field a service or the service API can read is written here (no memset: this
 * is the hot path of every call). */
static inline __attribute__((always_inline)) msg_slot_t *
push_msg(const rp_caller_t *caller, const rp_service_t *svc,
                            int32_t type, rp_conn_t *conn)
{
    msg_slot_t *m = &msgs[depth];
    m->msg.type = type;
    m->msg.handle = RP_MSG_HANDLE | (psa_handle_t)(depth + 1);
    m->msg.client_id = caller->client_id;
    m->msg.rhandle = conn ? conn->rhandle : NULL;
    m->in_len = 0;
    m->out_len = 0;
    m->in_mapped = 0;
    m->out_mapped = 0;
    m->partition = svc->partition;
    m->conn = conn;
    /* spelled out: a loop here becomes a memset call, several times slower */
    m->msg.in_size[0] = m->msg.in_size[1] = m->msg.in_size[2] = m->msg.in_size[3] = 0;
    m->msg.out_size[0] = m->msg.out_size[1] = m->msg.out_size[2] = m->msg.out_size[3] = 0;
    return m;
}

/* Runs svc's function for the message on top of the stack. A panic inside it returns
 * here with PSA_ERROR_SERVICE_FAILURE. */
__attribute__((noinline)) static psa_status_t run_service(const rp_service_t *svc)
{
    msg_slot_t *m = &msgs[depth - 1];
    psa_status_t status;

    if (__builtin_setjmp(m->unwind) == 0) {
        status = svc->sfn(&m->msg);
    } else {
        status = PSA_ERROR_SERVICE_FAILURE;
    }
    return status;
}

static psa_status_t dispatch(const rp_service_t *svc)
{
    depth++;
    psa_status_t status = run_service(svc);
    depth--;
    return status;
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

/* Checks common to connect and stateless call from a secure partition. */
static psa_status_t secure_dependency(const rp_caller_t *caller, uint32_t sid)
{
    if (caller->ns) {
        return PSA_SUCCESS;
    }
    int p = running_partition();
    return p < 0 ? PSA_SUCCESS : rp_dependency_check(&rp_partitions[p], rp_dependencies, sid);
}

psa_handle_t rp_spm_connect(const rp_caller_t *caller, uint32_t sid, uint32_t version)
{
    const rp_service_t *svc = find_service(sid);

    if (rp_service_access_check(svc, caller->client_id, version) != PSA_SUCCESS ||
        !(svc->flags & RP_SVC_CONNECTION_BASED) ||
        secure_dependency(caller, sid) != PSA_SUCCESS) {
        return caller_fault(caller);
    }
    if (panicked & (1u << svc->partition)) {
        return PSA_ERROR_CONNECTION_REFUSED;
    }
    if (depth >= RP_MSG_DEPTH || partition_active(svc->partition)) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    psa_handle_t h = rp_conn_alloc(conns, RP_CONN_SLOTS, (uint16_t)(svc - rp_services),
                                   caller->client_id);
    if (h == PSA_NULL_HANDLE) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    rp_conn_t *conn = rp_conn_lookup(conns, RP_CONN_SLOTS, h, caller->client_id);
    push_msg(caller, svc, PSA_IPC_CONNECT, conn);
    psa_status_t status = dispatch(svc);
    if (status == PSA_SUCCESS) {
        return h;
    }
    rp_conn_release(conn);
    if (status == PSA_ERROR_CONNECTION_REFUSED || status == PSA_ERROR_CONNECTION_BUSY) {
        return status;
    }
    return PSA_ERROR_CONNECTION_REFUSED; /* the service failed or answered out of spec */
}

void rp_spm_close(const rp_caller_t *caller, psa_handle_t handle)
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
    if (!(panicked & (1u << svc->partition)) && depth < RP_MSG_DEPTH &&
        !partition_active(svc->partition)) {
        push_msg(caller, svc, PSA_IPC_DISCONNECT, conn);
        (void)dispatch(svc);
    }
    rp_conn_release(conn);
}

/* Resolves a call's handle to its service (and connection), checking the caller's right
 * to use it. out: PSA_SUCCESS or PSA_ERROR_PROGRAMMER_ERROR. */
static psa_status_t resolve_handle(const rp_caller_t *caller, psa_handle_t handle,
                                   const rp_service_t **svc, rp_conn_t **conn)
{
    if (rp_handle_is_stateless(handle)) {
        *conn = NULL;
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

/* Copies the caller's vector arrays into m (after checking the caller may read them and,
 * for out_vec, write the lengths back) and validates every vector. */
static psa_status_t take_vectors(const rp_caller_t *caller, msg_slot_t *m,
                                 const psa_invec *in_vec, size_t in_len,
                                 psa_outvec *out_vec, size_t out_len)
{
    if ((in_len | out_len) == 0) {
        return PSA_SUCCESS;
    }
    int flags = caller_tt_flags(caller);
    if (in_len + out_len > PSA_MAX_IOVEC ||
        (in_len && !tt_access(&flags, in_vec, in_len * sizeof *in_vec, 0)) ||
        (out_len && !tt_access(&flags, out_vec, out_len * sizeof *out_vec, 1))) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    for (size_t i = 0; i < in_len; i++) {
        m->in[i] = in_vec[i]; /* each field read once: the caller may change them */
        m->msg.in_size[i] = m->in[i].len;
        m->in_done[i] = 0;
    }
    for (size_t i = 0; i < out_len; i++) {
        m->out[i] = out_vec[i];
        m->msg.out_size[i] = m->out[i].len;
        m->out_done[i] = 0;
    }
    if (rp_iovec_check(m->in, in_len, m->out, out_len, tt_access, &flags) != RP_IOVEC_OK) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    m->in_len = (uint8_t)in_len;
    m->out_len = (uint8_t)out_len;
    return PSA_SUCCESS;
}

psa_status_t rp_spm_call(const rp_caller_t *caller, psa_handle_t handle, uint32_t packed,
                         const psa_invec *in_vec, psa_outvec *out_vec)
{
    int32_t type = (int32_t)(packed >> 16); /* 0..0xFFFF here */
    size_t in_len = (packed >> 8) & 0xFFu, out_len = packed & 0xFFu;
    const rp_service_t *svc;
    rp_conn_t *conn;

    /* type occupies bits 31..16: a set bit 31 is a type above INT16_MAX (the packing
     * cannot express a negative type); rp_call_type_check states the rule. */
    if ((int32_t)packed < 0 || resolve_handle(caller, handle, &svc, &conn) != PSA_SUCCESS) {
        return caller_fault(caller);
    }
    if (panicked & (1u << svc->partition)) {
        return PSA_ERROR_SERVICE_FAILURE;
    }
    if (depth >= RP_MSG_DEPTH || partition_active(svc->partition)) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    msg_slot_t *m = push_msg(caller, svc, type, conn);
    if (take_vectors(caller, m, in_vec, in_len, out_vec, out_len) != PSA_SUCCESS) {
        return caller_fault(caller);
    }
    if (conn) {
        conn->busy = 1;
    }
    psa_status_t status = dispatch(svc);
    if (conn) {
        conn->busy = 0;
    }
    for (size_t i = 0; i < out_len; i++) {
        out_vec[i].len = m->out_done[i];
    }
    return status;
}

/* ---- start-up ----------------------------------------------------------------------- */

int rp_spm_init(void)
{
    int failed = 0;

    rp_conn_pool_init(conns, RP_CONN_SLOTS);
    for (uint16_t p = 0; p < rp_partition_count && p < RP_PART_MAX; p++) {
        if (rp_partitions[p].init == NULL) {
            continue;
        }
        init_part = (int16_t)p;
        if (__builtin_setjmp(init_unwind) == 0) {
            if (rp_partitions[p].init() != PSA_SUCCESS) {
                panicked |= 1u << p;
            }
        }
        init_part = -1;
        failed |= (panicked >> p) & 1u;
    }
    return rp_partition_count > RP_PART_MAX || failed ? -1 : 0;
}

/* ---- service API (FF-M 1.1, SFN model) ----------------------------------------------- */

/* The message `h` of the running partition; panics it on a bad handle. */
static msg_slot_t *own_msg(psa_handle_t h)
{
    uint32_t level = (uint32_t)h - RP_MSG_HANDLE;
    if (level == 0 || level != depth || init_part >= 0) {
        panic_running();
    }
    return &msgs[level - 1];
}

/* The message `h` if it is a request (type >= PSA_IPC_CALL) and idx names a vector. */
static msg_slot_t *own_request(psa_handle_t h, uint32_t idx)
{
    msg_slot_t *m = own_msg(h);
    if (m->msg.type < PSA_IPC_CALL || idx >= PSA_MAX_IOVEC) {
        panic_running();
    }
    return m;
}

/* Bytes of in_vec idx not yet read or skipped (0 for a vector the caller did not pass). */
static size_t in_left(const msg_slot_t *m, uint32_t idx)
{
    return idx < m->in_len ? m->in[idx].len - m->in_done[idx] : 0;
}

/* Bytes of out_vec idx not yet written (0 for a vector the caller did not pass). */
static size_t out_left(const msg_slot_t *m, uint32_t idx)
{
    return idx < m->out_len ? m->out[idx].len - m->out_done[idx] : 0;
}

size_t psa_read(psa_handle_t msg_handle, uint32_t invec_idx, void *buffer, size_t num_bytes)
{
    msg_slot_t *m = own_request(msg_handle, invec_idx);
    if (m->in_mapped & (1u << invec_idx)) {
        panic_running();
    }
    size_t left = in_left(m, invec_idx);
    size_t n = num_bytes < left ? num_bytes : left;
    if (n > 0) {
        memcpy(buffer, (const uint8_t *)m->in[invec_idx].base + m->in_done[invec_idx], n);
        m->in_done[invec_idx] += n;
    }
    return n;
}

size_t psa_skip(psa_handle_t msg_handle, uint32_t invec_idx, size_t num_bytes)
{
    msg_slot_t *m = own_request(msg_handle, invec_idx);
    if (m->in_mapped & (1u << invec_idx)) {
        panic_running();
    }
    size_t left = in_left(m, invec_idx);
    size_t n = num_bytes < left ? num_bytes : left;
    if (n > 0) {
        m->in_done[invec_idx] += n;
    }
    return n;
}

void psa_write(psa_handle_t msg_handle, uint32_t outvec_idx, const void *buffer,
               size_t num_bytes)
{
    msg_slot_t *m = own_request(msg_handle, outvec_idx);
    if ((m->out_mapped & (1u << outvec_idx)) ||
        num_bytes > out_left(m, outvec_idx)) {
        panic_running();
    }
    if (num_bytes > 0) {
        memcpy((uint8_t *)m->out[outvec_idx].base + m->out_done[outvec_idx], buffer,
               num_bytes);
        m->out_done[outvec_idx] += num_bytes;
    }
}

void psa_set_rhandle(psa_handle_t msg_handle, void *rhandle)
{
    msg_slot_t *m = own_msg(msg_handle);
    if (m->conn == NULL) {
        panic_running();
    }
    m->conn->rhandle = rhandle;
    m->msg.rhandle = rhandle;
}

const void *psa_map_invec(psa_handle_t msg_handle, uint32_t invec_idx)
{
    msg_slot_t *m = own_request(msg_handle, invec_idx);
    if ((m->in_mapped & (1u << invec_idx)) ||
        (invec_idx < m->in_len && m->in_done[invec_idx] != 0)) {
        panic_running();
    }
    if (in_left(m, invec_idx) == 0) {
        return NULL;
    }
    m->in_mapped |= (uint8_t)(1u << invec_idx);
    return m->in[invec_idx].base;
}

void psa_unmap_invec(psa_handle_t msg_handle, uint32_t invec_idx)
{
    msg_slot_t *m = own_request(msg_handle, invec_idx);
    if (!(m->in_mapped & (1u << invec_idx))) {
        panic_running();
    }
    m->in_done[invec_idx] = m->in[invec_idx].len; /* FF-M: the vector counts as read */
}

void *psa_map_outvec(psa_handle_t msg_handle, uint32_t outvec_idx)
{
    msg_slot_t *m = own_request(msg_handle, outvec_idx);
    if ((m->out_mapped & (1u << outvec_idx)) ||
        (outvec_idx < m->out_len && m->out_done[outvec_idx] != 0)) {
        panic_running();
    }
    if (out_left(m, outvec_idx) == 0) {
        return NULL;
    }
    m->out_mapped |= (uint8_t)(1u << outvec_idx);
    return m->out[outvec_idx].base;
}

void psa_unmap_outvec(psa_handle_t msg_handle, uint32_t outvec_idx, size_t len)
{
    msg_slot_t *m = own_request(msg_handle, outvec_idx);
    if (!(m->out_mapped & (1u << outvec_idx)) || len > m->out[outvec_idx].len) {
        panic_running();
    }
    m->out_done[outvec_idx] = len;
}

void psa_reply(psa_handle_t msg_handle, psa_status_t status)
{
    (void)msg_handle;
    (void)status;
    panic_running(); /* FF-M: an SFN service replies by returning; psa_reply is an error */
}

void psa_panic(void)
{
    panic_running();
}

/* The partition with this id, or -1. */
static int partition_index(int32_t id)
{
    for (uint16_t p = 0; p < rp_partition_count; p++) {
        if (rp_partitions[p].id == id) {
            return p;
        }
    }
    return -1;
}

void psa_notify(int32_t partition_id)
{
    int p = partition_index(partition_id);
    if (p < 0 || p >= RP_PART_MAX) {
        panic_running();
    }
    signals[p] |= PSA_DOORBELL;
}

void psa_clear(void)
{
    int p = running_partition();
    if (p < 0 || !(signals[p] & PSA_DOORBELL)) {
        panic_running();
    }
    signals[p] &= ~PSA_DOORBELL;
}

psa_signal_t psa_wait(psa_signal_t signal_mask, uint32_t timeout)
{
    int p = running_partition();
    psa_signal_t allowed = PSA_DOORBELL | (p >= 0 ? rp_partitions[p].signals : 0);

    if (p < 0 || (timeout != PSA_POLL && timeout != PSA_BLOCK) ||
        (signal_mask & allowed) == 0) {
        panic_running();
    }
    /* SFN: nothing else runs while this partition waits, so blocking for a signal that
     * is not yet asserted could only end by an interrupt; wait for one. */
    while (timeout == PSA_BLOCK && (signals[p] & signal_mask) == 0) {
        __asm volatile("wfi");
    }
    return signals[p] & signal_mask;
}

psa_status_t psa_get(psa_signal_t signal, psa_msg_t *msg)
{
    (void)signal;
    (void)msg;
    panic_running(); /* SFN: messages arrive as service function calls, never by psa_get */
}

uint32_t psa_rot_lifecycle_state(void)
{
    return rp_platform_lifecycle();
}

/* ---- interrupt signals (delivery of FLIH/SLIH interrupts: see docs/spm.md) ----------- */

/* The IRQ of the running partition whose signal is exactly `sig`; panics otherwise. */
static const rp_irq_t *own_irq(psa_signal_t sig)
{
    int p = running_partition();
    if (p >= 0) {
        const rp_partition_t *part = &rp_partitions[p];
        for (uint16_t i = 0; i < part->n_irqs; i++) {
            if (rp_irqs[part->first_irq + i].signal == sig) {
                return &rp_irqs[part->first_irq + i];
            }
        }
    }
    panic_running();
}

void psa_irq_enable(psa_signal_t irq_signal)
{
    rp_platform_irq_enable(own_irq(irq_signal)->source);
}

psa_irq_status_t psa_irq_disable(psa_signal_t irq_signal)
{
    return rp_platform_irq_disable(own_irq(irq_signal)->source);
}

void psa_eoi(psa_signal_t irq_signal)
{
    const rp_irq_t *irq = own_irq(irq_signal);
    int p = irq->partition;
    if (irq->handling != RP_IRQ_SLIH || !(signals[p] & irq_signal)) {
        panic_running();
    }
    signals[p] &= ~irq_signal;
    rp_platform_irq_enable(irq->source);
}

void psa_reset_signal(psa_signal_t irq_signal)
{
    const rp_irq_t *irq = own_irq(irq_signal);
    int p = irq->partition;
    if (irq->handling != RP_IRQ_FLIH || !(signals[p] & irq_signal)) {
        panic_running();
    }
    signals[p] &= ~irq_signal;
}
