/* ns_stateless_check.h - the NS agent's stateless table (rp_ns_stateless, generated) must
 * decide every handle exactly as rp_stateless_lookup decides it for an NS caller: the
 * quick call path (spm/ns_agent_tz/veneers.c) takes a handle by the table, the full path
 * by the look-up. Included by the table tests of each generated profile. */
#ifndef NS_STATELESS_CHECK_H
#define NS_STATELESS_CHECK_H

#include "rp_manifest_config.h"
#include "rp_spm_core.h"
#include "rp_spm_tables.h"
#include "rp_test.h"

/* The quick path's decision for handle h, as veneers.c makes it: the service, or NULL. */
static const rp_service_t *ns_quick_lookup(uint32_t h)
{
    const rp_ns_stateless_t *e =
        &rp_ns_stateless[(h >> 8) & ((1u << RP_NS_STATELESS_BITS) - 1u)];
    if (e->key - h > e->span) {
        return NULL;
    }
    /* the entry's partition is its service's */
    RP_CHECK(e->svc != NULL && e->partition == e->svc->partition);
    return e->svc;
}

static void ns_quick_agrees(uint32_t h)
{
    const rp_service_t *full = NULL;
    if (rp_stateless_lookup((psa_handle_t)h, rp_stateless_services, -1, &full) !=
        PSA_SUCCESS) {
        full = NULL;
    }
    const rp_service_t *quick = ns_quick_lookup(h);
    if (quick != full) {
        RP_CHECK_EQ(h, 0); /* names the handle that disagrees */
    }
}

/* Every handle of the stateless form and its neighbours in the bits around it, every
 * index field value with every version byte, and a pseudo-random sample of the rest. */
static void check_ns_stateless_table(void)
{
    static const uint32_t upper[] = { 0x40000000u, 0x00000000u, 0x40004000u, 0xC0000000u,
                                      0x40010000u, 0x60000000u, 0x7FFFC000u, 0xFFFFC000u };
    for (unsigned u = 0; u < sizeof upper / sizeof upper[0]; u++) {
        for (uint32_t low = 0; low < 0x4000u; low++) {
            ns_quick_agrees(upper[u] | low);
        }
    }
    uint32_t x = 0x12345678u;
    for (unsigned i = 0; i < 200000u; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5; /* xorshift32 */
        ns_quick_agrees(x);
        ns_quick_agrees((x & 0x3FFFu) | 0x40000000u);
    }
}

#endif
