/* rp_handle.c - stateless handle decoding and the connection handle pool. */
#include <string.h>
#include "rp_spm_core.h"

#define CONN_GEN_MASK 0x7fffu
#define CONN_HANDLE_MASK 0x7fffff /* 15 generation bits above 8 slot bits */

void rp_conn_pool_init(rp_conn_t *pool, size_t n)
{
    memset(pool, 0, n * sizeof(*pool));
}

psa_handle_t rp_conn_alloc(rp_conn_t *pool, size_t n, uint16_t service, int32_t client_id)
{
    size_t i;

    for (i = 0; i < n && i < RP_CONN_POOL_MAX; i++) {
        rp_conn_t *c = &pool[i];
        if (!c->in_use) {
            c->in_use = 1u;
            c->busy = 0u;
            c->service = service;
            c->client_id = client_id;
            c->rhandle = NULL;
            return (psa_handle_t)(((uint32_t)(c->gen & CONN_GEN_MASK) << 8) | (i + 1u));
        }
    }
    return PSA_NULL_HANDLE;
}

rp_conn_t *rp_conn_lookup(rp_conn_t *pool, size_t n, psa_handle_t h, int32_t client_id)
{
    uint32_t slot, gen;
    rp_conn_t *c;

    if (h <= 0 || (h & ~CONN_HANDLE_MASK) != 0) {
        return NULL;
    }
    slot = ((uint32_t)h & 0xffu);
    gen = (uint32_t)h >> 8;
    if (slot == 0u || slot > n) {
        return NULL;
    }
    c = &pool[slot - 1u];
    if (!c->in_use || (c->gen & CONN_GEN_MASK) != gen || c->client_id != client_id) {
        return NULL;
    }
    return c;
}

void rp_conn_release(rp_conn_t *c)
{
    c->in_use = 0u;
    c->busy = 0u;
    c->rhandle = NULL;
    c->gen = (uint16_t)((c->gen + 1u) & CONN_GEN_MASK);
}
