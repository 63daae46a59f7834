/* psa/client.h - PSA Firmware Framework for M 1.1, client API. */
#ifndef PSA_CLIENT_H
#define PSA_CLIENT_H

#include <stddef.h>
#include <stdint.h>
#include "psa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PSA_FRAMEWORK_VERSION (0x0101u) /* FF-M 1.1 */
#define PSA_VERSION_NONE      (0u)

#define PSA_NULL_HANDLE       ((psa_handle_t)0)
#define PSA_HANDLE_IS_VALID(handle) ((psa_handle_t)(handle) > 0)
#define PSA_HANDLE_TO_ERROR(handle) ((psa_status_t)(handle))

#define PSA_IPC_CALL          (0)
#define PSA_MAX_IOVEC         (4u)

typedef int32_t psa_handle_t;

typedef struct psa_invec {
    const void *base;
    size_t len;
} psa_invec;

typedef struct psa_outvec {
    void *base;
    size_t len;
} psa_outvec;

uint32_t psa_framework_version(void);
uint32_t psa_version(uint32_t sid);
psa_handle_t psa_connect(uint32_t sid, uint32_t version);
psa_status_t psa_call(psa_handle_t handle, int32_t type,
                      const psa_invec *in_vec, size_t in_len,
                      psa_outvec *out_vec, size_t out_len);
void psa_close(psa_handle_t handle);

#ifdef __cplusplus
}
#endif

#endif
