/* rp_spm.h - the partition manager's own contract: what the NS agent, the platform and
 * the service API use. The pure checks it relies on are in spm/core (rp_spm_core.h); the
 * partition tables are generated from the manifests (rp_spm_tables.h).
 *
 * A call enters through rp_spm_* with the caller's identity, is validated completely, and
 * only then changes state: a connection slot, the message stack, the partition it runs.
 * Programmer errors are converted in one place (rp_spm_caller_fault): an NS caller gets
 * PSA_ERROR_PROGRAMMER_ERROR, a secure partition is panicked. See docs/spm.md. */
#ifndef RP_SPM_H
#define RP_SPM_H

#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa/service.h"
#include "rp_spm_core.h"

/* Who is calling: the NS agent on behalf of an NS client, or a secure partition. */
typedef struct rp_caller {
    int32_t client_id; /* < 0: non-secure client; > 0: secure partition id */
    uint8_t ns;        /* 1: the pointers it passes are NS addresses */
} rp_caller_t;

/* psa_call's `packed` argument: type and vector counts in one word, as the NS interface
 * library packs it (RP_VENEER_CALL_PACK in rp_veneers.h). */

/* Boots the SPM: checks the tables, runs the SFN partitions' init functions.
 * out: 0, or -1 if a partition failed to initialise (it is marked panicked). */
int rp_spm_init(void);

/* Starts the partitions that have threads (IPC backend) and then calls `then` (entering
 * the NS image) on the NS agent's thread. Does not return. */
void rp_spm_start(void (*then)(void)) __attribute__((noreturn));

/* The client API for one caller. Pointers from an NS caller are NS addresses; the SPM
 * checks them with the TT instruction before it reads or writes through them. */
uint32_t rp_spm_version(const rp_caller_t *caller, uint32_t sid);
psa_handle_t rp_spm_connect(const rp_caller_t *caller, uint32_t sid, uint32_t version);
psa_status_t rp_spm_call(const rp_caller_t *caller, psa_handle_t handle, uint32_t packed,
                         const psa_invec *in_vec, psa_outvec *out_vec);
void rp_spm_close(const rp_caller_t *caller, psa_handle_t handle);

/* The same for the NS agent: the caller is the NS client last named with
 * rp_spm_set_ns_client (-1 until then; client_id < 0). Separate entry points so that the
 * NS path is compiled knowing its caller is NS. */
uint32_t rp_spm_ns_version(uint32_t sid);
psa_handle_t rp_spm_ns_connect(uint32_t sid, uint32_t version);
psa_status_t rp_spm_ns_call(psa_handle_t handle, uint32_t packed, const psa_invec *in_vec,
                            psa_outvec *out_vec);
void rp_spm_ns_close(psa_handle_t handle);
void rp_spm_set_ns_client(int32_t client_id);

/* The id of the partition running now (0 when none: the NS agent's own context). */
int32_t rp_spm_current_partition_id(void);

#endif
