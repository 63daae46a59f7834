/* rp_service.c - service look-up and the access rules of psa_connect / psa_version. */
#include "rp_spm_core.h"

const rp_service_t *rp_service_find(const rp_service_t *svcs, const uint16_t *by_sid,
                                    uint16_t count, uint32_t sid)
{
    size_t lo = 0, hi = count; /* the answer, if any, is in by_sid[lo..hi-1] */

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2u;
        const rp_service_t *s = &svcs[by_sid[mid]];
        if (s->sid == sid) {
            return s;
        }
        if (s->sid < sid) {
            lo = mid + 1u;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

static int client_allowed(const rp_service_t *svc, int32_t client_id)
{
    return client_id >= 0 || (svc->flags & RP_SVC_NS_CLIENTS) != 0u;
}

psa_status_t rp_service_access_check(const rp_service_t *svc, int32_t client_id,
                                     uint32_t version)
{
    if (svc == NULL || !client_allowed(svc, client_id)) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    /* branches straight to the answer (a version_accepted() result tested again cost
     * a few instructions on every connect and stateless call) */
    if ((svc->flags & RP_SVC_POLICY_STRICT) != 0u) {
        return version == svc->version ? PSA_SUCCESS : PSA_ERROR_PROGRAMMER_ERROR;
    }
    return version <= svc->version ? PSA_SUCCESS : PSA_ERROR_PROGRAMMER_ERROR;
}

uint32_t rp_service_version(const rp_service_t *svc, int32_t client_id)
{
    if (svc == NULL || !client_allowed(svc, client_id)) {
        return PSA_VERSION_NONE;
    }
    return svc->version;
}

psa_status_t rp_dependency_check(const rp_partition_t *part, const uint32_t *deps,
                                 uint32_t sid)
{
    size_t i;

    for (i = 0; i < part->n_deps; i++) {
        if (deps[part->first_dep + i] == sid) {
            return PSA_SUCCESS;
        }
    }
    return PSA_ERROR_PROGRAMMER_ERROR;
}
