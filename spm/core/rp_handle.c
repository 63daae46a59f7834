/* rp_handle.c - the connection handle pool. Stateless handle decoding and connection
 * look-up are inline in rp_spm_core.h (they are on the path of every call). */
#include <string.h>
#include "rp_spm_core.h"

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
            return (psa_handle_t)(((uint32_t)(c->gen & RP_CONN_GEN_MASK) << 8) | (i + 1u));
        }
    }
    return PSA_NULL_HANDLE;
}

void rp_conn_release(rp_conn_t *c)
{
    c->in_use = 0u;
    c->busy = 0u;
    c->rhandle = NULL;
    c->gen = (uint16_t)((c->gen + 1u) & RP_CONN_GEN_MASK);
}
