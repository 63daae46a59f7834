/* spm_sim.c - see spm_sim.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "psa/client.h"
#include "psa/service.h"
#include "psa_manifest/rp_crypto_sp.h"
#include "psa_manifest/sid.h"
#include "rp_ns_client.h"
#include "spm_sim.h"
#include "rp_crypto_spm.h"

struct rp_sim rp_sim;
static int32_t ns_client = -1;

static void fault(const char *what)
{
    fprintf(stderr, "partition fault: %s\n", what);
    exit(1);
}

size_t psa_read(psa_handle_t h, uint32_t i, void *buf, size_t n)
{
    size_t left;
    (void)h;
    if (i >= PSA_MAX_IOVEC)
        fault("psa_read index");
    left = rp_sim.in_len[i] - rp_sim.in_done[i];
    n = n < left ? n : left;
    if (n)
        memcpy(buf, rp_sim.in[i] + rp_sim.in_done[i], n);
    rp_sim.in_done[i] += n;
    return n;
}

size_t psa_skip(psa_handle_t h, uint32_t i, size_t n)
{
    size_t left;
    (void)h;
    if (i >= PSA_MAX_IOVEC)
        fault("psa_skip index");
    left = rp_sim.in_len[i] - rp_sim.in_done[i];
    n = n < left ? n : left;
    rp_sim.in_done[i] += n;
    return n;
}

void psa_write(psa_handle_t h, uint32_t i, const void *buf, size_t n)
{
    (void)h;
    if (i >= PSA_MAX_IOVEC || n > rp_sim.out_len[i] - rp_sim.out_done[i])
        fault("psa_write past the end of an out_vec");
    if (n)
        memcpy(rp_sim.out[i] + rp_sim.out_done[i], buf, n);
    rp_sim.out_done[i] += n;
}

const void *psa_map_invec(psa_handle_t h, uint32_t i)
{
    (void)h; (void)i;
    fault("psa_map_invec");
    return NULL;
}

void psa_unmap_invec(psa_handle_t h, uint32_t i)
{
    (void)h; (void)i;
    fault("psa_unmap_invec");
}

void *psa_map_outvec(psa_handle_t h, uint32_t i)
{
    (void)h; (void)i;
    fault("psa_map_outvec");
    return NULL;
}

void psa_unmap_outvec(psa_handle_t h, uint32_t i, size_t n)
{
    (void)h; (void)i; (void)n;
    fault("psa_unmap_outvec");
}

psa_signal_t psa_wait(psa_signal_t s, uint32_t t)
{
    (void)s; (void)t;
    fault("psa_wait in an SFN service");
    return 0;
}

psa_status_t psa_get(psa_signal_t s, psa_msg_t *msg)
{
    (void)s; (void)msg;
    fault("psa_get in an SFN service");
    return PSA_ERROR_PROGRAMMER_ERROR;
}

void psa_reply(psa_handle_t h, psa_status_t st)
{
    (void)h; (void)st;
    fault("psa_reply in an SFN service");
}

psa_status_t rp_ns_client_set(int32_t client_id)
{
    ns_client = client_id;
    return PSA_SUCCESS;
}

static int overlap(const psa_outvec *a, const psa_outvec *b)
{
    uintptr_t x = (uintptr_t)a->base, y = (uintptr_t)b->base;
    return a->len && b->len && x < y + b->len && y < x + a->len;
}

/* The client API as the NS side sees it, for the Crypto service only: the SPM's checks,
 * then the service function, then the written lengths back into the out_vecs. */
psa_status_t psa_call(psa_handle_t handle, int32_t type, const psa_invec *in_vec,
                      size_t in_len, psa_outvec *out_vec, size_t out_len)
{
    static int initialised;
    psa_msg_t msg;
    psa_status_t st;

    if (handle != RP_CRYPTO_HANDLE || type < PSA_IPC_CALL || in_len > PSA_MAX_IOVEC ||
        out_len > PSA_MAX_IOVEC || in_len + out_len > PSA_MAX_IOVEC)
        return PSA_ERROR_PROGRAMMER_ERROR;
    for (size_t i = 0; i < out_len; i++)
        for (size_t j = i + 1; j < out_len; j++)
            if (overlap(&out_vec[i], &out_vec[j]))
                return PSA_ERROR_PROGRAMMER_ERROR;
    if (!initialised) {          /* the SPM runs entry_init at boot */
        initialised = 1;
        (void)rp_crypto_sp_init();
    }
    memset(&rp_sim, 0, sizeof rp_sim);
    memset(&msg, 0, sizeof msg);
    msg.type = type;
    msg.handle = 1;
    msg.client_id = ns_client;
    for (size_t i = 0; i < in_len; i++) {
        rp_sim.in[i] = in_vec[i].base;
        rp_sim.in_len[i] = msg.in_size[i] = in_vec[i].len;
    }
    for (size_t i = 0; i < out_len; i++) {
        rp_sim.out[i] = out_vec[i].base;
        rp_sim.out_len[i] = msg.out_size[i] = out_vec[i].len;
    }
    st = rp_crypto_sfn(&msg);
    for (size_t i = 0; i < out_len; i++)
        out_vec[i].len = rp_sim.out_done[i];
    return st;
}

/* rp_crypto_spm.h: the simulated SPM has no partitions that panic, so every client stays
 * alive (the reclaim path is tested on the device: crypto suite case client_gone). */
int rp_spm_client_alive(int32_t client_id)
{
    (void)client_id;
    return 1;
}
