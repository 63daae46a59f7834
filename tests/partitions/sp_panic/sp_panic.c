/* Regression partition P (SFN): fails on request. */
#include <stddef.h>
#include <string.h>

#include "psa/crypto.h"
#include "psa/service.h"
#include "psa_manifest/rp_sp_test_panic.h"
#include "psa_manifest/sid.h"
#include "rp_test_services.h"

/* Other partitions' memory, from the linker (cmake/partitions.cmake). */
extern char __rp_rp_sp_test_a_data_start[], __rp_rp_sp_test_b_data_start[];

#define TIMER0_S 0x50000000u
#define SPM_DATA 0x38000000u

static uint32_t touch(int type)
{
    switch (type) {
    case RP_TEST_PANIC_READ_PSA_ROT:
        return *(volatile uint32_t *)(void *)__rp_rp_sp_test_a_data_start;
    case RP_TEST_PANIC_WRITE_PSA_ROT:
        *(volatile uint32_t *)(void *)__rp_rp_sp_test_a_data_start = 0xBAD;
        return 0;
    case RP_TEST_PANIC_READ_PERIPH:
        return *(volatile uint32_t *)TIMER0_S;
    case RP_TEST_PANIC_READ_SPM:
        return *(volatile uint32_t *)SPM_DATA;
    case RP_TEST_PANIC_READ_AROT:
        return *(volatile uint32_t *)(void *)__rp_rp_sp_test_b_data_start;
    default:
        return 0;
    }
}

/* RP_TEST_PANIC_CRYPTO_HOG: hash operations and AES keys until the Crypto service says
 * no, then a panic with all of them still held. */
static void crypto_hog(void)
{
    static psa_hash_operation_t hash[8];
    static const uint8_t k[16];
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id;
    (void)psa_crypto_init();
    for (unsigned i = 0; i < 8; i++) {
        hash[i] = psa_hash_operation_init();
        if (psa_hash_setup(&hash[i], PSA_ALG_SHA_256) != PSA_SUCCESS)
            break;
    }
    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_ENCRYPT);
    psa_set_key_algorithm(&a, PSA_ALG_CTR);
    for (unsigned i = 0; i < 64; i++) {
        if (psa_import_key(&a, k, sizeof k, &id) != PSA_SUCCESS)
            break;
    }
    psa_panic();
}

/* RP_TEST_PANIC_UNMAP_TWICE / _MAP_TWICE: the marker shows the first map and unmap
 * were accepted, so the panic is the second one's. */
static void map_twice(const psa_msg_t *msg)
{
    static const uint32_t marker = RP_TEST_MAP_MARKER;
    (void)psa_map_invec(msg->handle, 0);
    psa_unmap_invec(msg->handle, 0);
    psa_write(msg->handle, 0, &marker, sizeof marker);
    if (msg->type == RP_TEST_PANIC_UNMAP_TWICE) {
        psa_unmap_invec(msg->handle, 0);
    } else {
        (void)psa_map_invec(msg->handle, 0);
    }
}

/* RP_TEST_PANIC_READ_BELOW_SP / _CALL_BELOW_SP: the marker, then an API call given memory
 * below the stack pointer (the partition's own stack, but where the SPM's frames of that
 * very call go): psa_read's buffer 64 bytes below it; for psa_call a valid out_vec array
 * 512 bytes below it (deeper than the frames reach while the SPM reads the array, so
 * that only the rule refuses it: the SPM writes the written length back there). */
static void below_sp(const psa_msg_t *msg)
{
    static const uint32_t marker = RP_TEST_MAP_MARKER;
    static uint8_t out[4];
    uintptr_t sp;
    __asm volatile("mov %0, sp" : "=r"(sp));
    psa_write(msg->handle, 0, &marker, sizeof marker);
    if (msg->type == RP_TEST_PANIC_READ_BELOW_SP) {
        (void)psa_read(msg->handle, 0, (void *)(sp - 64u), 8);
    } else {
        psa_outvec *ov = (psa_outvec *)(sp - 512u);
        ov->base = out;
        ov->len = sizeof out;
        (void)psa_call(RP_CRYPTO_HANDLE, 0, NULL, 0, ov, 1);
    }
}

/* RP_TEST_PANIC_BAD_SVC: the marker, then SVC 1 with an index beyond the API's in r12 */
static void bad_svc(const psa_msg_t *msg)
{
    static const uint32_t marker = RP_TEST_MAP_MARKER;
    psa_write(msg->handle, 0, &marker, sizeof marker);
    register uint32_t index __asm("r12") = 0xFFu;
    __asm volatile("svc #1" : "+r"(index) : : "r0", "r1", "r2", "r3", "lr", "memory");
}

/* RP_TEST_PANIC_GET_TWO_BITS / _GET_AGAIN: the marker, then a psa_get the SPM refuses */
static void bad_get(const psa_msg_t *msg)
{
    static const uint32_t marker = RP_TEST_MAP_MARKER;
    psa_write(msg->handle, 0, &marker, sizeof marker);
    psa_msg_t other;
    psa_signal_t s = msg->type == RP_TEST_PANIC_GET_TWO_BITS
                         ? RP_TEST_PANIC_SIGNAL | (RP_TEST_PANIC_SIGNAL << 1)
                         : RP_TEST_PANIC_SIGNAL;
    (void)psa_get(s, &other);
}

/* RP_TEST_PANIC_READ_MAPPED / _WRITE_MAPPED (see rp_test_services.h) */
static void use_mapped(const psa_msg_t *msg)
{
    uint32_t buf[2] = { 0, 0 };
    uint32_t *out = psa_map_outvec(msg->handle, 0);
    out[0] = RP_TEST_MAP_MARKER;
    psa_unmap_outvec(msg->handle, 0, sizeof out[0]);
    if (msg->type == RP_TEST_PANIC_READ_MAPPED) {
        (void)psa_map_invec(msg->handle, 0);
        (void)psa_read(msg->handle, 0, buf, sizeof buf);
    } else {
        psa_write(msg->handle, 0, buf, sizeof buf);
    }
}

psa_status_t rp_test_panic_sfn(const psa_msg_t *msg)
{
    static const uint8_t big[64];
    if (msg->type == RP_TEST_PANIC_NOW) {
        psa_panic();
    }
    if (msg->type == RP_TEST_PANIC_CRYPTO_HOG) {
        crypto_hog();
    }
    /* these return only if the SPM let the misuse through: then the call succeeds */
    if (msg->type == RP_TEST_PANIC_UNMAP_TWICE || msg->type == RP_TEST_PANIC_MAP_TWICE) {
        map_twice(msg);
        return PSA_SUCCESS;
    }
    if (msg->type == RP_TEST_PANIC_READ_BELOW_SP || msg->type == RP_TEST_PANIC_CALL_BELOW_SP) {
        below_sp(msg);
        return PSA_SUCCESS;
    }
    if (msg->type == RP_TEST_PANIC_READ_MAPPED || msg->type == RP_TEST_PANIC_WRITE_MAPPED) {
        use_mapped(msg);
        return PSA_SUCCESS;
    }
    if (msg->type == RP_TEST_PANIC_BAD_SVC) {
        bad_svc(msg);
        return PSA_SUCCESS;
    }
    if (msg->type == RP_TEST_PANIC_GET_TWO_BITS || msg->type == RP_TEST_PANIC_GET_AGAIN) {
        bad_get(msg);
        return PSA_SUCCESS;
    }
    if (msg->type == RP_TEST_PANIC_OVERWRITE) {
        psa_write(msg->handle, 0, big, msg->out_size[0] + 1);
    }
    uint32_t v = touch(msg->type);
    if (msg->out_size[0] >= sizeof v) {
        psa_write(msg->handle, 0, &v, sizeof v);
    }
    return PSA_SUCCESS;
}

/* IPC model (manifest_ipc.yaml): the same handler behind a psa_wait loop; and
 * RP_TEST_PANIC_GET, whose message it takes with psa_get into a psa_msg_t two bytes off
 * its alignment: a programmer error (the SPM's copy stores words). Were it let through,
 * the message would be answered PSA_SUCCESS. */
void rp_sp_test_panic_main(void)
{
    for (;;) {
        psa_signal_t s = psa_wait(PSA_WAIT_ANY, PSA_BLOCK);
        psa_msg_t msg;
        if ((s & RP_TEST_PANIC_SIGNAL) && psa_get(RP_TEST_PANIC_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, rp_test_panic_sfn(&msg));
        }
#ifdef RP_TEST_PANIC_GET_SIGNAL
        if (s & RP_TEST_PANIC_GET_SIGNAL) {
            static uint32_t raw[sizeof(psa_msg_t) / 4u + 1u];
            psa_msg_t *odd = (psa_msg_t *)(void *)((uint8_t *)raw + 2);
            if (psa_get(RP_TEST_PANIC_GET_SIGNAL, odd) == PSA_SUCCESS) {
                psa_handle_t h;
                memcpy(&h, (uint8_t *)raw + 2 + offsetof(psa_msg_t, handle), sizeof h);
                psa_reply(h, PSA_SUCCESS);
            }
        }
#endif
    }
}
