/* backend_ipc.c - the IPC backend: one thread per IPC partition, each with its own stack,
 * plus the NS agent's thread (lowest priority), on which NS calls and SFN services run.
 *
 * A call to an IPC partition queues the message, asserts the service's signal and blocks
 * the caller; the scheduler then runs the highest-priority ready thread, which is the
 * server (it was blocked in psa_wait). psa_reply readies the client again. Threads switch
 * only in PendSV, which saves r4-r11 and EXC_RETURN on the outgoing thread's stack (the
 * exception frame holds the rest) and sets PSPLIM for the incoming one.
 *
 * Level 1: everything runs privileged; only thread-mode code changes this state, and
 * PendSV only switches stacks, so no interrupt masking is needed here. */
#include <stddef.h>

#include "rp_platform.h"
#include "spm_internal.h"

#ifndef RP_NS_AGENT_STACK
#define RP_NS_AGENT_STACK 0x1000
#endif
#define ICSR            (*(volatile uint32_t *)0xE000ED04u)
#define ICSR_PENDSVSET  (1u << 28)
#define SHPR3           (*(volatile uint32_t *)0xE000ED20u)

enum thread_state { T_READY, T_WAIT_SIGNAL, T_WAIT_REPLY, T_DEAD };

/* Threads are numbered in priority order (0 runs first; the NS agent is last), so the
 * next thread to run is the lowest set bit of `ready`. */

typedef struct thread {
    uint32_t *sp;          /* saved PSP while switched out */
    uint32_t *limit;       /* its stack's lowest address (PSPLIM) */
    uint32_t api_return;   /* SVC path: where the partition's API call returns to */
    psa_signal_t wait_mask;
    int8_t part;           /* partition whose code runs now (-1: NS agent) */
    int8_t own_part;       /* the IPC partition this thread is (-1: NS agent) */
    uint8_t state;         /* enum thread_state */
    uint8_t prio;          /* 0 highest; the NS agent 255 */
    uint8_t unpriv;        /* the partition runs unprivileged (levels 2, 3) */
    uint8_t control;       /* its CONTROL: SPSEL, and nPRIV when unprivileged now; an
                            * unpriv thread with 2 here is in an API call (SVC path) */
} thread_t;

/* api_exit (assembly) reaches these two fields by offset */
#define THREAD_API_RETURN 8
#define THREAD_CONTROL    21
typedef char thread_offsets_checked[(offsetof(thread_t, api_return) == THREAD_API_RETURN &&
                                     offsetof(thread_t, control) == THREAD_CONTROL) ? 1 : -1];

static thread_t threads[RP_THREADS_MAX];
static uint8_t n_threads;
static volatile uint32_t ready;               /* bit t: threads[t].state == T_READY */
static volatile uint8_t cur;
/* &threads[cur]: one load on every path (each thread sees its own: it changes only while
 * the thread is switched out). threads[0] before the start, as cur: the SPM's boot (SFN
 * init functions) runs as that not yet started thread. */
__attribute__((used)) thread_t *rp_cur_thread = &threads[0];
static uint8_t part_thread[RP_PART_MAX];       /* IPC partition -> its thread */
static psa_signal_t asserted[RP_PART_MAX];
static msg_slot_t *queue[RP_PART_MAX];         /* messages not yet taken by psa_get */
static uint64_t ns_agent_stack[RP_NS_AGENT_STACK / 8];

static void fail_messages(int part);

/* ---- scheduling --------------------------------------------------------------------- */

/* Callers in thread mode hold a critical section: interrupt handlers ready threads too. */
static void make_ready(uint8_t t)
{
    threads[t].state = T_READY;
    ready |= 1u << t;
}

static void request_switch(void)
{
    ICSR = ICSR_PENDSVSET;
    __asm volatile("dsb\n\tisb" ::: "memory");
}

/* Lets the highest-priority ready thread run; returns when this thread runs again. PendSV
 * picks the thread itself (rp_switch_stacks), so a thread an interrupt readied meanwhile
 * is not missed. With no thread ready the core sleeps until an interrupt readies one. */
static inline void schedule(void)
{
    while (ready == 0) {
        __asm volatile("wfi");
    }
    if (__builtin_ctz(ready) != cur) {
        request_switch();
    }
}

/* The running thread has just blocked (state set, its bit in `ready` cleared, in a
 * critical section): switch away, and return when it is ready and runs again. Its own
 * bit is clear, so whatever is ready is another thread and needs no priority test (the
 * direct hand-off: the server a client just woke gets the CPU in one PendSV). With no
 * thread ready the core sleeps until an interrupt readies one. */
static inline void switch_away(void)
{
    do {
        while (ready == 0) {
            __asm volatile("wfi");
        }
        request_switch();
    } while (rp_cur_thread->state != T_READY);
}

/* Marks the running thread blocked in `state` (caller holds a critical section). */
static inline void set_blocked(uint8_t state)
{
    rp_cur_thread->state = state;
    ready &= ~(1u << cur);
}

/* Called by PendSV with the outgoing thread's saved stack; returns the incoming one's,
 * with its stack limit, privilege and (level 3) MPU regions in place. */
__attribute__((used)) uint32_t *rp_switch_stacks(uint32_t *sp)
{
    rp_cur_thread->sp = sp;
    uint32_t r = ready;
    if (r != 0) {
        cur = (uint8_t)__builtin_ctz(r);
        rp_cur_thread = &threads[cur];
    }
    thread_t *t = rp_cur_thread;
    rp_spm.running = t->part;
    __asm volatile("msr psplim, %0" : : "r"(t->limit));
    if (RP_ISOLATION > 1) { /* level 1: every thread is privileged, CONTROL stays 2 */
        if (t->unpriv) {
            rp_isolation_switch(t->own_part);
        }
        __asm volatile("msr control, %0" : : "r"((uint32_t)t->control));
    }
    return t->sp;
}

__attribute__((naked)) void PendSV_Handler(void)
{
    __asm volatile(
        "mrs r0, psp\n\t"
        "stmdb r0!, {r4-r11, lr}\n\t"
        "bl rp_switch_stacks\n\t"
        "ldmia r0!, {r4-r11, lr}\n\t"
        "msr psp, r0\n\t"
        "bx lr\n\t");
}

/* ---- threads ------------------------------------------------------------------------ */

static inline void wake_if_waiting(int part)
{
    uint8_t t = part_thread[part];
    if (threads[t].state == T_WAIT_SIGNAL && (asserted[part] & threads[t].wait_mask)) {
        make_ready(t);
    }
}

/* A partition thread whose entry function returned: FF-M makes that an error. */
static void thread_exit(void)
{
    rp_spm_panic_running();
}

/* Lays out a first context for `entry` on the stack so that PendSV can switch to it. */
static uint32_t *initial_frame(uint64_t *stack, uint32_t size, void (*entry)(void))
{
    uint32_t *sp = (uint32_t *)(void *)((uint8_t *)stack + size);
    *--sp = 0x01000000u;                                /* xPSR: Thumb */
    *--sp = (uint32_t)(uintptr_t)entry & ~1u;           /* PC */
    *--sp = (uint32_t)(uintptr_t)thread_exit;           /* LR */
    for (int i = 0; i < 5; i++) {
        *--sp = 0;                                      /* r12, r3, r2, r1, r0 */
    }
    *--sp = 0xFFFFFFFDu;  /* EXC_RETURN: secure, thread mode, PSP, standard frame */
    for (int i = 0; i < 8; i++) {
        *--sp = 0;                                      /* r11 .. r4 */
    }
    return sp;
}

/* One thread per live IPC partition, in priority order (stable: manifest order among
 * equals), so that thread numbers are priorities. */
static void add_partition_threads(void)
{
    for (uint8_t prio = RP_PRIO_HIGH; prio <= RP_PRIO_LOW; prio++) {
        for (uint16_t p = 0; p < rp_partition_count; p++) {
            const rp_partition_t *part = &rp_partitions[p];
            if (part->model != RP_MODEL_IPC || part->priority != prio ||
                (rp_spm.panicked & (1u << p))) {
                continue;
            }
            thread_t *t = &threads[n_threads];
            t->sp = initial_frame(part->stack, part->stack_size, part->entry);
            t->limit = (uint32_t *)(void *)part->stack;
            t->part = t->own_part = (int8_t)p;
            t->prio = part->priority;
            t->unpriv = (uint8_t)rp_isolation_unprivileged(p);
            t->control = t->unpriv ? 3u : 2u; /* SPSEL (PSP), nPRIV */
            part_thread[p] = n_threads;
            make_ready(n_threads++);
        }
    }
}

static void (*after_start)(void);

/* The NS agent thread's first code: let the partitions initialise (they run until they
 * all wait), then enter the non-secure image. */
static void agent_main(void)
{
    schedule();
    after_start();
    rp_platform_exit(RP_EXIT_FAIL);
}

void rp_backend_start(void (*then)(void))
{
    rp_isolation_init();
    rp_irq_init();
    add_partition_threads();
    thread_t *agent = &threads[n_threads];
    agent->limit = (uint32_t *)(void *)ns_agent_stack;
    agent->part = agent->own_part = -1;
    agent->prio = 255;
    agent->control = 2u;
    cur = n_threads;
    rp_cur_thread = agent;
    make_ready(n_threads++);
    after_start = then;
    SHPR3 |= 0xFFu << 16; /* PendSV: the lowest priority */
    uint32_t *top = (uint32_t *)(void *)((uint8_t *)ns_agent_stack + sizeof ns_agent_stack);
    __asm volatile(
        "msr psplim, %0\n\t"
        "msr psp, %1\n\t"
        "mrs r3, control\n\t"
        "orr r3, r3, #2\n\t"      /* SPSEL: thread mode uses PSP from here on */
        "msr control, r3\n\t"
        "isb\n\t"
        "bx %2\n\t"
        : : "r"(agent->limit), "r"(top), "r"(agent_main) : "r3", "memory");
    __builtin_unreachable();
}

/* ---- the backend interface ---------------------------------------------------------- */

uint8_t rp_backend_thread(void)
{
    return cur;
}

int rp_backend_caller_unprivileged(void)
{
    return RP_ISOLATION > 1 && rp_cur_thread->unpriv; /* level 1: nothing unprivileged */
}

/* ---- unprivileged partitions: the SVC path into the API (psa_api.c) ----------------- */

#define RP_SVC_API    1

/* Where an API implementation returns on the SVC path (the SVC handler makes it the
 * implementation's return address): still privileged, on the partition's own thread and
 * stack, r0 holding the result. It sets the thread's saved CONTROL to unprivileged first
 * (a switch in between then restores the unprivileged state), drops privilege itself
 * (privileged code may set CONTROL.nPRIV; only clearing it needs an exception, so leaving
 * costs no second SVC) and returns after the partition's SVC. The partition's call
 * (psa_api.c) lets r1-r3, r12 and lr change. */
#define STR(x) #x
#define XSTR(x) STR(x)
__attribute__((naked)) static void api_exit(void)
{
    __asm volatile(
        "ldr r2, =rp_cur_thread\n\t"
        "ldr r2, [r2]\n\t"
        "ldr r12, [r2, #" XSTR(THREAD_API_RETURN) "]\n\t"
        "movs r1, #3\n\t"       /* SPSEL | nPRIV */
        "strb r1, [r2, #" XSTR(THREAD_CONTROL) "]\n\t"
        "msr control, r1\n\t"
        "isb\n\t"
        "bx r12\n\t"
        ".ltorg\n\t");
}

static void set_control(thread_t *t, uint8_t control)
{
    t->control = control;
    __asm volatile("msr control, %0" : : "r"((uint32_t)control));
}

/* Stops the running partition thread from Handler mode (a fault, or a bad SVC) and
 * switches away when the exception returns. Returns its partition, or -1 if the running
 * code is not an unprivileged partition's own (then the caller must not contain it). */
static int kill_running_from_handler(void)
{
    thread_t *t = rp_cur_thread;
    if (t->own_part < 0 || !t->unpriv || t->control != 3u || t->state == T_DEAD) {
        return -1;
    }
    rp_spm.panicked |= 1u << t->own_part;
    fail_messages(t->own_part);
    t->state = T_DEAD;
    ready &= ~(1u << cur);
    if (ready == 0) {
        return -1;
    }
    ICSR = ICSR_PENDSVSET;
    return t->own_part;
}

/* SVC from a partition thread. frame: its exception frame (r0-r3, r12, lr, pc, xpsr).
 * An API call (SVC 1, index in r12) returns from the exception into the implementation,
 * privileged, with the caller's r0-r3 and api_exit as its return address. */
__attribute__((used)) void rp_svc_handle(uint32_t *frame, uint32_t exc_return)
{
    thread_t *t = rp_cur_thread;
    uint32_t pc = frame[6], index = frame[4];
    uint8_t number = *((const uint8_t *)(uintptr_t)pc - 2);

    /* secure thread mode on PSP, an unprivileged thread not already in the API */
    if ((exc_return & 0x4Cu) == 0x4Cu && t->unpriv && t->control == 3u &&
        number == RP_SVC_API && index < RP_API_COUNT) {
        t->api_return = pc | 1u;
        frame[5] = (uint32_t)(uintptr_t)api_exit;
        frame[6] = (uint32_t)rp_api_table[index] & ~1u;
        set_control(t, 2u);
        return;
    }
    if (kill_running_from_handler() < 0) {
        rp_platform_exit(RP_EXIT_FAULT); /* an SVC the design never makes */
    }
}

__attribute__((naked)) void SVC_Handler(void)
{
    __asm volatile(
        "tst lr, #4\n\t"
        "ite eq\n\t"
        "mrseq r0, msp\n\t"
        "mrsne r0, psp\n\t"
        "mov r1, lr\n\t"
        "b rp_svc_handle\n\t");
}

const char *rp_spm_contain_fault(uint32_t exc_return)
{
    if ((exc_return & 0x4Cu) != 0x4Cu || n_threads == 0) {
        return NULL; /* not a secure thread on its own stack */
    }
    int part = kill_running_from_handler();
    return part < 0 ? NULL : rp_partitions[part].name;
}

int rp_backend_enter_sfn(int part)
{
    thread_t *t = rp_cur_thread;
    int prev = t->part;
    t->part = (int8_t)part;
    rp_spm.running = part;
    return prev;
}

void rp_backend_leave_sfn(int prev)
{
    rp_cur_thread->part = (int8_t)prev;
    rp_spm.running = prev;
}

psa_status_t rp_backend_deliver_ipc(msg_slot_t *m)
{
    int p = m->partition;
    msg_slot_t **tail = &queue[p];
    while (*tail != NULL) {
        tail = &(*tail)->next;
    }
    m->next = NULL;
    m->state = MSG_QUEUED;
    *tail = m;
    /* signal, wake the server, block: one critical section, then one switch */
    uint32_t c = rp_crit_enter();
    asserted[p] |= m->svc->signal;
    wake_if_waiting(p);
    set_blocked(T_WAIT_REPLY);
    rp_crit_exit(c);
    switch_away();
    return m->status;
}

/* Answers a message of a dead partition and readies its client. */
static void fail_message(msg_slot_t *m)
{
    m->status = m->msg.type == PSA_IPC_CONNECT ? PSA_ERROR_CONNECTION_REFUSED
                                               : PSA_ERROR_SERVICE_FAILURE;
    m->state = MSG_REPLIED;
    make_ready(m->client);
}

/* Answers every message of a dead partition, queued or taken, and readies its clients. */
static void fail_messages(int part)
{
    for (msg_slot_t *m = queue[part]; m != NULL; m = m->next) {
        fail_message(m);
    }
    queue[part] = NULL;
    for (unsigned t = 0; t < n_threads; t++) {
        msg_slot_t *m = rp_spm_live_at(RP_LIVE_CLIENT(t));
        if (m != NULL && m->partition == part) {
            rp_spm.live[RP_LIVE_CLIENT(t)] = NULL;
            fail_message(m);
        }
    }
}

void rp_backend_panic(int part)
{
    thread_t *t = rp_cur_thread;
    if (t->part != t->own_part) {
        rp_spm_unwind_sfn(t->part); /* an SFN service running on this thread */
    }
    uint32_t c = rp_crit_enter();
    fail_messages(part);
    t->state = T_DEAD;
    ready &= ~(1u << cur);
    rp_crit_exit(c);
    for (;;) {
        schedule();
    }
}

psa_signal_t rp_backend_wait(int part, psa_signal_t mask, uint32_t timeout)
{
    if (rp_partitions[part].model != RP_MODEL_IPC) {
        while (timeout == PSA_BLOCK && (asserted[part] & mask) == 0) {
            __asm volatile("wfi"); /* an SFN partition has no thread to block */
        }
        return asserted[part] & mask;
    }
    thread_t *t = rp_cur_thread;
    for (;;) {
        /* checking and blocking are one step: an interrupt's signal cannot fall between */
        uint32_t c = rp_crit_enter();
        psa_signal_t got = asserted[part] & mask;
        if (got != 0 || timeout == PSA_POLL) {
            rp_crit_exit(c);
            return got;
        }
        t->wait_mask = mask;
        set_blocked(T_WAIT_SIGNAL);
        rp_crit_exit(c);
        switch_away();
    }
}

msg_slot_t *rp_backend_get(int part, psa_signal_t signal)
{
    msg_slot_t **link = &queue[part], *m;
    while ((m = *link) != NULL && m->svc->signal != signal) {
        link = &m->next;
    }
    if (m == NULL) {
        return NULL;
    }
    *link = m->next;
    m->state = MSG_ACTIVE;
    rp_spm.live[RP_LIVE_CLIENT(m->client)] = m; /* its handle works from now on */
    msg_slot_t *rest = *link;
    while (rest != NULL && rest->svc->signal != signal) {
        rest = rest->next;
    }
    if (rest == NULL) {
        uint32_t c = rp_crit_enter();
        asserted[part] &= ~signal; /* no other message for this service */
        rp_crit_exit(c);
    }
    return m;
}

void rp_backend_reply(msg_slot_t *m, psa_status_t status)
{
    rp_spm.live[RP_LIVE_CLIENT(m->client)] = NULL; /* its handle is stale from now on */
    m->status = status;
    m->state = MSG_REPLIED;
    uint32_t c = rp_crit_enter();
    make_ready(m->client);
    rp_crit_exit(c);
    schedule();
}

void rp_backend_signal(int part, psa_signal_t signal)
{
    uint32_t c = rp_crit_enter();
    asserted[part] |= signal;
    if (rp_partitions[part].model == RP_MODEL_IPC) {
        wake_if_waiting(part);
    }
    rp_crit_exit(c);
    schedule();
}

/* Handler mode: an interrupt's signal. The switch, if the woken thread should run, waits
 * for PendSV (lowest priority), after every other handler. */
void rp_backend_signal_isr(int part, psa_signal_t signal)
{
    asserted[part] |= signal;
    if (rp_partitions[part].model == RP_MODEL_IPC) {
        wake_if_waiting(part);
        if (__builtin_ctz(ready | 0x80000000u) != cur) {
            ICSR = ICSR_PENDSVSET;
        }
    }
}

psa_signal_t rp_backend_asserted(int part)
{
    return asserted[part];
}

void rp_backend_clear(int part, psa_signal_t signal)
{
    uint32_t c = rp_crit_enter();
    asserted[part] &= ~signal;
    rp_crit_exit(c);
}
