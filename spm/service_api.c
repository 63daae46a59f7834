/* service_api.c - the FF-M 1.1 secure partition API (psa/service.h), common to both
 * backends: rp_api_<name> implements psa_<name> (psa_api.c is the public entry, which
 * reaches these directly when privileged and through an SVC when not). Every misuse is
 * the running partition's programmer error: it is panicked (rp_spm_panic_running),
 * which never returns. */
#include <arm_cmse.h>
#include <string.h>

#include "psa/lifecycle.h"
#include "rp_platform.h"
#include "spm_internal.h"

/* The message `h` being served by the running partition; panics it on a bad handle. */
static inline msg_slot_t *own_msg(psa_handle_t h)
{
    msg_slot_t *m = rp_spm_msg_of(h);
    if (m == NULL) {
        rp_spm_panic_running();
    }
    return m;
}

/* The message `h` if it is a request (type >= PSA_IPC_CALL) and idx names a vector. */
static inline msg_slot_t *own_request(psa_handle_t h, uint32_t idx)
{
    msg_slot_t *m = rp_spm_msg_of(h);
    if (m == NULL || m->msg.type < PSA_IPC_CALL || idx >= PSA_MAX_IOVEC) {
        rp_spm_panic_running();
    }
    return m;
}

/* The message `h` for psa_read/psa_skip/psa_write on vector idx of its in (out: 0) or
 * out (1) vectors: a request (type >= PSA_IPC_CALL), idx < PSA_MAX_IOVEC, the vector not
 * mapped. The closed bits hold the last two rules, so the path tests one bit. */
static inline msg_slot_t *open_vec(psa_handle_t h, uint32_t idx, int out)
{
    msg_slot_t *m = rp_spm_msg_of(h);
    if (m == NULL || idx >= PSA_MAX_IOVEC ||
        (((out ? m->out_closed : m->in_closed) >> idx) & 1u)) {
        rp_spm_panic_running();
    }
    return m;
}

/* memcpy for the usual psa_read/psa_write: with word-aligned ends and a multiple of 8
 * bytes the copy goes two words at a time inline (one LDRD/STRD pair per 8 bytes, no
 * call); anything else is memcpy's. The ranges do not overlap (a client's buffer and
 * the partition's own). in: n > 0. */
static inline void copy(void *dst, const void *src, size_t n)
{
    if (((((uintptr_t)dst | (uintptr_t)src) & 3u) | (n & 7u)) != 0) {
        memcpy(dst, src, n);
        return;
    }
    /* four instructions per 8 bytes: GCC's -Os loop for the same C takes six to eight */
    uint8_t *d = dst;
    const uint8_t *s = src, *end = s + n;
    uint32_t a, b;
    __asm volatile("1: ldrd %[a], %[b], [%[s]], #8\n\t"
                   "strd %[a], %[b], [%[d]], #8\n\t"
                   "cmp %[s], %[end]\n\t"
                   "bne 1b"
                   : [a] "=&r"(a), [b] "=&r"(b), [s] "+r"(s), [d] "+r"(d)
                   : [end] "r"(end)
                   : "cc", "memory");
}

/* A buffer the running partition passes must be its own: for an unprivileged partition,
 * in its stack above the stack pointer it made the call with (its memory at every
 * level), or else accessible to it as the TT instruction says; never below that pointer,
 * where the SPM's frames of this call live (the call runs on the partition's stack: a
 * psa_read there would overwrite them). A privileged partition may access everything. */
#if RP_ISOLATION > 1
/* own_buffer's rarer cases, out of its way: below the stack pointer, or elsewhere */
static __attribute__((noinline)) void own_buffer_elsewhere(int where, const void *p,
                                                           size_t n, int write)
{
    int access = write ? CMSE_MPU_READWRITE : CMSE_MPU_READ;
    if (where == RP_STACK_BELOW || !rp_tt_range_ok(p, n, CMSE_MPU_UNPRIV | access)) {
        rp_spm_panic_running();
    }
}
#endif

static inline void own_buffer(const void *p, size_t n, int write)
{
#if RP_ISOLATION > 1
    if (n == 0) {
        return;
    }
    int where = rp_backend_stack_buffer(p, n); /* ABOVE for a privileged caller */
    if (where != RP_STACK_ABOVE) {
        own_buffer_elsewhere(where, p, n, write);
    }
#else
    (void)p, (void)n, (void)write; /* level 1: every partition is privileged */
#endif
}

/* mm-iovec gives a partition the client's memory directly: a build option
 * (RAMPART_MM_IOVEC), and never for an unprivileged partition (its MPU regions cannot
 * cover its clients' buffers). Without it, mapping is a programmer error. */
static void mapping_allowed(void)
{
    if (!RP_MM_IOVEC || rp_backend_caller_unprivileged()) {
        rp_spm_panic_running();
    }
}

/* The cursor of a vector once mapped (closed): odd, so that the level-1 psa_read /
 * psa_write quick paths, which test no closed bit, leave it to rp_api_read / _write (their
 * word-alignment test), which refuse it. A closed vector's cursor is never used again. */
static const void *poisoned(const void *base)
{
    return (const void *)((uintptr_t)base | 1u);
}

/* Bytes of in_vec idx not yet read or skipped (0 for a vector the caller did not pass). */
static size_t in_left(const msg_slot_t *m, uint32_t idx)
{
    return idx < m->in_len ? m->in[idx].len : 0;
}

/* Bytes of out_vec idx not yet written (0 for a vector the caller did not pass). */
static size_t out_left(const msg_slot_t *m, uint32_t idx)
{
    return idx < m->out_len ? m->out[idx].len : 0;
}

/* externally_visible: the level-1 psa_read/psa_write (below) branch here from asm, which
 * link-time optimisation does not see */
__attribute__((externally_visible)) size_t rp_api_read(psa_handle_t msg_handle,
                                                        uint32_t invec_idx, void *buffer,
                                                        size_t num_bytes)
{
    msg_slot_t *m = open_vec(msg_handle, invec_idx, 0);
    size_t left = in_left(m, invec_idx);
    size_t n = num_bytes < left ? num_bytes : left;
    own_buffer(buffer, n, 1);
    if (n > 0) {
        /* the cursor moves first: the copy's asm clobbers memory, and would make GCC
         * load base and len again after it */
        psa_invec *v = &m->in[invec_idx];
        const uint8_t *src = v->base;
        v->base = src + n;
        v->len = left - n;
        copy(buffer, src, n);
    }
    return n;
}

size_t rp_api_skip(psa_handle_t msg_handle, uint32_t invec_idx, size_t num_bytes)
{
    msg_slot_t *m = open_vec(msg_handle, invec_idx, 0);
    size_t left = in_left(m, invec_idx);
    size_t n = num_bytes < left ? num_bytes : left;
    if (n > 0) {
        psa_invec *v = &m->in[invec_idx];
        v->base = (const uint8_t *)v->base + n;
        v->len -= n;
    }
    return n;
}

__attribute__((externally_visible)) void rp_api_write(psa_handle_t msg_handle,
                                                       uint32_t outvec_idx,
                                                       const void *buffer, size_t num_bytes)
{
    msg_slot_t *m = open_vec(msg_handle, outvec_idx, 1);
    if (num_bytes > out_left(m, outvec_idx)) {
        rp_spm_panic_running();
    }
    own_buffer(buffer, num_bytes, 0);
    if (num_bytes > 0) {
        psa_outvec *v = &m->out[outvec_idx]; /* the cursor first, as in rp_api_read */
        uint8_t *dst = v->base;
        v->base = dst + num_bytes;
        v->len -= num_bytes;
        copy(dst, buffer, num_bytes);
    }
}

void rp_api_set_rhandle(psa_handle_t msg_handle, void *rhandle)
{
    msg_slot_t *m = own_msg(msg_handle);
    if (!(m->svc->flags & RP_SVC_CONNECTION_BASED)) { /* a stateless call's */
        rp_spm_panic_running();
    }
    m->conn->rhandle = rhandle;
    m->msg.rhandle = rhandle;
}

const void *rp_api_map_invec(psa_handle_t msg_handle, uint32_t invec_idx)
{
    mapping_allowed();
    msg_slot_t *m = own_request(msg_handle, invec_idx);
    /* FF-M 1.1: mapped before (the closed bit stays set after the unmap), or read or
     * skipped from already */
    if (((m->in_closed >> invec_idx) & 1u) ||
        (invec_idx < m->in_len && m->in[invec_idx].len != m->msg.in_size[invec_idx])) {
        rp_spm_panic_running();
    }
    if (in_left(m, invec_idx) == 0) {
        return NULL;
    }
    const void *base = m->in[invec_idx].base;
    m->in_mapped |= (uint8_t)(1u << invec_idx);
    m->in_closed |= (uint8_t)(1u << invec_idx);
    m->in[invec_idx].base = poisoned(base);
    return base;
}

void rp_api_unmap_invec(psa_handle_t msg_handle, uint32_t invec_idx)
{
    msg_slot_t *m = own_request(msg_handle, invec_idx);
    if (!(m->in_mapped & (1u << invec_idx))) { /* not mapped, or unmapped already */
        rp_spm_panic_running();
    }
    m->in_mapped &= (uint8_t)~(1u << invec_idx);
    m->in[invec_idx].len = 0; /* FF-M: the vector counts as read */
}

void *rp_api_map_outvec(psa_handle_t msg_handle, uint32_t outvec_idx)
{
    mapping_allowed();
    msg_slot_t *m = own_request(msg_handle, outvec_idx);
    /* mapped before (see psa_map_invec), or written to already */
    if (((m->out_closed >> outvec_idx) & 1u) ||
        (outvec_idx < m->out_len && m->out[outvec_idx].len != m->msg.out_size[outvec_idx])) {
        rp_spm_panic_running();
    }
    if (out_left(m, outvec_idx) == 0) {
        return NULL;
    }
    void *base = m->out[outvec_idx].base;
    m->out_mapped |= (uint8_t)(1u << outvec_idx);
    m->out_closed |= (uint8_t)(1u << outvec_idx);
    m->out[outvec_idx].base = (void *)(uintptr_t)poisoned(base);
    return base;
}

void rp_api_unmap_outvec(psa_handle_t msg_handle, uint32_t outvec_idx, size_t len)
{
    msg_slot_t *m = own_request(msg_handle, outvec_idx);
    if (!(m->out_mapped & (1u << outvec_idx)) || len > m->msg.out_size[outvec_idx]) {
        rp_spm_panic_running();
    }
    m->out_mapped &= (uint8_t)~(1u << outvec_idx);
    m->out[outvec_idx].len = m->msg.out_size[outvec_idx] - len; /* written: len */
}

void rp_api_reply(psa_handle_t msg_handle, psa_status_t status)
{
    /* an SFN service replies by returning: its messages live at its partition's index,
     * below RP_PART_MAX; an IPC message lives at its client thread's, from there up (and
     * only an IPC partition serves one). So the handle's index must be one of those,
     * which refuses an SFN caller; the rest is rp_spm_msg_of's (the message's own copy of
     * the handle, its serving partition). */
    msg_slot_t *m = ((uint32_t)msg_handle & (RP_LIVE_SLOTS - 1u)) >= RP_PART_MAX
                        ? rp_spm_msg_of(msg_handle)
                        : NULL;
    if (m == NULL ||
        (m->msg.type == PSA_IPC_CONNECT && status != PSA_SUCCESS &&
         status != PSA_ERROR_CONNECTION_REFUSED && status != PSA_ERROR_CONNECTION_BUSY)) {
        /* not a message this partition serves, an SFN caller; or (FF-M) any other
         * answer to a connection */
        rp_spm_panic_running();
    }
    rp_backend_reply(m, status);
}

psa_status_t rp_api_get(psa_signal_t signal, psa_msg_t *msg)
{
    int p = rp_backend_running();
    /* exactly one bit, one of this partition's service signals, currently asserted (an
     * SFN partition has none to take: rp_backend_takeable); msg not NULL and aligned as
     * its type (the copy below stores words, which fault on any other address) */
    if (p < 0 || (signal & (signal - 1)) != 0 || (signal & rp_backend_takeable(p)) == 0 ||
        msg == NULL || ((uintptr_t)msg & 3u) != 0) {
        rp_spm_panic_running();
    }
    /* unprivileged: msg must be its own memory and not below its stack pointer, where
     * the SPM's frames of this call live (own_buffer) */
    own_buffer(msg, sizeof *msg, 1);
    msg_slot_t *m = rp_backend_get(p, signal);
    if (m == NULL) {
        return PSA_ERROR_DOES_NOT_EXIST;
    }
    *msg = m->msg;
    return PSA_SUCCESS;
}

psa_signal_t rp_api_wait(psa_signal_t signal_mask, uint32_t timeout)
{
    int p = rp_backend_running();
    psa_signal_t allowed = PSA_DOORBELL | (p >= 0 ? rp_partitions[p].signals : 0);

    /* timeout: PSA_POLL (0) or PSA_BLOCK (bit 31), so no bit but 31 */
    if (p < 0 || (timeout << 1) != 0 || (signal_mask & allowed) == 0) {
        rp_spm_panic_running();
    }
    return rp_backend_wait(p, signal_mask & allowed, timeout);
}

void rp_api_panic(void)
{
    rp_spm_panic_running();
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

void rp_api_notify(int32_t partition_id)
{
    int p = partition_index(partition_id);
    if (p < 0) {
        rp_spm_panic_running();
    }
    rp_backend_signal(p, PSA_DOORBELL);
}

void rp_api_clear(void)
{
    int p = rp_backend_running();
    if (p < 0 || !(rp_backend_asserted(p) & PSA_DOORBELL)) {
        rp_spm_panic_running();
    }
    rp_backend_clear(p, PSA_DOORBELL);
}

uint32_t rp_api_rot_lifecycle_state(void)
{
    return rp_platform_lifecycle();
}

/* ---- interrupt signals (delivery of FLIH/SLIH interrupts: see docs/spm.md) ----------- */

/* The IRQ of the running partition whose signal is exactly `sig`; panics otherwise. */
static const rp_irq_t *own_irq(psa_signal_t sig)
{
    int p = rp_backend_running();
    if (p >= 0) {
        const rp_partition_t *part = &rp_partitions[p];
        for (uint16_t i = 0; i < part->n_irqs; i++) {
            if (rp_irqs[part->first_irq + i].signal == sig) {
                return &rp_irqs[part->first_irq + i];
            }
        }
    }
    rp_spm_panic_running();
}

void rp_api_irq_enable(psa_signal_t irq_signal)
{
    rp_platform_irq_enable(own_irq(irq_signal)->source);
}

psa_irq_status_t rp_api_irq_disable(psa_signal_t irq_signal)
{
    return rp_platform_irq_disable(own_irq(irq_signal)->source);
}

void rp_api_eoi(psa_signal_t irq_signal)
{
    const rp_irq_t *irq = own_irq(irq_signal);
    if (irq->handling != RP_IRQ_SLIH || !(rp_backend_asserted(irq->partition) & irq_signal)) {
        rp_spm_panic_running();
    }
    rp_backend_clear(irq->partition, irq_signal);
    /* The partition has serviced its device: a pending state latched while the source
     * was disabled is stale (a level source still asserted pends again at once). */
    rp_platform_irq_clear_pending(irq->source);
    rp_platform_irq_enable(irq->source);
}

void rp_api_reset_signal(psa_signal_t irq_signal)
{
    const rp_irq_t *irq = own_irq(irq_signal);
    if (irq->handling != RP_IRQ_FLIH || !(rp_backend_asserted(irq->partition) & irq_signal)) {
        rp_spm_panic_running();
    }
    rp_backend_clear(irq->partition, irq_signal);
}

/* ---- level 1: the public entries of the hottest calls --------------------------------- */

#if RP_ISOLATION == 1
/* Every partition is privileged and calls the implementations directly (psa_api.c has the
 * entries of the other levels): psa_get, psa_reply and psa_wait are their names. */
psa_status_t psa_get(psa_signal_t signal, psa_msg_t *msg) __attribute__((alias("rp_api_get")));
void psa_reply(psa_handle_t msg_handle, psa_status_t status)
    __attribute__((alias("rp_api_reply")));
psa_signal_t psa_wait(psa_signal_t signal_mask, uint32_t timeout)
    __attribute__((alias("rp_api_wait")));

/* psa_read and psa_write: the usual case in assembly, everything else (and every error)
 * to rp_api_read / rp_api_write with the arguments as they came, except that psa_read's
 * num_bytes may arrive clamped to the bytes left, which rp_api_read does anyway. The
 * usual case: the message is live and the running partition serves it (rp_spm_msg_of),
 * idx names a vector the caller passed (in_left), the length fits (psa_write), and base,
 * buffer and length allow the word copy (copy). A closed vector needs no test of its own:
 * a connection message has no vectors, and a mapped vector's cursor is odd (psa_map_*),
 * which the alignment test sends to the full path. In C, for psa_read:
 *     SFN: m = live[running]; if (!m || m->handle != h) return rp_api_read(...);
 *     IPC: m = live[h & 63]; if (!m || m->handle != h || m->partition != running) ...;
 *     if (idx >= m->in_len) return rp_api_read(...);
 *     n = min(num, in[idx].len); if (unaligned(in[idx].base, buf, n)) return rp_api_read(...);
 *     advance the cursor by n; copy n bytes; return n;
 * (In SFN, the message a partition serves is live[its index], and its handle's index is
 * that: the handle test covers rp_spm_msg_of's. live_none makes live[-1], live[-2] NULL.) */
#define QUICK_OPERANDS                                                               \
    [live] "i"(offsetof(rp_spm_state_t, live)), [s_running] "i"(RP_SPM_OFF(running)), \
        [m_handle] "i"(offsetof(msg_slot_t, handle)),                              \
        [m_part] "i"(offsetof(msg_slot_t, partition))
/* r5 = the message of handle r0 served by the running partition, or 9f; uses r4, r6, ip */
#if RP_BACKEND_SFN
#define QUICK_MSG                                                                    \
    "push {r4-r7}\n\t"                                                                \
    "ldr ip, =rp_spm + %c[live]\n\t"                                                  \
    "ldr r4, [ip, %[s_running]]\n\t"                                                  \
    "ldr r5, [ip, r4, lsl #2]\n\t"                                                    \
    "cbz r5, 9f\n\t"                                                                  \
    "ldr r6, [r5, %[m_handle]]\n\t"                                                   \
    "cmp r6, r0\n\t"                                                                  \
    "bne 9f\n\t"
#else
#define QUICK_MSG                                                                    \
    "push {r4-r7}\n\t"                                                                \
    "ldr r4, =rp_spm + %c[live]\n\t"                                                  \
    "and r5, r0, #63\n\t"                                                             \
    "ldr r5, [r4, r5, lsl #2]\n\t"                                                    \
    "cbz r5, 9f\n\t"                                                                  \
    "ldr ip, [r5, %[m_handle]]\n\t"                                                   \
    "ldr r4, [r4, %[s_running]]\n\t"                                                  \
    "cmp ip, r0\n\t"                                                                  \
    "bne 9f\n\t"                                                                      \
    "ldrh ip, [r5, %[m_part]]\n\t"                                                    \
    "cmp ip, r4\n\t"                                                                  \
    "bne 9f\n\t"
#endif
/* r5 = &vector r1 - m_vec (idx below the count at m_len); r6, r7 = its base and length
 * left; or 9f */
#define QUICK_VEC                                                                    \
    "ldrb ip, [r5, %[m_len]]\n\t"                                                     \
    "cmp r1, ip\n\t"                                                                  \
    "bhs 9f\n\t"                                                                      \
    "add r5, r5, r1, lsl #3\n\t"                                                      \
    "ldrd r6, r7, [r5, %[m_vec]]\n\t"
/* r3 bytes between base r6 and buffer r2 go by words if both are word-aligned and r3
 * is a multiple of 8 (0 too), else 9f; then the cursor moves */
#define QUICK_CURSOR                                                                 \
    "orr ip, r6, r2\n\t"                                                              \
    "orr ip, r3, ip, lsl #1\n\t"                                                      \
    "lsls ip, ip, #29\n\t"                                                            \
    "bne 9f\n\t"                                                                      \
    "subs r7, r7, r3\n\t"                                                             \
    "add ip, r6, r3\n\t"                                                              \
    "strd ip, r7, [r5, %[m_vec]]\n\t"
/* r3 bytes (a multiple of 8) from register src to dst, both advanced: an 8-byte
 * remainder first, then 16 bytes per LDM/STM. Uses r0, r1, r4, r5, ip. */
#define QUICK_COPY(src, dst)                                                         \
    "lsrs ip, r3, #4\n\t" /* C: an 8-byte remainder; Z: no 16-byte block */          \
    "bcc 1f\n\t"                                                                     \
    "ldrd r4, r5, [" src "], #8\n\t"                                                 \
    "strd r4, r5, [" dst "], #8\n"                                                   \
    "1:\n\t"                                                                         \
    "beq 2f\n"                                                                        \
    "3:\n\t"                                                                         \
    "ldm " src "!, {r0, r1, r4, r5}\n\t"                                             \
    "stm " dst "!, {r0, r1, r4, r5}\n\t"                                             \
    "subs ip, ip, #1\n\t"                                                            \
    "bne 3b\n"                                                                        \
    "2:\n\t"
/* return; 9: the full path `fn` with the arguments as they came */
#define QUICK_END(fn)                                                                \
    "pop {r4-r7}\n\t"                                                                \
    "bx lr\n"                                                                         \
    "9:\n\t"                                                                         \
    "pop {r4-r7}\n\t"                                                                \
    "b " fn "\n\t"                                                                   \
    ".ltorg\n\t"
__attribute__((naked)) size_t psa_read(psa_handle_t msg_handle, uint32_t invec_idx,
                                       void *buffer, size_t num_bytes)
{
    (void)msg_handle, (void)invec_idx, (void)buffer, (void)num_bytes;
    __asm volatile(QUICK_MSG QUICK_VEC
                   "cmp r3, r7\n\t"
                   "it hi\n\t"
                   "movhi r3, r7\n\t" /* n = min(num_bytes, left) */
                   QUICK_CURSOR QUICK_COPY("r6", "r2")
                   "mov r0, r3\n\t"
                   QUICK_END("rp_api_read")
                   :
                   : QUICK_OPERANDS, [m_len] "i"(offsetof(msg_slot_t, in_len)),
                     [m_vec] "i"(offsetof(msg_slot_t, in)));
}

__attribute__((naked)) void psa_write(psa_handle_t msg_handle, uint32_t outvec_idx,
                                      const void *buffer, size_t num_bytes)
{
    (void)msg_handle, (void)outvec_idx, (void)buffer, (void)num_bytes;
    __asm volatile(QUICK_MSG QUICK_VEC
                   "cmp r3, r7\n\t" /* more than is left: rp_api_write panics */
                   "bhi 9f\n\t"
                   QUICK_CURSOR QUICK_COPY("r2", "r6")
                   QUICK_END("rp_api_write")
                   :
                   : QUICK_OPERANDS, [m_len] "i"(offsetof(msg_slot_t, out_len)),
                     [m_vec] "i"(offsetof(msg_slot_t, out)));
}
#endif
