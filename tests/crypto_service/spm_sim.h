/* spm_sim.h - the partition's side of the SPM simulated on the host, for running
 * services/crypto/crypto_sp.c (and, through psa_call, the client library
 * interface/src/psa_crypto_ns.c) without QEMU. The rules are the SPM's (docs/spm.md):
 * psa_read/psa_skip give at most what is left of a vector; psa_write past the end of an
 * out_vec, or any mapping, is a fault of the partition (the test stops); psa_call refuses
 * more than four vectors in all and overlapping out_vecs as programmer errors. */
#ifndef SPM_SIM_H
#define SPM_SIM_H

#include <stddef.h>
#include <stdint.h>
#include "psa/client.h"

struct rp_sim {
    const uint8_t *in[PSA_MAX_IOVEC];
    size_t in_len[PSA_MAX_IOVEC], in_done[PSA_MAX_IOVEC];
    uint8_t *out[PSA_MAX_IOVEC];
    size_t out_len[PSA_MAX_IOVEC], out_done[PSA_MAX_IOVEC];
};

/* The message being served (set up by psa_call, or by a test directly). */
extern struct rp_sim rp_sim;

#endif
