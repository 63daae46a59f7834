/* psa_client_ns_tz.c - the PSA client API on the non-secure side of TrustZone: each call
 * goes to its secure gateway veneer. psa_call's six arguments are packed into four (the
 * type and counts share one word); values that cannot be packed are refused here, and the
 * secure side checks everything again.
 *
 * Serialisation: if the NS image defines rp_ns_lock and rp_ns_unlock (an NS RTOS: a
 * mutex), every call that reaches the SPM runs between them. They are weak references:
 * a bare-metal image defines neither, both are then NULL and a call goes straight to its
 * veneer (a tail call: no frame, no hook calls on the path of every psa_call).
 * docs/spm.md, "NS RTOS integration". */
#include "psa/client.h"
#include "rp_ns_client.h"
#include "rp_veneers.h"

#pragma weak rp_ns_lock
#pragma weak rp_ns_unlock

/* 1 if the image has the serialisation hooks (both or neither: rp_ns_client.h) */
static inline int locked(void)
{
    return rp_ns_lock != NULL;
}

/* The locked forms, out of line: the unlocked path then needs no frame (a tail call). */
__attribute__((noinline)) static uint32_t version_locked(uint32_t sid)
{
    rp_ns_lock();
    uint32_t v = rp_veneer_version(sid);
    rp_ns_unlock();
    return v;
}

__attribute__((noinline)) static psa_handle_t connect_locked(uint32_t sid, uint32_t version)
{
    rp_ns_lock();
    psa_handle_t h = rp_veneer_connect(sid, version);
    rp_ns_unlock();
    return h;
}

psa_status_t rp_ns_call_locked(psa_handle_t handle, uint32_t packed, const psa_invec *in_vec,
                               psa_outvec *out_vec); /* psa_call's locked form, below */

psa_status_t rp_ns_call_locked(psa_handle_t handle, uint32_t packed, const psa_invec *in_vec,
                               psa_outvec *out_vec)
{
    rp_ns_lock();
    psa_status_t s = rp_veneer_call(handle, packed, in_vec, out_vec);
    rp_ns_unlock();
    return s;
}

__attribute__((noinline)) static psa_status_t close_locked(psa_handle_t handle)
{
    rp_ns_lock();
    psa_status_t s = rp_veneer_close(handle);
    rp_ns_unlock();
    return s;
}

uint32_t psa_framework_version(void)
{
    return rp_veneer_framework_version();
}

uint32_t psa_version(uint32_t sid)
{
    return locked() ? version_locked(sid) : rp_veneer_version(sid);
}

psa_handle_t psa_connect(uint32_t sid, uint32_t version)
{
    return locked() ? connect_locked(sid, version) : rp_veneer_connect(sid, version);
}

/* psa_call is on the path of every call: a few instructions of assembly with no frame.
 * In C:
 *     if ((uint32_t)type > 0x7FFF || (in_len | out_len) > PSA_MAX_IOVEC)
 *         return PSA_ERROR_PROGRAMMER_ERROR;
 *     packed = RP_VENEER_CALL_PACK(type, in_len, out_len);
 *     return locked() ? rp_ns_call_locked(handle, packed, in_vec, out_vec)
 *                     : rp_veneer_call(handle, packed, in_vec, out_vec);
 * (in_len | out_len) > 4 also refuses some pairs whose sum is above 4, which the SPM
 * refuses with the same status anyway. GCC keeps four registers on the stack for this. */
typedef char programmer_error_is_minus_129[PSA_ERROR_PROGRAMMER_ERROR == -129 ? 1 : -1];
typedef char max_iovec_is_4[PSA_MAX_IOVEC == 4 ? 1 : -1];

__attribute__((naked)) psa_status_t psa_call(psa_handle_t handle, int32_t type,
                                             const psa_invec *in_vec, size_t in_len,
                                             psa_outvec *out_vec, size_t out_len)
{
    (void)handle, (void)type, (void)in_vec, (void)in_len, (void)out_vec, (void)out_len;
    __asm volatile(
        "cmp r1, #0x8000\n\t"        /* type in 0..0x7FFF */
        "bhs 1f\n\t"
        "ldr r12, [sp, #4]\n\t"      /* out_len */
        "orr r1, r12, r1, lsl #16\n\t"
        "orr r1, r1, r3, lsl #8\n\t" /* packed */
        "orr r3, r3, r12\n\t"
        "cmp r3, #4\n\t"             /* (in_len | out_len) <= PSA_MAX_IOVEC */
        "bhi 1f\n\t"
        "ldr r3, [sp]\n\t"           /* out_vec */
        "ldr r12, =rp_ns_lock\n\t"   /* weak: 0 without the hooks */
        "cmp r12, #0\n\t"
        "bne rp_ns_call_locked\n\t"
        "b rp_veneer_call\n"
        "1:\n\t"
        "mvn r0, #128\n\t"           /* PSA_ERROR_PROGRAMMER_ERROR */
        "bx lr\n\t"
        ".ltorg\n\t");
}

void psa_close(psa_handle_t handle)
{
    (void)(locked() ? close_locked(handle) : rp_veneer_close(handle));
}

psa_status_t rp_ns_client_set(int32_t client_id)
{
    return rp_veneer_ns_client_id(client_id);
}
