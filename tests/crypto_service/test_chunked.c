/* test_chunked - key records over 512-byte assets (services/crypto/rp_crypto_chunked.c),
 * on an in-memory asset store that can lose power: from the n-th write or remove on,
 * nothing more reaches it, for every n. After the "reboot" a record being written is
 * there whole or not at all, and one being removed is there whole or gone. Then sizes at
 * every boundary, and chunks that do not agree with their record. */
#include <string.h>

#include "rp_crypto_chunked.h"
#include "rp_test.h"

#define SLOTS 16

static struct asset {
    int used;
    psa_storage_uid_t uid;
    size_t len;
    uint8_t data[RP_CHUNK_ASSET_MAX];
} store[SLOTS];
static int ops_left = -1; /* writes/removes until the power cut; -1: no cut */

static struct asset *find(psa_storage_uid_t uid)
{
    for (int i = 0; i < SLOTS; i++)
        if (store[i].used && store[i].uid == uid)
            return &store[i];
    return NULL;
}

static int powered(void)
{
    if (ops_left == 0)
        return 0;
    if (ops_left > 0)
        ops_left--;
    return 1;
}

static psa_status_t m_set(psa_storage_uid_t uid, size_t len, const void *data)
{
    struct asset *s = find(uid);
    if (len > RP_CHUNK_ASSET_MAX)
        return PSA_ERROR_INVALID_ARGUMENT;
    for (int i = 0; s == NULL && i < SLOTS; i++)
        if (!store[i].used)
            s = &store[i];
    if (s == NULL)
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    if (!powered())
        return PSA_ERROR_STORAGE_FAILURE;
    s->used = 1, s->uid = uid, s->len = len;
    memcpy(s->data, data, len);
    return PSA_SUCCESS;
}

static psa_status_t m_get(psa_storage_uid_t uid, size_t off, size_t len, void *data,
                          size_t *got)
{
    struct asset *s = find(uid);
    if (s == NULL)
        return PSA_ERROR_DOES_NOT_EXIST;
    if (off > s->len)
        return PSA_ERROR_INVALID_ARGUMENT;
    *got = len < s->len - off ? len : s->len - off;
    memcpy(data, s->data + off, *got);
    return PSA_SUCCESS;
}

static psa_status_t m_size(psa_storage_uid_t uid, size_t *len)
{
    struct asset *s = find(uid);
    *len = s ? s->len : 0;
    return s ? PSA_SUCCESS : PSA_ERROR_DOES_NOT_EXIST;
}

static psa_status_t m_remove(psa_storage_uid_t uid)
{
    struct asset *s = find(uid);
    if (s == NULL)
        return PSA_ERROR_DOES_NOT_EXIST;
    if (!powered())
        return PSA_ERROR_STORAGE_FAILURE;
    s->used = 0;
    return PSA_SUCCESS;
}

static const struct rp_asset_api api = { m_set, m_get, m_size, m_remove };
static uint8_t rec[RP_CHUNKED_MAX + 1], out[RP_CHUNKED_MAX + 8];
#define UID 0x0000000780001234ull /* owner 7, key id 0x1234, bit 31 as the partition sets */

static void fill(size_t len, uint8_t seed)
{
    rec[0] = 'R', rec[1] = 'P', rec[2] = 'K', rec[3] = 1; /* as the core's records begin */
    for (size_t i = 4; i < len; i++)
        rec[i] = (uint8_t)(i * 7u + seed);
}

static int used_slots(void)
{
    int n = 0;
    for (int i = 0; i < SLOTS; i++)
        n += store[i].used;
    return n;
}

/* The record at UID is rec[0..len) exactly. */
static int holds(size_t len)
{
    size_t n = 0;
    memset(out, 0, sizeof out);
    return rp_chunked_get(&api, UID, out, sizeof out, &n) == PSA_SUCCESS && n == len &&
           memcmp(out, rec, len) == 0;
}

static void test_sizes(void)
{
    static const size_t sizes[] = { 24, 511, 512, 513, 504 + 512, 505 + 512, 1215,
                                    RP_CHUNKED_MAX - 1, RP_CHUNKED_MAX };
    static const int assets[] = { 1, 1, 1, 2, 2, 3, 3, 4, 4 };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        fill(sizes[i], (uint8_t)i);
        RP_CHECK_EQ(rp_chunked_set(&api, UID, rec, sizes[i]), PSA_SUCCESS);
        RP_CHECK_EQ(used_slots(), assets[i]);
        RP_CHECK(holds(sizes[i]));
        /* a short buffer gets a prefix and the full length */
        size_t n = 0;
        memset(out, 0, sizeof out);
        RP_CHECK_EQ(rp_chunked_get(&api, UID, out, 600, &n), PSA_SUCCESS);
        RP_CHECK_EQ(n, sizes[i]);
        RP_CHECK(memcmp(out, rec, sizes[i] < 600 ? sizes[i] : 600) == 0);
        RP_CHECK_EQ(rp_chunked_remove(&api, UID), PSA_SUCCESS);
        RP_CHECK_EQ(used_slots(), 0);
        RP_CHECK_EQ(rp_chunked_get(&api, UID, out, sizeof out, &n), PSA_ERROR_DOES_NOT_EXIST);
    }
    fill(RP_CHUNKED_MAX + 1, 9);
    RP_CHECK_EQ(rp_chunked_set(&api, UID, rec, RP_CHUNKED_MAX + 1),
                PSA_ERROR_INSUFFICIENT_STORAGE);
    RP_CHECK_EQ(used_slots(), 0);
    RP_CHECK_EQ(rp_chunked_remove(&api, UID), PSA_ERROR_DOES_NOT_EXIST);
}

static void test_power_cuts(void)
{
    const size_t len = 1215; /* an RSA-2048 key pair's record: three assets */
    int cuts = 0;
    for (int cut = 0; cut < 8; cut++) {
        /* writing */
        memset(store, 0, sizeof store);
        fill(len, 3);
        ops_left = cut;
        psa_status_t st = rp_chunked_set(&api, UID, rec, len);
        int finished = ops_left != 0;
        ops_left = -1;                                    /* reboot */
        size_t n = 0;
        psa_status_t got = rp_chunked_get(&api, UID, out, sizeof out, &n);
        RP_CHECK(holds(len) || got == PSA_ERROR_DOES_NOT_EXIST);
        if (finished)
            RP_CHECK(st == PSA_SUCCESS && holds(len));
        /* a new record at the same uid replaces whatever chunks were left */
        fill(len + 100, 4);
        RP_CHECK_EQ(rp_chunked_set(&api, UID, rec, len + 100), PSA_SUCCESS);
        RP_CHECK(holds(len + 100));
        /* removing */
        ops_left = cut;
        (void)rp_chunked_remove(&api, UID);
        ops_left = -1;
        got = rp_chunked_get(&api, UID, out, sizeof out, &n);
        RP_CHECK(holds(len + 100) || got == PSA_ERROR_DOES_NOT_EXIST);
        cuts++;
    }
    RP_CHECK_EQ(cuts, 8);
}

/* A write cut short before its chunk 0 leaves chunks that belong to no record: the next
 * remove of that uid (which answers DOES_NOT_EXIST) or the next record written there,
 * whatever its size, takes them away. */
static void cut_short_write(void)
{
    memset(store, 0, sizeof store);
    fill(RP_CHUNKED_MAX, 8); /* four assets: chunks 1..3 are written first */
    ops_left = 3;
    RP_CHECK(rp_chunked_set(&api, UID, rec, RP_CHUNKED_MAX) != PSA_SUCCESS);
    ops_left = -1;
    RP_CHECK_EQ(used_slots(), 3);
}

static void test_orphans(void)
{
    size_t n = 0;
    cut_short_write();
    RP_CHECK_EQ(rp_chunked_get(&api, UID, out, sizeof out, &n), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(rp_chunked_remove(&api, UID), PSA_ERROR_DOES_NOT_EXIST);
    RP_CHECK_EQ(used_slots(), 0);
    cut_short_write();
    fill(100, 1);
    RP_CHECK_EQ(rp_chunked_set(&api, UID, rec, 100), PSA_SUCCESS);
    RP_CHECK_EQ(used_slots(), 1);
    RP_CHECK(holds(100));
    cut_short_write();
    fill(1215, 2); /* three assets: chunk 3 of the cut write is not its own */
    RP_CHECK_EQ(rp_chunked_set(&api, UID, rec, 1215), PSA_SUCCESS);
    RP_CHECK_EQ(used_slots(), 3);
    RP_CHECK(holds(1215));
}

static void test_corrupt(void)
{
    size_t n = 0;
    memset(store, 0, sizeof store);
    fill(1215, 5);
    RP_CHECK_EQ(rp_chunked_set(&api, UID, rec, 1215), PSA_SUCCESS);
    find(UID ^ (2ull << 30))->len--;                      /* chunk 2 one byte short */
    RP_CHECK_EQ(rp_chunked_get(&api, UID, out, sizeof out, &n), PSA_ERROR_DATA_CORRUPT);
    find(UID ^ (2ull << 30))->used = 0;                   /* chunk 2 gone */
    RP_CHECK_EQ(rp_chunked_get(&api, UID, out, sizeof out, &n), PSA_ERROR_DATA_CORRUPT);
    RP_CHECK_EQ(rp_chunked_set(&api, UID, rec, 1215), PSA_SUCCESS);
    find(UID)->data[4] = 0xFF;                            /* a length chunk 0 cannot hold */
    RP_CHECK_EQ(rp_chunked_get(&api, UID, out, sizeof out, &n), PSA_ERROR_DATA_CORRUPT);
    find(UID)->data[4] = 0x01, find(UID)->data[5] = 0x00; /* 1: not a chunked length */
    RP_CHECK_EQ(rp_chunked_get(&api, UID, out, sizeof out, &n), PSA_ERROR_DATA_CORRUPT);
    /* a plain record that is not chunked reads back as it is */
    memset(store, 0, sizeof store);
    fill(100, 6);
    RP_CHECK_EQ(rp_chunked_set(&api, UID, rec, 100), PSA_SUCCESS);
    RP_CHECK(holds(100));
}

int main(void)
{
    test_sizes();
    test_power_cuts();
    test_orphans();
    test_corrupt();
    return rp_test_end("crypto_service.chunked");
}
