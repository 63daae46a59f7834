/* psa/service.h - PSA Firmware Framework for M 1.1, secure partition (service) API. */
#ifndef PSA_SERVICE_H
#define PSA_SERVICE_H

#include <stddef.h>
#include <stdint.h>
#include "psa/client.h"
#include "psa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PSA_POLL        (0x00000000u)
#define PSA_BLOCK       (0x80000000u)
#define PSA_WAIT_ANY    (0xFFFFFFFFu)
#define PSA_DOORBELL    (0x00000008u)

#define PSA_IPC_CONNECT    (-1)
#define PSA_IPC_DISCONNECT (-2)

#define PSA_FLIH_NO_SIGNAL ((psa_flih_result_t)0)
#define PSA_FLIH_SIGNAL    ((psa_flih_result_t)1)

typedef uint32_t psa_signal_t;
typedef int32_t psa_msg_type_t;
typedef uint32_t psa_flih_result_t;
typedef uint32_t psa_irq_status_t;

typedef struct psa_msg_t {
    int32_t type;
    psa_handle_t handle;
    int32_t client_id;
    void *rhandle;
    size_t in_size[PSA_MAX_IOVEC];
    size_t out_size[PSA_MAX_IOVEC];
} psa_msg_t;

psa_signal_t psa_wait(psa_signal_t signal_mask, uint32_t timeout);
psa_status_t psa_get(psa_signal_t signal, psa_msg_t *msg);
void psa_set_rhandle(psa_handle_t msg_handle, void *rhandle);
size_t psa_read(psa_handle_t msg_handle, uint32_t invec_idx, void *buffer, size_t num_bytes);
size_t psa_skip(psa_handle_t msg_handle, uint32_t invec_idx, size_t num_bytes);
void psa_write(psa_handle_t msg_handle, uint32_t outvec_idx, const void *buffer, size_t num_bytes);
void psa_reply(psa_handle_t msg_handle, psa_status_t status);
void psa_notify(int32_t partition_id);
void psa_clear(void);
void psa_eoi(psa_signal_t irq_signal);
void psa_panic(void);
void psa_irq_enable(psa_signal_t irq_signal);
psa_irq_status_t psa_irq_disable(psa_signal_t irq_signal);
void psa_reset_signal(psa_signal_t irq_signal);
const void *psa_map_invec(psa_handle_t msg_handle, uint32_t invec_idx);
void psa_unmap_invec(psa_handle_t msg_handle, uint32_t invec_idx);
void *psa_map_outvec(psa_handle_t msg_handle, uint32_t outvec_idx);
void psa_unmap_outvec(psa_handle_t msg_handle, uint32_t outvec_idx, size_t len);

#ifdef __cplusplus
}
#endif

#endif
