/* rp_crypto_its.c - see rp_crypto_its.h. */
#include "rp_crypto_its.h"

static struct rp_its *its;
static int32_t its_owner;

static psa_status_t its_set(void *ctx, int32_t owner, psa_key_id_t id, const uint8_t *d,
                            size_t len)
{
    (void)ctx;
    return rp_its_set(its, its_owner, RP_CRYPTO_ITS_UID(owner, id), len, d, 0);
}

/* Copies at most size bytes; *len = the record's full length. */
static psa_status_t its_get(void *ctx, int32_t owner, psa_key_id_t id, uint8_t *buf,
                            size_t size, size_t *len)
{
    struct psa_storage_info_t info;
    size_t got = 0;
    psa_status_t st = rp_its_get_info(its, its_owner, RP_CRYPTO_ITS_UID(owner, id), &info);
    (void)ctx;
    if (st != PSA_SUCCESS)
        return st;
    if (size != 0)
        st = rp_its_get(its, its_owner, RP_CRYPTO_ITS_UID(owner, id), 0,
                        size < info.size ? size : info.size, buf, &got);
    *len = info.size;
    return st;
}

static psa_status_t its_remove(void *ctx, int32_t owner, psa_key_id_t id)
{
    (void)ctx;
    return rp_its_remove(its, its_owner, RP_CRYPTO_ITS_UID(owner, id));
}

static const struct rp_crypto_store store = { its_set, its_get, its_remove, 0 };

const struct rp_crypto_store *rp_crypto_its_store(struct rp_its *fs, int32_t its_client)
{
    its = fs;
    its_owner = its_client;
    return &store;
}
