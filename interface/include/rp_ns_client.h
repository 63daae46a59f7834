/* rp_ns_client.h - telling the secure side which non-secure client is calling.
 *
 * FF-M gives NS clients negative client IDs. A bare-metal NS image is one client (-1, the
 * default). An NS RTOS calls rp_ns_client_set() when it switches to a thread that makes
 * PSA calls, so services see distinct NS clients (e.g. for key ownership and storage
 * namespaces). The RTOS must serialise PSA calls across threads (one call in the secure
 * side at a time): see docs/spm.md, "NS RTOS integration". */
#ifndef RP_NS_CLIENT_H
#define RP_NS_CLIENT_H

#include <stdint.h>

#include "psa/error.h"

/* in:  client_id < 0.
 * out: PSA_SUCCESS; PSA_ERROR_INVALID_ARGUMENT for client_id >= 0 (nothing changes);
 *      PSA_ERROR_CONNECTION_BUSY if a PSA call is in progress (nothing changes). */
psa_status_t rp_ns_client_set(int32_t client_id);

/* Serialisation hooks of the NS interface library, defined by an NS RTOS (a mutex; both
 * or neither): every PSA call that enters the SPM then runs between rp_ns_lock() and
 * rp_ns_unlock(), so that calls from several threads are serialised. A bare-metal image
 * defines neither (they are weak references: its calls go straight to the veneers). */
void rp_ns_lock(void);
void rp_ns_unlock(void);

#endif
