/* backend_ipc.c - the IPC backend: one thread per IPC partition, each with its own stack,
 * plus the NS agent's thread (lowest priority), on which NS calls and SFN services run.
 *
 * A call to an IPC partition queues the message, asserts the service's signal and blocks
 * the caller; the scheduler then runs the highest-priority ready thread, which is the
 * server (it was blocked in psa_wait). psa_reply readies the client again. Threads switch
 * only in PendSV, which saves r4-r11 and EXC_RETURN on the outgoing thread's stack (the
 * exception frame holds the rest) and sets PSPLIM for the incoming one.
 *
 * Interrupt handlers assert signals and ready threads too, so thread-mode code changes
 * those words in a short critical section (BASEPRI) or, for a single word, with an
 * exclusive load/store pair (retried if an exception came between). */
#include <stddef.h>

#include "rp_platform.h"
#include "spm_internal.h"

#ifndef RP_NS_AGENT_STACK
#define RP_NS_AGENT_STACK 0x1000
#endif
#define ICSR            (*(volatile uint32_t *)0xE000ED04u)
#define ICSR_PENDSVSET  (1u << 28)
#define SHPR2           (*(volatile uint32_t *)0xE000ED1Cu)
#define SHPR3           (*(volatile uint32_t *)0xE000ED20u)

/* T_ACTIVE: running, ready, or blocked in a call until the reply (its bit in `ready`
 * tells which); T_WAIT_SIGNAL: blocked in psa_wait (interrupt handlers may wake it);
 * T_DEAD: its partition panicked. */
enum thread_state { T_ACTIVE, T_WAIT_SIGNAL, T_DEAD };

/* Threads are numbered in priority order (0 runs first; the NS agent is last), so the
 * next thread to run is the lowest set bit of `ready`. */

typedef struct thread {
    uint32_t *sp;          /* saved PSP while switched out */
    uint32_t *limit;       /* its stack's lowest address (PSPLIM) */
    uintptr_t top;         /* its stack's end (exclusive); 0 for the NS agent */
    psa_signal_t wait_mask;
    int8_t part;           /* partition whose code runs now (-1: NS agent) */
    int8_t own_part;       /* the IPC partition this thread is (-1: NS agent) */
    uint8_t state;         /* enum thread_state */
    uint8_t prio;          /* 0 highest; the NS agent 255 */
    uint8_t unpriv;        /* the partition runs unprivileged (levels 2, 3) */
    uint8_t control;       /* its CONTROL while switched out (levels 2, 3: nPRIV is set
                            * while it runs unprivileged, clear in an API call) */
    uint8_t index;         /* its number: threads[index] */
    uint32_t bit;          /* 1 << index: its bit in `ready` */
    uintptr_t api_frame;   /* SVC path, a call that may block: its exception frame, at
                            * its stack pointer less 32: its stack below that holds the
                            * SPM's frames of the API call it is in */
} thread_t;

/* PendSV_Handler, SVC_Handler and api_exit (assembly) reach these by offset */
#define THREAD_SP         0
#define THREAD_LIMIT      4
#define THREAD_PART       16
#define THREAD_OWN_PART   17
#define THREAD_UNPRIV     20
#define THREAD_CONTROL    21
#define THREAD_API_FRAME  28
#define THREAD_SIZE       32
#define THREAD_SIZE_LOG2  5
typedef char thread_offsets_checked[(offsetof(thread_t, sp) == THREAD_SP &&
                                     offsetof(thread_t, limit) == THREAD_LIMIT &&
                                     offsetof(thread_t, part) == THREAD_PART &&
                                     offsetof(thread_t, own_part) == THREAD_OWN_PART &&
                                     offsetof(thread_t, unpriv) == THREAD_UNPRIV &&
                                     offsetof(thread_t, control) == THREAD_CONTROL &&
                                     offsetof(thread_t, api_frame) == THREAD_API_FRAME &&
                                     sizeof(thread_t) == THREAD_SIZE) ? 1 : -1];
typedef char sp_limit_adjacent[THREAD_LIMIT == THREAD_SP + 4 ? 1 : -1];
#define SPM_RUNNING 264 /* offsetof(rp_spm_state_t, running), for PendSV */
typedef char running_offset_checked[offsetof(rp_spm_state_t, running) == SPM_RUNNING ? 1 : -1];

/* Not static: PendSV_Handler (assembly) reads these by name, which LTO would not see */
__attribute__((used)) thread_t rp_ipc_threads[RP_THREADS_MAX];
#define threads rp_ipc_threads
static uint8_t n_threads;

/* The scheduler's two hot words, at one base address:
 *   cur    the running thread: one load on every path (each thread sees its own: it
 *          changes only while the thread is switched out). threads[0] before the start:
 *          the SPM's boot (SFN init functions) runs as that not yet started thread.
 *   ready  bit t: thread t may run (the running one included) */
typedef struct sched {
    thread_t *cur;
    volatile uint32_t ready;
} sched_t;
#define SCHED_CUR   0
#define SCHED_READY 4
typedef char sched_offsets_checked[(offsetof(sched_t, cur) == SCHED_CUR &&
                                    offsetof(sched_t, ready) == SCHED_READY) ? 1 : -1];
__attribute__((used)) sched_t rp_sched = { &threads[0], 0 };
#define rp_cur_thread rp_sched.cur
#define ready         rp_sched.ready
/* Per partition, together so that one base address reaches them */
typedef struct part_state {
    psa_signal_t asserted;  /* its asserted signals */
    msg_slot_t *queue;      /* messages not yet taken by psa_get, in arrival order */
    thread_t *thread;       /* an IPC partition's thread */
    psa_signal_t services;  /* an IPC partition's service signals (0: SFN, or never
                             * started); 16 bytes in all: indexed with one shift */
} part_state_t;
static part_state_t parts[RP_PART_MAX];
static uint64_t ns_agent_stack[RP_NS_AGENT_STACK / 8];
/* The main stack pointer while no exception is active (recorded at the start). */
__attribute__((used)) static uint32_t msp_base;

static void fail_messages(int part);

/* ---- scheduling --------------------------------------------------------------------- */

/* Callers in thread mode hold a critical section: interrupt handlers ready threads too. */
static inline void make_ready(thread_t *t)
{
    t->state = T_ACTIVE;
    ready |= t->bit;
}

static void request_switch(void)
{
    ICSR = ICSR_PENDSVSET;
    __asm volatile("dsb\n\tisb" ::: "memory");
}

/* No thread ready: sleep until an interrupt. PRIMASK holds the interrupt off between
 * the test and WFI (WFI still wakes on it), so a thread it readies is not slept through. */
static void idle(void)
{
    __asm volatile("cpsid i" ::: "memory");
    if (ready == 0) {
        __asm volatile("wfi");
    }
    __asm volatile("cpsie i" ::: "memory");
}

/* Lets the highest-priority ready thread run; returns when this thread runs again. PendSV
 * picks the thread itself, so a thread an interrupt readied meanwhile is not missed.
 * With no thread ready the core sleeps until an interrupt readies one. */
static inline void schedule(void)
{
    uint32_t r;
    while ((r = ready) == 0) {
        idle();
    }
    if ((r & (0u - r)) != rp_cur_thread->bit) {
        request_switch();
    }
}

/* The running thread has just blocked (state set, its bit in `ready` cleared, in a
 * critical section): switch away, and return when it is ready and runs again. Its own
 * bit is clear, so whatever is ready is another thread and needs no priority test (the
 * direct hand-off: the server a client just woke gets the CPU in one PendSV). No
 * barrier after pending PendSV: until it is taken this thread's bit stays clear and the
 * loop pends it again. With no thread ready (PendSV then resumes this one) the core
 * sleeps until an interrupt readies one. */
static inline void switch_away(thread_t *self)
{
    for (;;) {
        ICSR = ICSR_PENDSVSET;
        uint32_t r = ready;
        if (r & self->bit) {
            return;
        }
        if (r == 0) {
            idle();
        }
    }
}

/* Marks the running thread t blocked in `state` (caller holds a critical section). */
static inline void set_blocked(thread_t *t, uint8_t state)
{
    t->state = state;
    ready &= ~t->bit;
}

/* A special register's value (CONTROL in handler mode: the thread's nPRIV). */
#define MRS(reg)                                          \
    __extension__({                                       \
        uint32_t v_;                                      \
        __asm volatile("mrs %0, " #reg : "=r"(v_));       \
        v_;                                               \
    })

#define STR(x) #x
#define XSTR(x) STR(x)

/* The incoming unprivileged thread's MPU regions (levels 2 and 3); PendSV calls it only
 * when they are not the ones in place (rp_isolation_programmed). */
#if RP_ISOLATION > 1
#define SAVE_CONTROL                                                                      \
    "mrs r0, control\n\t"                                                                \
    "strb r0, [r2, #" XSTR(THREAD_CONTROL) "]\n\t"
#define SWITCH_ISOLATION                                                                  \
    "ldrb r0, [r2, #" XSTR(THREAD_CONTROL) "]\n\t"                                       \
    "msr control, r0\n\t"                                                                \
    "ldrb r0, [r2, #" XSTR(THREAD_UNPRIV) "]\n\t"                                        \
    "cbz r0, 2f\n\t"                                                                     \
    "ldrsb r0, [r2, #" XSTR(THREAD_OWN_PART) "]\n\t"                                     \
    "ldr r1, =rp_isolation_programmed\n\t"                                               \
    "ldr r1, [r1]\n\t"                                                                   \
    "cmp r0, r1\n\t"                                                                     \
    "beq 2f\n\t"                                                                         \
    "push {r2, r3}\n\t"                                                                  \
    "bl rp_isolation_switch\n\t"                                                         \
    "pop {r2, r3}\n\t"                                                                   \
    "2:\n\t"
/* PendSV's assembly names these, which LTO does not see: this keeps them */
__attribute__((used)) static void (*const isolation_switch_kept)(int) = rp_isolation_switch;
__attribute__((used)) static int *const isolation_programmed_kept = &rp_isolation_programmed;
#else
#define SAVE_CONTROL     /* level 1: every thread is privileged, CONTROL stays 2 */
#define SWITCH_ISOLATION
#endif

/* The thread switch: saves r4-r11 and EXC_RETURN on the outgoing thread's stack (the
 * exception frame holds the rest), its stack pointer and, at levels 2 and 3, its CONTROL
 * in its thread_t, makes the
 * lowest set bit of `ready` the running thread (none ready: the current one resumes and
 * waits), sets rp_spm.running, PSPLIM and, at levels 2 and 3, CONTROL and the MPU
 * regions, and returns into the incoming thread. */
__attribute__((naked)) void PendSV_Handler(void)
{
    __asm volatile(
        "mrs r0, psp\n\t"
        "stmdb r0!, {r4-r11, lr}\n\t"
        "ldr r1, =rp_sched\n\t"
        "ldrd r2, r3, [r1, #" XSTR(SCHED_CUR) "]\n\t"   /* cur, ready */
        "str r0, [r2, #" XSTR(THREAD_SP) "]\n\t"
        SAVE_CONTROL
        "cbz r3, 1f\n\t"
        "rbit r3, r3\n\t"
        "clz r3, r3\n\t"
        "ldr r2, =rp_ipc_threads\n\t"
        "add r2, r2, r3, lsl #" XSTR(THREAD_SIZE_LOG2) "\n\t"
        "str r2, [r1, #" XSTR(SCHED_CUR) "]\n\t"
        "1:\n\t"
        "ldrsb r0, [r2, #" XSTR(THREAD_PART) "]\n\t"
        "ldr r1, =rp_spm\n\t"
        "str r0, [r1, #" XSTR(SPM_RUNNING) "]\n\t"
        SWITCH_ISOLATION
        "ldrd r0, r1, [r2, #" XSTR(THREAD_SP) "]\n\t"    /* sp, limit */
        "msr psplim, r1\n\t"
        "ldmia r0!, {r4-r11, lr}\n\t"
        "msr psp, r0\n\t"
        "bx lr\n\t"
        ".ltorg\n\t");
}

/* ---- threads ------------------------------------------------------------------------ */

static inline void wake_if_waiting(int part)
{
    thread_t *t = parts[part].thread;
    if (t->state == T_WAIT_SIGNAL && (parts[part].asserted & t->wait_mask)) {
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

/* The next thread of threads[], numbered. */
static thread_t *new_thread(void)
{
    thread_t *t = &threads[n_threads];
    t->index = n_threads++;
    t->bit = 1u << t->index;
    return t;
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
            thread_t *t = new_thread();
            t->sp = initial_frame(part->stack, part->stack_size, part->entry);
            t->limit = (uint32_t *)(void *)part->stack;
            t->top = (uintptr_t)part->stack + part->stack_size;
            t->part = t->own_part = (int8_t)p;
            t->prio = part->priority;
            t->unpriv = (uint8_t)rp_isolation_unprivileged(p);
            t->control = t->unpriv ? 3u : 2u; /* SPSEL (PSP), nPRIV */
            parts[p].thread = t;
            parts[p].services = ((1u << part->n_services) - 1u) << RP_SIGNAL_FIRST_BIT;
            make_ready(t);
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
    thread_t *agent = new_thread();
    agent->limit = (uint32_t *)(void *)ns_agent_stack;
    agent->part = agent->own_part = -1;
    agent->prio = 255;
    agent->control = 2u;
    rp_cur_thread = agent;
    make_ready(agent);
    after_start = then;
    SHPR3 |= 0xFFu << 16; /* PendSV: the lowest priority */
    /* SVCall too: the API calls it runs (levels 2, 3) are preempted by every interrupt,
     * as thread-mode code is, and a switch they request follows them */
    SHPR2 |= 0xFFu << 24;
    uint32_t *top = (uint32_t *)(void *)((uint8_t *)ns_agent_stack + sizeof ns_agent_stack);
    __asm volatile(
        "msr psplim, %0\n\t"
        "msr psp, %1\n\t"
        "mrs r3, msp\n\t"
        "str r3, [%3]\n\t"      /* from here on the main stack is the handlers' alone */
        "mrs r3, control\n\t"
        "orr r3, r3, #2\n\t"      /* SPSEL: thread mode uses PSP from here on */
        "msr control, r3\n\t"
        "isb\n\t"
        "bx %2\n\t"
        : : "r"(agent->limit), "r"(top), "r"(agent_main), "r"(&msp_base) : "r3", "memory");
    __builtin_unreachable();
}

/* ---- the backend interface ---------------------------------------------------------- */

uint8_t rp_backend_thread(void)
{
    return rp_cur_thread->index;
}

int rp_backend_caller_unprivileged(void)
{
    return RP_ISOLATION > 1 && rp_cur_thread->unpriv; /* level 1: nothing unprivileged */
}

/* ---- unprivileged partitions: the SVC path into the API (psa_api.c) ----------------- */

#define RP_SVC_API    1

/* Where an API implementation returns on the SVC path (the SVC handler makes it the
 * implementation's return address): still privileged, on the partition's own thread and
 * stack, r0 holding the result, and the partition's return address at the top of that
 * stack (its API entry pushed it, psa_api.c). Drops privilege (privileged code may set
 * CONTROL.nPRIV; only clearing it needs an exception, so leaving costs no second SVC),
 * then pops the return address, unprivileged. A switch in between saves and restores
 * CONTROL with the thread (PendSV). r1 changes, as the call lets it. */
__attribute__((naked, used)) void rp_api_exit(void)
{
    __asm volatile(
        "movs r1, #3\n\t"       /* SPSEL | nPRIV */
        "msr control, r1\n\t"
        "isb\n\t"
        "pop {pc}\n\t");
}

/* Stops the running partition thread from Handler mode (a fault, or a bad SVC) and
 * switches away when the exception returns. Returns its partition, or -1 if the running
 * code is not an unprivileged partition's own (then the caller must not contain it). */
static int kill_running_from_handler(void)
{
    thread_t *t = rp_cur_thread;
    if (t->own_part < 0 || !t->unpriv || !(MRS(control) & 1u) || t->state == T_DEAD) {
        return -1;
    }
    rp_spm.panicked |= 1u << t->own_part;
    fail_messages(t->own_part);
    set_blocked(t, T_DEAD);
    if (ready == 0) {
        return -1;
    }
    ICSR = ICSR_PENDSVSET;
    return t->own_part;
}

/* Any SVC but an unprivileged partition's API call: the design makes none, so the
 * running partition is stopped (or, if the SVC did not come from one, the system). */
__attribute__((used)) void rp_svc_refused(void)
{
    if (kill_running_from_handler() < 0) {
        rp_platform_exit(RP_EXIT_FAULT);
    }
}

/* An SVC from an unprivileged partition thread (secure thread mode on PSP, no FP
 * context: EXC_RETURN 0xFFFFFFFD; CONTROL.nPRIV set, so not already in an API call) with
 * an implementation index below RP_API_COUNT in r12 is an API call (whatever the SVC's
 * immediate: the partition's API entries use RP_SVC_API). Anything else goes to
 * rp_svc_refused.
 *   index < RP_API_QUICK (never blocks): the handler calls rp_api_table[index] with the
 *       caller's r0-r3 on the main stack, puts the result in the frame's r0 and returns.
 *   otherwise: returns from the exception into rp_api_table[index], privileged, on the
 *       partition's own thread and stack with its r0-r3 and rp_api_exit as the return
 *       address; the frame's address is kept in the thread's api_frame.
 * Assembly: this is on the path of every API call at levels 2 and 3. */
/* The handler's assembly names the table, which LTO does not see: this keeps it. */
__attribute__((used)) static const uintptr_t *const api_table_kept = rp_api_table;
#define RP_API_COUNT_LITERAL 26 /* the assembly's copies of RP_API_COUNT, RP_API_QUICK */
#define RP_API_QUICK_LITERAL 19
typedef char api_count_literal_checked[(RP_API_COUNT == RP_API_COUNT_LITERAL &&
                                        RP_API_QUICK == RP_API_QUICK_LITERAL) ? 1 : -1];

__attribute__((naked)) void SVC_Handler(void)
{
    __asm volatile(
        "cmn lr, #3\n\t"                                  /* EXC_RETURN 0xFFFFFFFD */
        "bne 9f\n\t"
        "mrs r1, control\n\t"                             /* the thread's nPRIV */
        "lsls r1, r1, #31\n\t"
        "bpl 9f\n\t"
        "mrs r0, psp\n\t"
        "ldr r1, [r0, #16]\n\t"                          /* stacked r12: the index */
        "ldr r3, =rp_api_table\n\t"
        "cmp r1, #" XSTR(RP_API_QUICK_LITERAL) "\n\t"
        "bhs 1f\n\t"
        "ldr r12, [r3, r1, lsl #2]\n\t"
        "ldm r0, {r0-r3}\n\t"                            /* the caller's arguments */
        "blx r12\n\t"
        "mrs r1, psp\n\t"                                /* the frame, still */
        "str r0, [r1]\n\t"                               /* its result */
        "ldr pc, =0xFFFFFFFD\n\t"                        /* the EXC_RETURN tested above */
        "1:\n\t"
        "cmp r1, #" XSTR(RP_API_COUNT_LITERAL) "\n\t"
        "bhs 9f\n\t"
        "ldr r3, [r3, r1, lsl #2]\n\t"
        "bic r3, r3, #1\n\t"
        "ldr r1, =rp_api_exit\n\t"
        "strd r1, r3, [r0, #20]\n\t"                     /* stacked LR, PC */
        "ldr r2, =rp_sched\n\t"
        "ldr r2, [r2, #" XSTR(SCHED_CUR) "]\n\t"
        "str r0, [r2, #" XSTR(THREAD_API_FRAME) "]\n\t"
        "movs r1, #2\n\t"
        "msr control, r1\n\t"
        "bx lr\n\t"
        "9:\n\t"
        "b rp_svc_refused\n\t"
        ".ltorg\n\t");
}

/* A programmer error found by an API call that runs in the SVC handler (index below
 * RP_API_QUICK): the panic continues in thread mode, where it can stop the thread and
 * unwind an SFN service. Makes the caller's exception frame return into rp_api_panic,
 * privileged, on its own stack (as a thread-mode API call runs), drops the handler's
 * frames from the main stack, unmasks (nothing in the handler path needs BASEPRI across
 * a panic) and returns from the exception. */
__attribute__((naked, noreturn, used)) static void panic_in_thread_mode(void)
{
    __asm volatile(
        "mrs r0, psp\n\t"
        "ldr r1, =rp_api_panic\n\t"
        "bic r1, r1, #1\n\t"
        "mov r2, #0x01000000\n\t"                        /* xPSR: Thumb */
        "strd r1, r2, [r0, #24]\n\t"                     /* stacked PC, xPSR */
        "movs r1, #2\n\t"
        "msr control, r1\n\t"
        "movs r1, #0\n\t"
        "msr basepri, r1\n\t"
        "ldr r1, =msp_base\n\t"
        "ldr r1, [r1]\n\t"
        "msr msp, r1\n\t"
        "mvn lr, #2\n\t"                                 /* EXC_RETURN 0xFFFFFFFD */
        "bx lr\n\t"
        ".ltorg\n\t");
}

#define IPSR_SVCALL 11u

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
    thread_t *self = rp_cur_thread;
    msg_slot_t **tail = &parts[p].queue;
    while (*tail != NULL) {
        tail = &(*tail)->next;
    }
    m->next = NULL;
    *tail = m;
    /* signal, wake the server, block (the caller stays T_ACTIVE: its clear bit in `ready`
     * says it waits for the reply): one critical section, one update of `ready`, then one
     * switch */
    part_state_t *ps = &parts[p];
    uint32_t c = rp_crit_enter();
    psa_signal_t now = ps->asserted | m->svc->signal;
    ps->asserted = now;
    thread_t *server = ps->thread;
    uint32_t woken = 0;
    if (server->state == T_WAIT_SIGNAL && (now & server->wait_mask)) {
        server->state = T_ACTIVE;
        woken = server->bit;
    }
    ready = (ready | woken) & ~self->bit;
    rp_crit_exit(c);
    switch_away(self);
    return m->status;
}

/* Answers a message of a dead partition and readies its client. */
static void fail_message(msg_slot_t *m)
{
    m->status = m->msg.type == PSA_IPC_CONNECT ? PSA_ERROR_CONNECTION_REFUSED
                                               : PSA_ERROR_SERVICE_FAILURE;
    make_ready(&threads[m->client]);
}

/* Answers every message of a dead partition, queued or taken, and readies its clients. */
static void fail_messages(int part)
{
    for (msg_slot_t *m = parts[part].queue; m != NULL; m = m->next) {
        fail_message(m);
    }
    parts[part].queue = NULL;
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
    if (RP_ISOLATION > 1 && MRS(ipsr) == IPSR_SVCALL) {
        panic_in_thread_mode(); /* comes back here in thread mode, through rp_api_panic */
    }
    thread_t *t = rp_cur_thread;
    if (t->part != t->own_part) {
        rp_spm_unwind_sfn(t->part); /* an SFN service running on this thread */
    }
    uint32_t c = rp_crit_enter();
    fail_messages(part);
    set_blocked(t, T_DEAD);
    rp_crit_exit(c);
    for (;;) {
        schedule();
    }
}

/* An IPC partition runs on its own thread only, an SFN partition on its caller's, so
 * the running partition is an IPC one exactly when it is the thread's own. */
psa_signal_t rp_backend_wait(int part, psa_signal_t mask, uint32_t timeout)
{
    thread_t *t = rp_cur_thread;
    if (t->own_part != part) {
        while (timeout == PSA_BLOCK && (parts[part].asserted & mask) == 0) {
            __asm volatile("wfi"); /* an SFN partition has no thread to block */
        }
        return parts[part].asserted & mask;
    }
    for (;;) {
        /* checking and blocking are one step: an interrupt's signal cannot fall between */
        uint32_t c = rp_crit_enter();
        psa_signal_t got = parts[part].asserted & mask;
        if (got != 0 || timeout == PSA_POLL) {
            rp_crit_exit(c);
            return got;
        }
        t->wait_mask = mask;
        set_blocked(t, T_WAIT_SIGNAL);
        rp_crit_exit(c);
        switch_away(t);
        /* woken because a signal of the mask is asserted; only this thread clears its
         * signals, so one read (a word: no critical section) finds it */
        got = parts[part].asserted & mask;
        if (got != 0) {
            return got;
        }
    }
}

msg_slot_t *rp_backend_get(int part, psa_signal_t signal)
{
    msg_slot_t **link = &parts[part].queue, *m;
    while ((m = *link) != NULL && m->svc->signal != signal) {
        link = &m->next;
    }
    if (m == NULL) {
        return NULL;
    }
    msg_slot_t *rest = m->next;
    *link = rest;
    rp_spm.live[RP_LIVE_CLIENT(m->client)] = m; /* its handle works from now on */
    while (rest != NULL && rest->svc->signal != signal) {
        rest = rest->next;
    }
    if (rest == NULL) { /* no other message for this service */
        (void)__atomic_fetch_and(&parts[part].asserted, ~signal, __ATOMIC_RELAXED);
    }
    return m;
}

void rp_backend_reply(msg_slot_t *m, psa_status_t status)
{
    rp_spm.live[RP_LIVE_CLIENT(m->client)] = NULL; /* its handle is stale from now on */
    m->status = status;
    thread_t *client = &threads[m->client]; /* T_ACTIVE all along */
    (void)__atomic_fetch_or(&ready, client->bit, __ATOMIC_RELAXED);
    /* threads are numbered in priority order: a client of higher priority runs now; a
     * thread an interrupt readied has had PendSV pended by the handler already */
    if (client->bit < rp_cur_thread->bit) {
        request_switch();
    }
}

void rp_backend_signal(int part, psa_signal_t signal)
{
    uint32_t c = rp_crit_enter();
    parts[part].asserted |= signal;
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
    parts[part].asserted |= signal;
    if (rp_partitions[part].model == RP_MODEL_IPC) {
        wake_if_waiting(part);
        uint32_t r = ready;
        if ((r & (0u - r)) != rp_cur_thread->bit) {
            ICSR = ICSR_PENDSVSET;
        }
    }
}

psa_signal_t rp_backend_asserted(int part)
{
    return parts[part].asserted;
}

psa_signal_t rp_backend_takeable(int part)
{
    return parts[part].asserted & parts[part].services;
}

void rp_backend_clear(int part, psa_signal_t signal)
{
    uint32_t c = rp_crit_enter();
    parts[part].asserted &= ~signal;
    rp_crit_exit(c);
}

/* Where [p, p + n) (n > 0) lies for the running partition's API call (see
 * spm_internal.h): a privileged caller's buffers need no check. */
int rp_backend_stack_buffer(const void *p, size_t n)
{
    const thread_t *t = rp_cur_thread;
    if (!t->unpriv) {
        return RP_STACK_ABOVE;
    }
    /* the frame of its SVC: at PSP while the SVC handler runs the call, else where the
     * handler recorded it */
    uintptr_t frame = t->api_frame;
    if (MRS(ipsr) != 0) {
        frame = MRS(psp);
    }
    uintptr_t a = (uintptr_t)p, lo = (uintptr_t)t->limit, sp = frame + 32u;
    uintptr_t hi = t->top;
    if (a >= sp && a < hi && n <= hi - a) {
        return RP_STACK_ABOVE;
    }
    if (a < sp && (a >= lo || n > lo - a)) {
        return RP_STACK_BELOW; /* overlaps [lo, sp) */
    }
    return RP_STACK_OTHER;
}
