/* psa_api.c - the PSA client and service APIs as secure partitions call them. Each entry
 * runs its implementation (rp_api_*) directly when the caller is privileged; an
 * unprivileged partition (isolation levels 2 and 3) reaches it through SVC RP_SVC_API,
 * which runs the implementation in the SVC handler, or privileged on the caller's own
 * thread and stack for a call that may block (backend_ipc.c). At level 1 the entries are
 * plain calls. */
#include "psa/client.h"
#include "psa/lifecycle.h"
#include "psa/service.h"
#include "psa_manifest/pid.h"
#include "rp_platform.h"
#include "rp_veneers.h"
#include "spm_internal.h"

#define RP_SVC_API 1

/* ENTRY(ret, name, params, args, index, impl) defines the public function `name` of
 * implementation `impl` (VOID_ENTRY: returns nothing; LOCAL_*: for a static function).
 * Level 1: a plain call (every partition is privileged).
 * Levels 2 and 3: a naked entry. A privileged caller (a PSA-RoT partition at level 2, or
 * any handler) branches to the implementation with its arguments untouched. An
 * unprivileged one makes SVC RP_SVC_API with the implementation's index in r12 (backend_ipc.c):
 *   - index below RP_API_QUICK (ENTRY, VOID_ENTRY): the SVC handler runs the
 *     implementation and returns its result in r0, like a call;
 *   - the others (T_ENTRY, T_VOID_ENTRY: they may block): the entry pushes its return
 *     address; the SVC handler makes the exception return into the implementation,
 *     privileged, on the caller's own thread and stack, returning to rp_api_exit, which
 *     drops privilege and pops that return address. The code after the SVC never runs.
 * The callers see an ordinary AAPCS call (r0-r3, r12, lr may change).
 * The public entries also come as rp_svc_<name>, the SVC path alone: a partition that
 * always runs unprivileged calls it instead of <name> (rp_partition_svc.h). */
#if RP_ISOLATION > 1
/* the parameters are the implementation's, in r0-r3: the naked bodies do not name them */
#pragma GCC diagnostic ignored "-Wunused-parameter"
#define QUICK_PATH  "mov ip, %[nr]\n\tsvc %[svc]\n\tbx lr"
#define THREAD_PATH "push {lr}\n\tmov ip, %[nr]\n\tsvc %[svc]"
/* privileged: thread mode with nPRIV clear, or handler mode (a FLIH, whatever thread it
 * interrupted: an SVC there could not be taken) */
#define PRIV_TEST                                       \
    "mrs ip, control\n\ttst ip, #1\n\tbeq.w %c[fn]\n\t" \
    "mrs ip, ipsr\n\tcmp ip, #0\n\tbne.w %c[fn]\n\t"
#define NAKED(ret, name, params, text, index, ...)                                      \
    __attribute__((naked)) ret name params                                              \
    {                                                                                   \
        __asm volatile(text : : [nr] "i"(index), [svc] "i"(RP_SVC_API), ##__VA_ARGS__); \
    }
#define KIND_CHECK(name, index, quick) \
    typedef char name##_path_checked[((index) < RP_API_QUICK) == (quick) ? 1 : -1];
#define LOCAL_ENTRY(ret, name, params, args, index, impl)                               \
    NAKED(ret, name, params, PRIV_TEST QUICK_PATH, index, [fn] "i"(impl))              \
    KIND_CHECK(name, index, 1)
#define LOCAL_T_ENTRY(ret, name, params, args, index, impl)                             \
    NAKED(ret, name, params, PRIV_TEST THREAD_PATH, index, [fn] "i"(impl))             \
    KIND_CHECK(name, index, 0)
#define ENTRY(ret, name, params, args, index, impl)                                     \
    LOCAL_ENTRY(ret, name, params, args, index, impl)                                   \
    ret rp_svc_##name params;                                                           \
    NAKED(ret, rp_svc_##name, params, QUICK_PATH, index)
#define T_ENTRY(ret, name, params, args, index, impl)                                   \
    LOCAL_T_ENTRY(ret, name, params, args, index, impl)                                 \
    ret rp_svc_##name params;                                                           \
    NAKED(ret, rp_svc_##name, params, THREAD_PATH, index)
#define VOID_ENTRY ENTRY
#define T_VOID_ENTRY T_ENTRY
#define LOCAL_T_VOID_ENTRY LOCAL_T_ENTRY
#else
#define LOCAL_ENTRY(ret, name, params, args, index, impl) \
    ret name params                                       \
    {                                                     \
        return impl args;                                 \
    }
#define VOID_ENTRY(ret, name, params, args, index, impl) \
    ret name params                                      \
    {                                                    \
        impl args;                                       \
    }
#define ENTRY LOCAL_ENTRY
#define T_ENTRY LOCAL_ENTRY
#define LOCAL_T_ENTRY LOCAL_ENTRY
#define T_VOID_ENTRY VOID_ENTRY
#define LOCAL_T_VOID_ENTRY VOID_ENTRY
#endif

uint32_t psa_framework_version(void)
{
    return PSA_FRAMEWORK_VERSION;
}

ENTRY(uint32_t, psa_version, (uint32_t sid), (sid), RP_API_VERSION, rp_api_version)
T_ENTRY(psa_handle_t, psa_connect, (uint32_t sid, uint32_t version), (sid, version),
      RP_API_CONNECT, rp_api_connect)

/* psa_call's type and counts packed as the NS veneer packs them */
static LOCAL_T_ENTRY(psa_status_t, call_entry,
                     (psa_handle_t handle, uint32_t packed, const psa_invec *in_vec,
                      psa_outvec *out_vec),
                     (handle, packed, in_vec, out_vec), RP_API_CALL, rp_api_call)

psa_status_t psa_call(psa_handle_t handle, int32_t type, const psa_invec *in_vec,
                      size_t in_len, psa_outvec *out_vec, size_t out_len)
{
    if (type < PSA_IPC_CALL || type > 0x7FFF || in_len > PSA_MAX_IOVEC ||
        out_len > PSA_MAX_IOVEC) {
        psa_panic(); /* a secure caller's programmer error */
    }
    return call_entry(handle, RP_VENEER_CALL_PACK(type, in_len, out_len), in_vec, out_vec);
}

T_VOID_ENTRY(void, psa_close, (psa_handle_t handle), (handle), RP_API_CLOSE, rp_api_close)
#if RP_ISOLATION > 1 /* level 1: psa_wait, psa_get, psa_read, psa_write and psa_reply
                      * are in service_api.c */
T_ENTRY(psa_signal_t, psa_wait, (psa_signal_t signal_mask, uint32_t timeout),
      (signal_mask, timeout), RP_API_WAIT, rp_api_wait)
ENTRY(psa_status_t, psa_get, (psa_signal_t signal, psa_msg_t *msg), (signal, msg),
      RP_API_GET, rp_api_get)
#endif
VOID_ENTRY(void, psa_set_rhandle, (psa_handle_t msg_handle, void *rhandle),
           (msg_handle, rhandle), RP_API_SET_RHANDLE, rp_api_set_rhandle)
#if RP_ISOLATION > 1
ENTRY(size_t, psa_read,
      (psa_handle_t msg_handle, uint32_t invec_idx, void *buffer, size_t num_bytes),
      (msg_handle, invec_idx, buffer, num_bytes), RP_API_READ, rp_api_read)
#endif
ENTRY(size_t, psa_skip, (psa_handle_t msg_handle, uint32_t invec_idx, size_t num_bytes),
      (msg_handle, invec_idx, num_bytes), RP_API_SKIP, rp_api_skip)
#if RP_ISOLATION > 1
VOID_ENTRY(void, psa_write,
           (psa_handle_t msg_handle, uint32_t outvec_idx, const void *buffer,
            size_t num_bytes),
           (msg_handle, outvec_idx, buffer, num_bytes), RP_API_WRITE, rp_api_write)
VOID_ENTRY(void, psa_reply, (psa_handle_t msg_handle, psa_status_t status),
           (msg_handle, status), RP_API_REPLY, rp_api_reply)
#endif
VOID_ENTRY(void, psa_notify, (int32_t partition_id), (partition_id), RP_API_NOTIFY,
           rp_api_notify)
VOID_ENTRY(void, psa_clear, (void), (), RP_API_CLEAR, rp_api_clear)
VOID_ENTRY(void, psa_eoi, (psa_signal_t irq_signal), (irq_signal), RP_API_EOI, rp_api_eoi)
static LOCAL_T_VOID_ENTRY(void, panic_entry, (void), (), RP_API_PANIC, rp_api_panic)

void psa_panic(void)
{
    panic_entry();
    for (;;) {
    }
}

VOID_ENTRY(void, psa_irq_enable, (psa_signal_t irq_signal), (irq_signal),
           RP_API_IRQ_ENABLE, rp_api_irq_enable)
ENTRY(psa_irq_status_t, psa_irq_disable, (psa_signal_t irq_signal), (irq_signal),
      RP_API_IRQ_DISABLE, rp_api_irq_disable)
VOID_ENTRY(void, psa_reset_signal, (psa_signal_t irq_signal), (irq_signal),
           RP_API_RESET_SIGNAL, rp_api_reset_signal)
ENTRY(const void *, psa_map_invec, (psa_handle_t msg_handle, uint32_t invec_idx),
      (msg_handle, invec_idx), RP_API_MAP_INVEC, rp_api_map_invec)
VOID_ENTRY(void, psa_unmap_invec, (psa_handle_t msg_handle, uint32_t invec_idx),
           (msg_handle, invec_idx), RP_API_UNMAP_INVEC, rp_api_unmap_invec)
ENTRY(void *, psa_map_outvec, (psa_handle_t msg_handle, uint32_t outvec_idx),
      (msg_handle, outvec_idx), RP_API_MAP_OUTVEC, rp_api_map_outvec)
VOID_ENTRY(void, psa_unmap_outvec,
           (psa_handle_t msg_handle, uint32_t outvec_idx, size_t len),
           (msg_handle, outvec_idx, len), RP_API_UNMAP_OUTVEC, rp_api_unmap_outvec)
ENTRY(uint32_t, psa_rot_lifecycle_state, (void), (), RP_API_LIFECYCLE,
      rp_api_rot_lifecycle_state)

/* ---- system reset on behalf of the Platform partition --------------------------------
 * AIRCR is privileged: at isolation level 3 the Platform partition runs unprivileged, so
 * the SPM requests the reset for it (the secure side set AIRCR.SYSRESETREQS at boot).
 * Only the partition with the manifest name RP_PLATFORM_SP may ask; any other caller gets
 * PSA_ERROR_NOT_PERMITTED. Does not return on success. */
#define SCB_AIRCR (*(volatile uint32_t *)0xE000ED0Cu)
#define AIRCR_VECTKEY     0x05FA0000u
#define AIRCR_SYSRESETREQ (1u << 2)
#define AIRCR_KEEP        0x0000E008u /* PRIGROUP, PRIS, SYSRESETREQS, BFHFNMINS kept */

psa_status_t rp_api_system_reset(void)
{
#ifdef RP_PLATFORM_SP
    if (rp_spm_current_partition_id() == RP_PLATFORM_SP) {
        __asm volatile("dsb" ::: "memory");
        SCB_AIRCR = AIRCR_VECTKEY | (SCB_AIRCR & AIRCR_KEEP) | AIRCR_SYSRESETREQ;
        __asm volatile("dsb" ::: "memory");
        for (;;) {
        }
    }
#endif
    return PSA_ERROR_NOT_PERMITTED;
}

T_ENTRY(psa_status_t, rp_spm_system_reset, (void), (), RP_API_SYSTEM_RESET,
      rp_api_system_reset)

/* ---- the running secure image confirms itself, for the Platform partition -------------
 * The trailer of the secure primary slot is the SPM's own code region (the MPU leaves it
 * read-only to partitions), so the SPM writes image_ok for the Platform partition
 * (rp_platform_confirm_s_image), or reads its state (confirm == 0). Any other caller:
 * PSA_ERROR_NOT_PERMITTED. out: PSA_SUCCESS after a confirm, the state (0..2,
 * rp_platform_s_image_state) for a read; PSA_ERROR_BAD_STATE for a malformed trailer;
 * PSA_ERROR_STORAGE_FAILURE. */
psa_status_t rp_api_image_confirm(uint32_t confirm)
{
#ifdef RP_PLATFORM_SP
    if (rp_spm_current_partition_id() == RP_PLATFORM_SP) {
        int r = confirm ? rp_platform_confirm_s_image() : rp_platform_s_image_state();
        return r >= 0 ? (psa_status_t)r : r == -1 ? PSA_ERROR_BAD_STATE
                                                  : PSA_ERROR_STORAGE_FAILURE;
    }
#else
    (void)confirm;
#endif
    return PSA_ERROR_NOT_PERMITTED;
}

static LOCAL_T_ENTRY(psa_status_t, image_confirm_entry, (uint32_t confirm), (confirm),
                     RP_API_IMAGE_CONFIRM, rp_api_image_confirm)

psa_status_t rp_spm_image_confirm(void)
{
    return image_confirm_entry(1);
}

psa_status_t rp_spm_image_state(void)
{
    return image_confirm_entry(0);
}

/* ---- whether a client still exists ----------------------------------------------------
 * For services that keep state per client (the Crypto service's operations and volatile
 * keys): a secure partition that panicked never runs again, so what it owned can be freed.
 * NS clients belong to the NS agent and are never gone from here. in: a client id as
 * psa_msg_t gives it. out: 1 alive, 0 gone (a panicked partition, or no such partition). */
uint32_t rp_api_client_alive(uint32_t client)
{
    int32_t id = (int32_t)client;
    if (id < 0)
        return 1;
    for (uint32_t i = 0; i < rp_partition_count; i++) {
        if (rp_partitions[i].id == id)
            return !((rp_spm.panicked >> i) & 1u);
    }
    return 0;
}

static LOCAL_ENTRY(uint32_t, client_alive_entry, (uint32_t client), (client),
                   RP_API_CLIENT_ALIVE, rp_api_client_alive)

int rp_spm_client_alive(int32_t client_id)
{
    return (int)client_alive_entry((uint32_t)client_id);
}

/* The implementations by index, for the SVC path; the SVC handler bounds-checks the
 * index before it uses this table. */
const uintptr_t rp_api_table[RP_API_COUNT] = {
    [RP_API_VERSION] = (uintptr_t)rp_api_version,
    [RP_API_CONNECT] = (uintptr_t)rp_api_connect,
    [RP_API_CALL] = (uintptr_t)rp_api_call,
    [RP_API_CLOSE] = (uintptr_t)rp_api_close,
    [RP_API_WAIT] = (uintptr_t)rp_api_wait,
    [RP_API_GET] = (uintptr_t)rp_api_get,
    [RP_API_SET_RHANDLE] = (uintptr_t)rp_api_set_rhandle,
    [RP_API_READ] = (uintptr_t)rp_api_read,
    [RP_API_SKIP] = (uintptr_t)rp_api_skip,
    [RP_API_WRITE] = (uintptr_t)rp_api_write,
    [RP_API_REPLY] = (uintptr_t)rp_api_reply,
    [RP_API_NOTIFY] = (uintptr_t)rp_api_notify,
    [RP_API_CLEAR] = (uintptr_t)rp_api_clear,
    [RP_API_EOI] = (uintptr_t)rp_api_eoi,
    [RP_API_PANIC] = (uintptr_t)rp_api_panic,
    [RP_API_IRQ_ENABLE] = (uintptr_t)rp_api_irq_enable,
    [RP_API_IRQ_DISABLE] = (uintptr_t)rp_api_irq_disable,
    [RP_API_RESET_SIGNAL] = (uintptr_t)rp_api_reset_signal,
    [RP_API_MAP_INVEC] = (uintptr_t)rp_api_map_invec,
    [RP_API_UNMAP_INVEC] = (uintptr_t)rp_api_unmap_invec,
    [RP_API_MAP_OUTVEC] = (uintptr_t)rp_api_map_outvec,
    [RP_API_UNMAP_OUTVEC] = (uintptr_t)rp_api_unmap_outvec,
    [RP_API_LIFECYCLE] = (uintptr_t)rp_api_rot_lifecycle_state,
    [RP_API_SYSTEM_RESET] = (uintptr_t)rp_api_system_reset,
    [RP_API_CLIENT_ALIVE] = (uintptr_t)rp_api_client_alive,
    [RP_API_IMAGE_CONFIRM] = (uintptr_t)rp_api_image_confirm,
};
