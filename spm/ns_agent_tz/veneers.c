/* veneers.c - the TrustZone NS agent: the secure gateway functions, the only code the
 * non-secure side may call. Each is a cmse_nonsecure_entry function; the linker emits its
 * SG veneer into the NSC region and lists it in the import library.
 *
 * A veneer runs on the secure stack of the interrupted secure thread. If an NS interrupt
 * handler (or a second NS thread) enters while a call is in progress, the veneer refuses
 * with PSA_ERROR_CONNECTION_BUSY instead of running the SPM re-entrantly: the NS side must
 * serialise its calls (docs/spm.md, "NS RTOS integration"). The SPM keeps the current NS
 * client id (rp_spm_set_ns_client) and its rp_spm_ns_* entry points are compiled for an
 * NS caller. psa_call's veneer takes the usual call through a quick path in assembly
 * (the handle by the generated rp_ns_stateless table; in the SFN build it runs the
 * service itself) and everything else through rp_spm_ns_call (rp_veneer_call, below). */
#include <stddef.h>

#include "psa/client.h"
#include "../spm_internal.h" /* the NS agent is part of the SPM */
#include "rp_manifest_config.h"
#include "rp_platform.h"

#define NSE __attribute__((cmse_nonsecure_entry))

/* Whether the agent runs a call, and its marking of one. SFN backend: rp_spm.running is
 * -1 exactly while the agent is idle (a service of its call runs as its partition; the
 * full path sets RP_AGENT_BUSY), so the quick path's test and the SFN run's own setting of
 * `running` are the guard (a call from an NS interrupt handler while the agent is idle
 * runs whole, nested). IPC backend: rp_spm.ns_in_call (the agent's thread blocks in a
 * call while partitions run), and no call from an NS exception handler at all (IPSR not
 * 0): its call would block the agent's thread in Handler mode, where PendSV, the lowest
 * priority, can never switch away. Testing IPSR also closes the window between the
 * in-call test and its setting: an interrupt's call is refused whenever it comes. */
#define RUNNING (*(volatile int *)&rp_spm.running)
#define IN_CALL (*(volatile uint8_t *)&rp_spm.ns_in_call)
#if RP_BACKEND_SFN
#define AGENT_BUSY()  (RUNNING != -1)
#define AGENT_ENTER() (RUNNING = RP_AGENT_BUSY)
#define AGENT_LEAVE() (RUNNING = -1)
#else
#define AGENT_BUSY()  (IN_CALL != 0 || ipsr() != 0)
#define AGENT_ENTER() (IN_CALL = 1)
#define AGENT_LEAVE() (IN_CALL = 0)
#endif

static inline uint32_t ipsr(void)
{
    uint32_t v;
    __asm volatile("mrs %0, ipsr" : "=r"(v));
    return v;
}

void rp_agent_init(void)
{
    /* The quick path lets TT refuse a NULL vector and an array that wraps: TT must never
     * grant NS access at address 0 or in the top 32 bytes (true of every SAU set-up that
     * leaves them secure, as AN521's does) */
    volatile uintptr_t zero = 0, top = 0xFFFFFFE0u;
    uint32_t ns_access = (1u << 20) | (1u << 21); /* TT: NSR, NSRW */
    if ((rp_tt_word(zero, CMSE_NONSECURE) | rp_tt_word(top, CMSE_NONSECURE)) & ns_access) {
        rp_platform_exit(RP_EXIT_FAULT);
    }
}

NSE uint32_t rp_veneer_framework_version(void)
{
    return PSA_FRAMEWORK_VERSION;
}

NSE uint32_t rp_veneer_version(uint32_t sid)
{
    if (AGENT_BUSY()) {
        return PSA_VERSION_NONE;
    }
    AGENT_ENTER();
    uint32_t v = rp_spm_ns_version(sid);
    AGENT_LEAVE();
    return v;
}

NSE psa_handle_t rp_veneer_connect(uint32_t sid, uint32_t version)
{
    if (AGENT_BUSY()) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    AGENT_ENTER();
    psa_handle_t h = rp_spm_ns_connect(sid, version);
    AGENT_LEAVE();
    return h;
}

/* psa_call's full path (rp_spm_ns_call): every case the quick path below leaves to it,
 * every error among them. Reached only from that path, whose entry has refused a call
 * in progress (an interrupt's call between there and here runs whole before this goes
 * on), so it does not test again. */
__attribute__((used)) static psa_status_t call_full(psa_handle_t handle, uint32_t packed,
                                                    const psa_invec *in_vec,
                                                    psa_outvec *out_vec)
{
    AGENT_ENTER();
    psa_status_t s = rp_spm_ns_call(handle, packed, in_vec, out_vec);
    AGENT_LEAVE();
    return s;
}

/* What the quick path relies on: the message fields it stores in pairs (STRD) or as one
 * word, the vector size, the table entry, the handle forms, the vector limit, the statuses
 * it returns itself. */
#define OFF(t, f) offsetof(t, f)
typedef char quick_path_layout_checked[
    (OFF(msg_slot_t, msg.type) == 0 && OFF(msg_slot_t, msg.handle) == 4 &&
     OFF(msg_slot_t, msg.rhandle) == OFF(msg_slot_t, msg.client_id) + 4 &&
     OFF(msg_slot_t, msg.out_size) == OFF(msg_slot_t, msg.in_size) + 16 &&
     OFF(msg_slot_t, out_len) == OFF(msg_slot_t, in_len) + 1 &&
     OFF(msg_slot_t, in_mapped) == OFF(msg_slot_t, in_len) + 2 &&
     OFF(msg_slot_t, out_mapped) == OFF(msg_slot_t, in_len) + 3 &&
     OFF(msg_slot_t, in_closed) == OFF(msg_slot_t, in_len) + 4 &&
     OFF(msg_slot_t, out_closed) == OFF(msg_slot_t, in_len) + 5 &&
     OFF(msg_slot_t, client) == OFF(msg_slot_t, in_len) + 6 &&
     OFF(msg_slot_t, partition) == OFF(msg_slot_t, in_len) + 8 &&
     OFF(msg_slot_t, in_len) % 4 == 0 &&
     OFF(msg_slot_t, landing) == OFF(msg_slot_t, svc) + 4 && sizeof(psa_invec) == 8 &&
     sizeof(rp_ns_stateless_t) == 16 && OFF(rp_ns_stateless_t, svc) == 0 &&
     OFF(rp_ns_stateless_t, key) == 4 && OFF(rp_ns_stateless_t, span) == 8 &&
     OFF(rp_ns_stateless_t, partition) == 12 &&
     RP_MSG_HANDLE == 0x20000000 && PSA_ERROR_CONNECTION_BUSY == -131 &&
     PSA_ERROR_SERVICE_FAILURE == -144 && PSA_MAX_IOVEC == 4) ? 1 : -1];

/* The frame: r0-r11 and lr (52 bytes), then the message; 8-byte aligned for the calls.
 * The full path runs with the message's room given back: a call the quick path leaves
 * (a connection's, an unprivileged NS thread's) then takes 40 bytes of secure stack more
 * than it did before the quick path, not the message's 150 more. */
#define SAVED 52
#define FRAME (((sizeof(msg_slot_t) + SAVED + 7u) & ~7u) - SAVED)

/* The quick path's vector step (take_vectors_as for a privileged NS caller): `n` vectors
 * (a count register, 0..4) of the caller's array at register `arr` (advanced). The array
 * must be word-aligned (rp_iovec_array_aligned: it is read by LDRD) and lie in one TT
 * region with the permission bit `perm` (TTA: NS view); each vector
 * is copied to the message at `vec` (its length also to `size`), must not reach the top
 * of memory, and must lie in one region with `perm`. n == 0 goes to label `skip`; a
 * failure to 9f. TT alone refuses, by rp_agent_init's check, an array that wraps (its
 * first byte is in the top 32) and a NULL vector. An empty vector is tested as the bytes
 * base - 1 and base: when the full path would take it and this does not (base NULL or at
 * a region's start), the full path does. Uses r0, r1, r9-r12. */
#define TAKE_VECTORS(n, arr, perm, vec, size, skip) \
    "cbz " n ", " skip "\n\t"                        \
    "lsls r9, " arr ", #30\n\t"                      \
    "bne 9f\n\t"                                     \
    "add r9, " arr ", " n ", lsl #3\n\t"             \
    "subs r9, r9, #1\n\t"                            \
    "tta r10, " arr "\n\t"                           \
    "tta r11, r9\n\t"                                \
    "cmp r10, r11\n\t"                               \
    "bne 9f\n\t"                                     \
    "tst r10, " perm "\n\t"                          \
    "beq 9f\n\t"                                     \
    "add r10, sp, " vec "\n\t"                       \
    "add r11, sp, " size "\n"                        \
    "2:\n\t"                                         \
    "ldrd r0, r1, [" arr "], #8\n\t"                 \
    "strd r0, r1, [r10], #8\n\t"                     \
    "str r1, [r11], #4\n\t"                          \
    "adds r1, r0, r1\n\t"                            \
    "bcs 9f\n\t"                                     \
    "subs r1, r1, #1\n\t"                            \
    "tta r9, r0\n\t"                                 \
    "tta r12, r1\n\t"                                \
    "cmp r9, r12\n\t"                                \
    "bne 9f\n\t"                                     \
    "tst r9, " perm "\n\t"                           \
    "beq 9f\n\t"                                     \
    "subs " n ", " n ", #1\n\t"                      \
    "bne 2b\n\t"

#if RP_BACKEND_SFN
/* SFN: the partition free (live[p] NULL: neither serving nor panicked, rp_spm_gone) */
#define QUICK_SERVER                                                                    \
    "ldr r0, [r4, r8, lsl #2]\n\t"                                                     \
    "cbz r0, 1f\n\t" /* (9f is beyond CBNZ's reach) */                                  \
    "b 9f\n"                                                                           \
    "1:\n\t"
/* SFN: run_sfn and sfn_invoke, with this frame as the panic landing (landing NULL): m
 * gets its handle (msg_post), is live, its partition runs; then free and the agent idle.
 * rp_agent_quick_unwind enters at 16 with live[p] set to rp_spm_gone. */
#define QUICK_DELIVER                                                                   \
    "ldr r9, [r4, %[s_gen]]\n\t"                                                       \
    "add r9, r9, #0x10000\n\t"                                                         \
    "str r9, [r4, %[s_gen]]\n\t"                                                       \
    "orr r9, r8, r9, lsr #8\n\t"                                                       \
    "orr r9, r9, #0x20000000\n\t" /* RP_MSG_HANDLE | generation << 8 | partition */   \
    "str r9, [sp, %[m_msg_handle]]\n\t"                                                \
    "str r9, [sp, %[m_handle]]\n\t"                                                    \
    "str r8, [r4, %[s_running]]\n\t"                                                   \
    "mov r0, sp\n\t"                                                                   \
    "str r0, [r4, r8, lsl #2]\n\t"                                                     \
    "ldr r1, [r5, %[svc_sfn]]\n\t"                                                     \
    "blx r1\n\t"                                                                       \
    "movs r1, #0\n\t"                                                                  \
    "str r1, [r4, r8, lsl #2]\n"                                                       \
    "16:\n\t"                                                                          \
    "mvn r1, #0\n\t"                                                                   \
    "str r1, [r4, %[s_running]]\n\t"
#else
/* IPC: the partition alive, and an SFN one free */
#define QUICK_SERVER                                                                    \
    "ldr r9, [r4, %[s_panicked]]\n\t"                                                  \
    "lsr r9, r9, r8\n\t"                                                               \
    "lsls r9, r9, #31\n\t"                                                             \
    "bmi 9f\n\t"                                                                       \
    "ldr r9, [r5, %[svc_sfn]]\n\t"                                                     \
    "cmp r9, #0\n\t"                                                                   \
    "beq 1f\n\t"                                                                       \
    "ldr r9, [r4, r8, lsl #2]\n\t"                                                     \
    "cmp r9, #0\n\t"                                                                   \
    "bne 9f\n"                                                                         \
    "1:\n\t"
/* IPC: the agent in a call, the message to rp_spm_deliver_sfn or _ipc (C) */
#define QUICK_DELIVER                                                                   \
    "movs r0, #1\n\t"                                                                  \
    "strb r0, [r4, %[s_in_call]]\n\t"                                                  \
    "mov r0, sp\n\t"                                                                   \
    "ldr r1, [r5, %[svc_sfn]]\n\t"                                                     \
    "cbz r1, 11f\n\t"                                                                  \
    "bl rp_spm_deliver_sfn\n\t"                                                        \
    "b 12f\n"                                                                          \
    "11:\n\t"                                                                          \
    "bl rp_spm_deliver_ipc\n"                                                          \
    "12:\n\t"                                                                          \
    "movs r1, #0\n\t"                                                                  \
    "strb r1, [r4, %[s_in_call]]\n\t"
#endif

/* psa_call. The usual call (a stateless handle, at most PSA_MAX_IOVEC vectors, from a
 * privileged NS thread, its service alive and free) goes the quick path, in assembly: it
 * makes every check call_full's path makes for that case (rp_stateless_lookup's, by the
 * generated rp_ns_stateless table; the service state; take_vectors': each array and each
 * vector in one TT region with the NS permission, not NULL, not reaching the top of
 * memory; out_vecs disjoint), builds the message, and runs it (SFN: run_sfn's steps
 * here; IPC: rp_spm_deliver_sfn or _ipc). Whatever it does not accept, it leaves to
 * call_full untouched: it decides nothing, and changes no state before it has accepted
 * the call. In C, with take_vectors_as for an NS view:
 *
 *     if (agent busy) return PSA_ERROR_CONNECTION_BUSY;   (before it takes any stack)
 *     e = &rp_ns_stateless[index(handle)];
 *     if (e->key - handle > e->span || type > 0x7FFF || in_len + out_len > 4 ||
 *         CONTROL_NS.nPRIV || server not free (SFN: live[p]; IPC: panicked, or SFN busy))
 *         return call_full(...);
 *     msg_init(&m, ...); if (!take_vectors_as(&m, CMSE_NONSECURE, ...)) return call_full(...);
 *     status = run it;
 *     for each out_vec: out_vec[i].len = written; return status;
 *
 * (The TT test compares the words of the first and last byte always: within a 32-byte
 * block they are equal anyway.) It ends as the compiler ends an entry function, but for
 * r1-r3, which it restores to the caller's own values: r12 and the flags cleared, BXNS. */
NSE __attribute__((naked)) psa_status_t rp_veneer_call(psa_handle_t handle, uint32_t packed,
                                                       const psa_invec *in_vec,
                                                       psa_outvec *out_vec)
{
    (void)handle, (void)packed, (void)in_vec, (void)out_vec;
    __asm volatile(
        /* a call in progress (an NS interrupt's call): refused before any frame, on
         * whatever secure stack it interrupted */
#if RP_BACKEND_SFN
        "ldr r12, =rp_spm + %c[live]\n\t"
        "ldr r12, [r12, %[s_running]]\n\t"
        "adds r12, r12, #1\n\t" /* -1: idle */
#else
        "mrs r12, ipsr\n\t" /* an NS exception handler's call (AGENT_BUSY) */
        "cmp r12, #0\n\t"
        "bne 14f\n\t"
        "ldr r12, =rp_spm + %c[live]\n\t"
        "ldrb r12, [r12, %[s_in_call]]\n\t"
        "cmp r12, #0\n\t"
#endif
        "bne 14f\n\t"
        "push {r0-r11, lr}\n\t"
        "sub sp, %[frame]\n\t"
        "ldr r4, =rp_spm + %c[live]\n\t"
        /* the handle's entry: r5 service, r6 key, r7 span, r8 partition; it must match */
        "ldr r5, =rp_ns_stateless\n\t"
        "ubfx r6, r0, #8, %[bits]\n\t"
        "add r5, r5, r6, lsl #4\n\t"
        "ldm r5, {r5-r8}\n\t"
        "subs r6, r6, r0\n\t"
        "cmp r6, r7\n\t"
        "bhi 9f\n\t"
        /* type <= 0x7FFF (bit 31 clear), in_len + out_len <= 4, NS thread privileged */
        "ubfx r6, r1, #8, #8\n\t"
        "uxtb r7, r1\n\t"
        "add r9, r6, r7\n\t"
        "orr r9, r9, r1, asr #31\n\t"
        "mrs r10, control_ns\n\t"
        "orr r9, r9, r10, lsl #31\n\t"
        "cmp r9, #4\n\t"
        "bhi 9f\n\t"
        QUICK_SERVER
        /* the message (msg_init): type, client, no rhandle, sizes 0, counts, nothing
         * closed or mapped, partition, service, landing NULL */
        "movs r10, #0\n\t"
        "movs r11, #0\n\t"
        "lsrs r9, r1, #16\n\t"
        "str r9, [sp, %[m_type]]\n\t"
        "ldr r9, [r4, %[s_ns_client]]\n\t"
        "strd r9, r10, [sp, %[m_client]]\n\t"
        "strd r10, r11, [sp, %[m_sizes]]\n\t"
        "strd r10, r11, [sp, %[m_sizes] + 8]\n\t"
        "strd r10, r11, [sp, %[m_sizes] + 16]\n\t"
        "strd r10, r11, [sp, %[m_sizes] + 24]\n\t"
        "rev16 r9, r1\n\t"
        "uxth r9, r9\n\t" /* in_len | out_len << 8 */
        "strd r9, r10, [sp, %[m_lens]]\n\t"
        "strh r8, [sp, %[m_part]]\n\t"
        "strd r5, r10, [sp, %[m_svc]]\n\t"
        /* in_vec: the array NS readable, then each vector copied and checked */
        TAKE_VECTORS("r6", "r2", "%[nsr]", "%[m_in]", "%[m_sizes]", "3f")
        "3:\n\t"
        /* out_vec: the same, NS read-write */
        TAKE_VECTORS("r7", "r3", "%[nsrw]", "%[m_out]", "%[m_sizes] + 16", "5f")
        /* two or more out_vecs: disjoint */
        "ldrb r1, [sp, %[m_lens] + 1]\n\t"
        "cmp r1, #1\n\t"
        "bls 5f\n\t"
        "add r0, sp, %[m_out]\n\t"
        "bl rp_iovec_outvecs_overlap\n\t"
        "cmp r0, #0\n\t"
        "bne 9f\n"
        "5:\n\t"
        /* accepted: the call */
        QUICK_DELIVER
        /* each out_vec's len: the bytes written (the first here, the others at 17) */
        "ldrb r6, [sp, %[m_lens] + 1]\n\t"
        "cbz r6, 8f\n\t"
        "ldr r3, [sp, %[frame] + 12]\n\t"
        "ldr r1, [sp, %[m_sizes] + 16]\n\t"
        "ldr r2, [sp, %[m_out] + 4]\n\t"
        "subs r1, r1, r2\n\t"
        "str r1, [r3, #4]\n\t"
        "subs r6, r6, #1\n\t"
        "bne 17f\n"
        /* done: r1-r3 back to the caller's own values, the rest as an entry function */
        "8:\n\t"
        "add sp, %[frame] + 4\n\t"
        "pop {r1-r11, lr}\n\t"
        "mov r12, lr\n\t"
        "msr APSR_nzcvq, lr\n\t"
        "bxns lr\n"
        "17:\n\t"
        "add r7, sp, %[m_sizes] + 20\n\t"
        "add r8, sp, %[m_out] + 12\n\t"
        "adds r3, r3, #12\n"
        "10:\n\t"
        "ldr r1, [r7], #4\n\t"
        "ldr r2, [r8], #8\n\t"
        "subs r1, r1, r2\n\t"
        "str r1, [r3], #8\n\t"
        "subs r6, r6, #1\n\t"
        "bne 10b\n\t"
        "b 8b\n"
        /* not the usual call: the full path, with the arguments as they came */
        "9:\n\t"
        "add r0, sp, %[frame]\n\t"
        "ldm r0, {r0-r3}\n\t"
        "add sp, %[frame] + 12\n\t" /* the message's room is the full path's (r3's
                                       * slot stays: 8-byte alignment) */
        "bl %c[full]\n\t"
        "add sp, #4\n\t"
        "pop {r4-r11, lr}\n"
        "15:\n\t"
        "mov r1, lr\n\t"
        "mov r2, lr\n\t"
        "mov r3, lr\n\t"
        "mov r12, lr\n\t"
        "msr APSR_nzcvq, lr\n\t"
        "bxns lr\n"
        "14:\n\t"
        "mvn r0, #130\n\t" /* PSA_ERROR_CONNECTION_BUSY */
        "b 15b\n\t"
#if RP_BACKEND_SFN
        /* rp_agent_quick_unwind(m): a panic in the service; m is this frame's bottom */
        ".global rp_agent_quick_unwind\n\t"
        ".type rp_agent_quick_unwind, %%function\n\t"
        ".thumb_func\n"
        "rp_agent_quick_unwind:\n\t"
        "mov sp, r0\n\t"
        "ldr r4, =rp_spm + %c[live]\n\t"
        "ldrh r8, [sp, %[m_part]]\n\t"
        "ldr r1, =rp_spm_gone\n\t"
        "str r1, [r4, r8, lsl #2]\n\t"
        "mvn r0, #143\n\t" /* PSA_ERROR_SERVICE_FAILURE */
        "b 16b\n\t"
#endif
        ".ltorg\n\t"
        :
        : [frame] "i"(FRAME), [full] "i"(call_full),
          [live] "i"(OFF(rp_spm_state_t, live)),
          [s_in_call] "i"(RP_SPM_OFF(ns_in_call)), [s_running] "i"(RP_SPM_OFF(running)),
          [s_gen] "i"(RP_SPM_OFF(gen)), [s_ns_client] "i"(RP_SPM_OFF(ns_client)),
          [s_panicked] "i"(RP_SPM_OFF(panicked)),
          [bits] "i"(RP_NS_STATELESS_BITS), [svc_sfn] "i"(OFF(rp_service_t, sfn)),
          [m_type] "i"(OFF(msg_slot_t, msg.type)),
          [m_msg_handle] "i"(OFF(msg_slot_t, msg.handle)),
          [m_handle] "i"(OFF(msg_slot_t, handle)),
          [m_client] "i"(OFF(msg_slot_t, msg.client_id)),
          [m_sizes] "i"(OFF(msg_slot_t, msg.in_size)), [m_in] "i"(OFF(msg_slot_t, in)),
          [m_out] "i"(OFF(msg_slot_t, out)), [m_lens] "i"(OFF(msg_slot_t, in_len)),
          [m_part] "i"(OFF(msg_slot_t, partition)), [m_svc] "i"(OFF(msg_slot_t, svc)),
          [nsr] "i"(1u << 20), [nsrw] "i"(1u << 21));
}

NSE psa_status_t rp_veneer_close(psa_handle_t handle)
{
    if (AGENT_BUSY()) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    AGENT_ENTER();
    rp_spm_ns_close(handle);
    AGENT_LEAVE();
    return PSA_SUCCESS;
}

NSE psa_status_t rp_veneer_ns_client_id(int32_t client_id)
{
    if (AGENT_BUSY()) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    if (client_id >= 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    rp_spm_set_ns_client(client_id);
    return PSA_SUCCESS;
}
