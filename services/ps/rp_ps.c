/* rp_ps.c - Protected Storage over rp_its. See rp_ps.h, FORMATS.md section 5 and
 * docs/storage.md.
 *
 * In the PS area (an rp_its instance, all files under client 0):
 *   ITS uid 1, 2   the two table copies (the valid one is "active")
 *   ITS uid i + 3  object i, referenced by table entry i (max_assets + 1 entries: a spare)
 * Object file: IV || GCM(key(client, uid), AAD = u32 LE (i + 3),
 *                        {u32 size, u32 max_size, u32 flags} || data); tag in entry i.
 * Table copy:  tag || IV || body, body = u32 version 1 || entries {tag, u64 uid, i32 client};
 *              tag = GCM(table key, empty text, AAD = body || u32 LE NVC1).
 * An update: raise NVC1 (a fresh value: the IV "epoch" of everything this update encrypts),
 * write the new object to a free entry's uid, write the table to the other copy, raise NVC2
 * then NVC3 to NVC1, remove the old object. Mount accepts the copy that authenticates with
 * NVC1, or with NVC3 if NVC2 == NVC3 (power lost before the counters were aligned).
 */
#include <string.h>
#include "rp_ps.h"
#include "rp_aes.h"
#include "rp_hmac.h"
#include "rp_ct.h"

#define PS_CLIENT     0      /* ITS client id of all PS files in the PS area */
#define TABLE_VERSION 1u
#define KEY_SIZE      16u
#define OBJ_UID(i)    ((psa_storage_uid_t)(i) + 3u)
#define PS_FLAGS (PSA_STORAGE_FLAG_WRITE_ONCE | PSA_STORAGE_FLAG_NO_CONFIDENTIALITY | \
                  PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION)

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t table_size(const struct rp_ps *ps)
{
    return RP_PS_TABLE_SIZE(ps->cfg.max_assets);
}

/* ---- keys and IVs ------------------------------------------------------------------ */

/* key = HKDF-SHA-256(salt none, IKM = HUK, info), 16 bytes. 0 or -1 (key wiped). */
static int derive_key(const struct rp_ps *ps, const uint8_t *info, size_t info_len,
                      uint8_t key[KEY_SIZE])
{
    uint8_t huk[RP_PS_HUK_SIZE];
    int r = ps->cfg.plat.get_huk(ps->cfg.plat.huk_ctx, huk) == 0 &&
            rp_hkdf(RP_HASH_SHA256, NULL, 0, huk, sizeof(huk), info, info_len, key,
                    KEY_SIZE) == 0 ? 0 : -1;
    rp_wipe(huk, sizeof(huk));
    if (r != 0)
        rp_wipe(key, KEY_SIZE);
    return r;
}

/* Object key: info = client_id (4, LE) || uid (8, LE). */
static int object_key(const struct rp_ps *ps, int32_t client_id, uint64_t uid,
                      uint8_t key[KEY_SIZE])
{
    uint8_t info[12];
    put32(info, (uint32_t)client_id);
    put32(info + 4, (uint32_t)uid);
    put32(info + 8, (uint32_t)(uid >> 32));
    return derive_key(ps, info, sizeof(info), key);
}

static int table_key(const struct rp_ps *ps, uint8_t key[KEY_SIZE])
{
    static const uint8_t label[16] = "table_key_label";  /* 15 characters and the NUL */
    return derive_key(ps, label, sizeof(label), key);
}

/* IV = epoch (u32 LE) || 0 (u32) || seq (u32 LE). epoch is an NVC1 value reserved for one
 * update and never reused (the counter is monotonic and raised before any encryption);
 * seq 0 is that update's object, 1 its table. So no IV repeats under any key, across any
 * number of power losses. */
static void make_iv(uint8_t iv[RP_PS_IV_SIZE], uint32_t epoch, uint32_t seq)
{
    put32(iv, epoch);
    put32(iv + 4, 0);
    put32(iv + 8, seq);
}

/* ---- table ------------------------------------------------------------------------- */

/* Serializes table t into ps->buf: tag(blank) || IV || body, then NVC value nv right after
 * (the AAD is body || nv). */
static void table_encode(struct rp_ps *ps, const struct rp_ps_entry *t, uint32_t nv)
{
    uint8_t *p = ps->buf + RP_PS_TAG_SIZE + RP_PS_IV_SIZE;
    uint32_t i;
    memset(ps->buf, 0, RP_PS_TAG_SIZE);
    make_iv(ps->buf + RP_PS_TAG_SIZE, nv, 1);
    put32(p, TABLE_VERSION);
    p += 4;
    for (i = 0; i <= ps->cfg.max_assets; i++, p += RP_PS_ENTRY_SIZE) {
        memcpy(p, t[i].tag, RP_PS_TAG_SIZE);
        put32(p + 16, (uint32_t)t[i].uid);
        put32(p + 20, (uint32_t)(t[i].uid >> 32));
        put32(p + 24, (uint32_t)t[i].client_id);
    }
    put32(p, nv);
}

/* Tags (encrypt != 0) or verifies the table in ps->buf under counter value nv. 0 ok. */
static int table_tag(struct rp_ps *ps, uint32_t nv, int encrypt)
{
    uint8_t key[KEY_SIZE], dummy[1];
    const uint8_t *aad = ps->buf + RP_PS_TAG_SIZE + RP_PS_IV_SIZE;
    size_t aad_len = table_size(ps) - RP_PS_TAG_SIZE - RP_PS_IV_SIZE + 4u;
    int r;
    put32(ps->buf + table_size(ps), nv);
    if (table_key(ps, key) != 0)
        return -1;
    if (encrypt)
        r = rp_gcm_encrypt(key, KEY_SIZE, ps->buf + RP_PS_TAG_SIZE, RP_PS_IV_SIZE, aad,
                           aad_len, dummy, 0, dummy, ps->buf, RP_PS_TAG_SIZE);
    else
        r = rp_gcm_decrypt(key, KEY_SIZE, ps->buf + RP_PS_TAG_SIZE, RP_PS_IV_SIZE, aad,
                           aad_len, dummy, 0, dummy, ps->buf, RP_PS_TAG_SIZE);
    rp_wipe(key, sizeof(key));
    return r == 0 ? 0 : -1;
}

/* Reads table copy uid and authenticates it with nv. Returns 2 (valid: loaded into
 * ps->table), 1 (present, not valid), 0 (absent), or -1 (flash error). */
static int table_read(struct rp_ps *ps, uint32_t uid, uint32_t nv)
{
    const uint8_t *p = ps->buf + RP_PS_TAG_SIZE + RP_PS_IV_SIZE;
    size_t n = 0;
    uint32_t i;
    psa_status_t st = rp_its_get(&ps->its, PS_CLIENT, uid, 0, table_size(ps), ps->buf, &n);
    if (st == PSA_ERROR_DOES_NOT_EXIST)
        return 0;
    if (st != PSA_SUCCESS)
        return -1;
    if (n != table_size(ps) || table_tag(ps, nv, 0) != 0 || get32(p) != TABLE_VERSION)
        return 1;
    p += 4;
    for (i = 0; i <= ps->cfg.max_assets; i++, p += RP_PS_ENTRY_SIZE) {
        memcpy(ps->table[i].tag, p, RP_PS_TAG_SIZE);
        ps->table[i].uid = (uint64_t)get32(p + 16) | (uint64_t)get32(p + 20) << 32;
        ps->table[i].client_id = (int32_t)get32(p + 24);
    }
    return 2;
}

static psa_status_t broken(struct rp_ps *ps)
{
    ps->state = PSA_ERROR_STORAGE_FAILURE;
    return PSA_ERROR_STORAGE_FAILURE;
}

/* Raises NVC2 then NVC3 to NVC1: the save is then final (older copies are dead). */
static psa_status_t align_counters(struct rp_ps *ps)
{
    const struct rp_nv_counters *c = ps->cfg.plat.nvc;
    if (c->raise(c->ctx, RP_PS_NVC2, ps->nvc1) != RP_FLASH_OK ||
        c->raise(c->ctx, RP_PS_NVC3, ps->nvc1) != RP_FLASH_OK)
        return broken(ps);
    return PSA_SUCCESS;
}

/* Saves ps->table to the inactive copy, tagged with the current NVC1, then aligns the
 * counters. On an ITS refusal (no room) ps->active is unchanged. */
static psa_status_t table_save(struct rp_ps *ps)
{
    uint32_t uid = ps->active == 1u ? 2u : 1u;
    psa_status_t st;
    table_encode(ps, ps->table, ps->nvc1);
    if (table_tag(ps, ps->nvc1, 1) != 0)
        return broken(ps);
    st = rp_its_set(&ps->its, PS_CLIENT, uid, table_size(ps), ps->buf, 0);
    if (st == PSA_ERROR_STORAGE_FAILURE)
        return broken(ps);
    if (st != PSA_SUCCESS)
        return st;
    ps->active = uid;
    return align_counters(ps);
}

/* Reserves a fresh NVC1 value for the update about to start (see make_iv). */
static psa_status_t reserve_epoch(struct rp_ps *ps)
{
    const struct rp_nv_counters *c = ps->cfg.plat.nvc;
    if (ps->nvc1 == UINT32_MAX)
        return PSA_ERROR_INSUFFICIENT_STORAGE;   /* counter exhausted: no more updates */
    if (c->raise(c->ctx, RP_PS_NVC1, ps->nvc1 + 1u) != RP_FLASH_OK)
        return broken(ps);
    ps->nvc1++;
    return PSA_SUCCESS;
}

/* ---- objects ----------------------------------------------------------------------- */

/* Reads and authenticates object i (entry i in use) into ps->buf: IV || header || data.
 * On success *size and *flags are set; on any failure ps->buf is wiped. */
static psa_status_t object_load(struct rp_ps *ps, uint32_t i, uint32_t *size, uint32_t *flags)
{
    const struct rp_ps_entry *e = &ps->table[i];
    struct psa_storage_info_t info;
    uint8_t key[KEY_SIZE], aad[4];
    size_t n = 0;
    uint32_t body;
    psa_status_t st = rp_its_get_info(&ps->its, PS_CLIENT, OBJ_UID(i), &info);
    if (st == PSA_ERROR_DOES_NOT_EXIST)
        return PSA_ERROR_DATA_CORRUPT;   /* the table references it: it was lost */
    if (st != PSA_SUCCESS)
        return broken(ps);
    if (info.size < RP_PS_IV_SIZE + RP_PS_OBJ_HDR ||
        info.size > RP_PS_IV_SIZE + RP_PS_OBJ_HDR + ps->cfg.max_asset_size)
        return PSA_ERROR_DATA_CORRUPT;
    if (rp_its_get(&ps->its, PS_CLIENT, OBJ_UID(i), 0, info.size, ps->buf, &n) != PSA_SUCCESS)
        return broken(ps);
    body = (uint32_t)n - RP_PS_IV_SIZE;
    put32(aad, (uint32_t)OBJ_UID(i));
    if (object_key(ps, e->client_id, e->uid, key) != 0)
        return broken(ps);
    st = rp_gcm_decrypt(key, KEY_SIZE, ps->buf, RP_PS_IV_SIZE, aad, sizeof(aad),
                        ps->buf + RP_PS_IV_SIZE, body, ps->buf + RP_PS_IV_SIZE, e->tag,
                        RP_PS_TAG_SIZE) == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_SIGNATURE;
    rp_wipe(key, sizeof(key));
    *size = get32(ps->buf + RP_PS_IV_SIZE);
    *flags = get32(ps->buf + RP_PS_IV_SIZE + 8);
    if (st == PSA_SUCCESS && (*size != body - RP_PS_OBJ_HDR ||
                              get32(ps->buf + RP_PS_IV_SIZE + 4) != *size ||
                              (*flags & ~(uint32_t)PS_FLAGS) != 0))
        st = PSA_ERROR_DATA_CORRUPT;
    if (st != PSA_SUCCESS)
        rp_wipe(ps->buf, sizeof(ps->buf));
    return st;
}

/* Encrypts (header || data) for entry i under the current epoch and writes it to ITS;
 * sets the entry's tag. ps->buf is wiped before returning. */
static psa_status_t object_store(struct rp_ps *ps, uint32_t i, int32_t client_id,
                                 uint64_t uid, size_t len, const void *data, uint32_t flags)
{
    uint8_t key[KEY_SIZE], aad[4];
    uint8_t *hdr = ps->buf + RP_PS_IV_SIZE;
    psa_status_t st;
    make_iv(ps->buf, ps->nvc1, 0);
    put32(hdr, (uint32_t)len);
    put32(hdr + 4, (uint32_t)len);
    put32(hdr + 8, flags);
    if (len != 0)
        memcpy(hdr + RP_PS_OBJ_HDR, data, len);
    put32(aad, (uint32_t)OBJ_UID(i));
    if (object_key(ps, client_id, uid, key) != 0) {
        rp_wipe(ps->buf, sizeof(ps->buf));
        return broken(ps);
    }
    st = rp_gcm_encrypt(key, KEY_SIZE, ps->buf, RP_PS_IV_SIZE, aad, sizeof(aad), hdr,
                        RP_PS_OBJ_HDR + len, hdr, ps->table[i].tag, RP_PS_TAG_SIZE) == 0
             ? PSA_SUCCESS : PSA_ERROR_GENERIC_ERROR;
    rp_wipe(key, sizeof(key));
    if (st == PSA_SUCCESS)
        st = rp_its_set(&ps->its, PS_CLIENT, OBJ_UID(i),
                        RP_PS_IV_SIZE + RP_PS_OBJ_HDR + len, ps->buf, 0);
    rp_wipe(ps->buf, sizeof(ps->buf));
    if (st == PSA_ERROR_STORAGE_FAILURE)
        return broken(ps);
    return st;
}

/* ---- mount ------------------------------------------------------------------------- */

static int config_ok(const struct rp_ps_config *c)
{
    return c->max_assets >= 1u && c->max_assets <= RP_PS_MAX_ASSETS &&
           c->max_asset_size >= 1u && c->max_asset_size <= RP_PS_MAX_ASSET_SIZE &&
           c->its.max_files >= c->max_assets + 3u &&
           c->its.max_asset_size >= RP_PS_IV_SIZE + RP_PS_OBJ_HDR + c->max_asset_size &&
           c->its.max_asset_size >= RP_PS_TABLE_SIZE(c->max_assets) &&
           c->plat.get_huk != NULL && c->plat.nvc != NULL && c->plat.nvc->count >= 3u &&
           c->plat.nvc->read != NULL && c->plat.nvc->raise != NULL;
}

/* Finds the table copy valid under nv; returns 2 if found, else the highest other result
 * of table_read (1 some copy present, 0 none) or -1 on a flash error. */
static int find_table(struct rp_ps *ps, uint32_t nv)
{
    int best = 0;
    uint32_t uid;
    for (uid = 1; uid <= 2; uid++) {
        int r = table_read(ps, uid, nv);
        if (r < 0 || r == 2) {
            if (r == 2)
                ps->active = uid;
            return r;
        }
        if (r > best)
            best = r;
    }
    return best;
}

/* Removes object files that no table entry references (an update cut short). */
static psa_status_t remove_orphans(struct rp_ps *ps)
{
    uint32_t i;
    for (i = 0; i <= ps->cfg.max_assets; i++) {
        psa_status_t st;
        if (ps->table[i].uid != 0)
            continue;
        st = rp_its_remove(&ps->its, PS_CLIENT, OBJ_UID(i));
        if (st != PSA_SUCCESS && st != PSA_ERROR_DOES_NOT_EXIST)
            return broken(ps);
    }
    return PSA_SUCCESS;
}

static psa_status_t do_mount(struct rp_ps *ps)
{
    const struct rp_nv_counters *c = ps->cfg.plat.nvc;
    uint32_t n1, n2, n3;
    int r, r3 = 0;
    psa_status_t st = rp_its_mount(&ps->its, &ps->cfg.its);
    ps->state = st;
    if (st != PSA_SUCCESS)
        return st;
    if (c->read(c->ctx, RP_PS_NVC1, &n1) != RP_FLASH_OK ||
        c->read(c->ctx, RP_PS_NVC2, &n2) != RP_FLASH_OK ||
        c->read(c->ctx, RP_PS_NVC3, &n3) != RP_FLASH_OK)
        return broken(ps);
    ps->nvc1 = n1;
    ps->active = 0;
    r = find_table(ps, n1);
    if (r >= 0 && r != 2 && n3 == n2)
        r3 = find_table(ps, n3);       /* power lost before NVC2/NVC3 reached NVC1 */
    if (r < 0 || r3 < 0)
        return broken(ps);
    if (r != 2 && r3 != 2) {
        if (r != 0 || n2 != 0 || n3 != 0) {
            ps->state = PSA_ERROR_INVALID_SIGNATURE;   /* tampered, or rolled back */
            return ps->state;
        }
        memset(ps->table, 0, sizeof(ps->table));    /* a blank area: nothing saved yet */
    }
    if (r == 2 && (n2 != n1 || n3 != n1) && align_counters(ps) != PSA_SUCCESS)
        return ps->state;
    st = remove_orphans(ps);
    if (st == PSA_SUCCESS)
        ps->state = PSA_SUCCESS;
    return st;
}

psa_status_t rp_ps_mount(struct rp_ps *ps, const struct rp_ps_config *cfg)
{
    if (ps == NULL || cfg == NULL || !config_ok(cfg))
        return PSA_ERROR_INVALID_ARGUMENT;
    memset(ps, 0, sizeof(*ps));
    ps->cfg = *cfg;
    return do_mount(ps);
}

static psa_status_t ensure(struct rp_ps *ps)
{
    if (ps == NULL || ps->cfg.plat.nvc == NULL)
        return PSA_ERROR_BAD_STATE;
    return ps->state == PSA_SUCCESS ? PSA_SUCCESS : do_mount(ps);
}

/* ---- PSA PS semantics -------------------------------------------------------------- */

static int find(const struct rp_ps *ps, int32_t client_id, uint64_t uid)
{
    uint32_t i;
    for (i = 0; i <= ps->cfg.max_assets; i++)
        if (ps->table[i].uid == uid && ps->table[i].client_id == client_id)
            return (int)i;
    return -1;
}

/* A free entry other than skip (one always exists: max_assets + 1 entries). */
static int free_entry(const struct rp_ps *ps, int skip)
{
    uint32_t i;
    for (i = 0; i <= ps->cfg.max_assets; i++)
        if (ps->table[i].uid == 0 && (int)i != skip)
            return (int)i;
    return -1;
}

static uint32_t count(const struct rp_ps *ps)
{
    uint32_t i, n = 0;
    for (i = 0; i <= ps->cfg.max_assets; i++)
        n += ps->table[i].uid != 0;
    return n;
}

/* Write-once check of existing entry r: NOT_PERMITTED, an authentication error, or OK. */
static psa_status_t check_writable(struct rp_ps *ps, int r)
{
    uint32_t size, flags;
    psa_status_t st = object_load(ps, (uint32_t)r, &size, &flags);
    rp_wipe(ps->buf, sizeof(ps->buf));
    if (st != PSA_SUCCESS)
        return st;
    return (flags & PSA_STORAGE_FLAG_WRITE_ONCE) ? PSA_ERROR_NOT_PERMITTED : PSA_SUCCESS;
}

/* Commits the table with entry j now in use and entry r (if >= 0) dropped; removes the
 * object of r afterwards. On a refusal before the commit the table is restored. */
static psa_status_t switch_entries(struct rp_ps *ps, int j, int r, int32_t client_id,
                                   uint64_t uid)
{
    struct rp_ps_entry old_j = ps->table[j >= 0 ? j : 0], old_r;
    psa_status_t st;
    if (j >= 0) {
        ps->table[j].uid = uid;
        ps->table[j].client_id = client_id;
    }
    old_r = ps->table[r >= 0 ? r : 0];
    if (r >= 0)
        ps->table[r].uid = 0;
    st = table_save(ps);
    if (st != PSA_SUCCESS) {
        if (r >= 0)
            ps->table[r] = old_r;
        if (j >= 0)
            ps->table[j] = old_j;
        if (ps->state == PSA_SUCCESS && j >= 0)
            (void)rp_its_remove(&ps->its, PS_CLIENT, OBJ_UID(j));
        return st;
    }
    if (r >= 0) {
        st = rp_its_remove(&ps->its, PS_CLIENT, OBJ_UID(r));
        if (st != PSA_SUCCESS)
            return broken(ps);
    }
    return PSA_SUCCESS;
}

psa_status_t rp_ps_set(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                       size_t len, const void *data, psa_storage_create_flags_t flags)
{
    psa_status_t st;
    int r, j;
    if (uid == 0 || (len != 0 && data == NULL))
        return PSA_ERROR_INVALID_ARGUMENT;
    if ((flags & ~(psa_storage_create_flags_t)PS_FLAGS) != 0)
        return PSA_ERROR_NOT_SUPPORTED;
    if (ps == NULL || ps->cfg.plat.nvc == NULL)
        return PSA_ERROR_BAD_STATE;
    if (len > ps->cfg.max_asset_size)
        return PSA_ERROR_INVALID_ARGUMENT;
    st = ensure(ps);
    if (st != PSA_SUCCESS)
        return st;
    r = find(ps, client_id, uid);
    if (r >= 0) {
        st = check_writable(ps, r);
        if (st != PSA_SUCCESS)
            return st;
    } else if (count(ps) >= ps->cfg.max_assets) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    j = free_entry(ps, r);
    st = reserve_epoch(ps);
    if (st == PSA_SUCCESS)
        st = object_store(ps, (uint32_t)j, client_id, uid, len, data, flags);
    if (st != PSA_SUCCESS)
        return st;
    return switch_entries(ps, j, r, client_id, uid);
}

/* Authenticated object of (client_id, uid) in ps->buf; *size and *flags set. */
static psa_status_t load(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                         uint32_t *size, uint32_t *flags)
{
    psa_status_t st;
    int r;
    if (uid == 0)
        return PSA_ERROR_INVALID_ARGUMENT;
    st = ensure(ps);
    if (st != PSA_SUCCESS)
        return st;
    r = find(ps, client_id, uid);
    if (r < 0)
        return PSA_ERROR_DOES_NOT_EXIST;
    return object_load(ps, (uint32_t)r, size, flags);
}

psa_status_t rp_ps_get(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                       size_t offset, size_t len, void *buf, size_t *out_len)
{
    uint32_t size, flags;
    size_t n;
    psa_status_t st;
    if (out_len == NULL || (len != 0 && buf == NULL))
        return PSA_ERROR_INVALID_ARGUMENT;
    st = load(ps, client_id, uid, &size, &flags);
    if (st != PSA_SUCCESS)
        return st;
    if (offset > size) {
        st = PSA_ERROR_INVALID_ARGUMENT;
    } else {
        n = size - offset < len ? size - offset : len;
        if (n != 0)
            memcpy(buf, ps->buf + RP_PS_IV_SIZE + RP_PS_OBJ_HDR + offset, n);
        *out_len = n;
    }
    rp_wipe(ps->buf, sizeof(ps->buf));
    return st;
}

psa_status_t rp_ps_get_info(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                            struct psa_storage_info_t *info)
{
    uint32_t size, flags;
    psa_status_t st;
    if (info == NULL)
        return PSA_ERROR_INVALID_ARGUMENT;
    st = load(ps, client_id, uid, &size, &flags);
    rp_wipe(ps->buf, sizeof(ps->buf));
    if (st != PSA_SUCCESS)
        return st;
    info->capacity = size;
    info->size = size;
    info->flags = flags;
    return PSA_SUCCESS;
}

psa_status_t rp_ps_remove(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid)
{
    psa_status_t st;
    int r;
    if (uid == 0)
        return PSA_ERROR_INVALID_ARGUMENT;
    st = ensure(ps);
    if (st != PSA_SUCCESS)
        return st;
    r = find(ps, client_id, uid);
    if (r < 0)
        return PSA_ERROR_DOES_NOT_EXIST;
    st = check_writable(ps, r);
    if (st == PSA_SUCCESS)
        st = reserve_epoch(ps);
    if (st != PSA_SUCCESS)
        return st;
    return switch_entries(ps, -1, r, client_id, uid);
}

psa_status_t rp_ps_create(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                          size_t capacity, psa_storage_create_flags_t flags)
{
    (void)ps; (void)client_id; (void)uid; (void)capacity; (void)flags;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t rp_ps_set_extended(struct rp_ps *ps, int32_t client_id, psa_storage_uid_t uid,
                                size_t offset, size_t len, const void *data)
{
    (void)ps; (void)client_id; (void)uid; (void)offset; (void)len; (void)data;
    return PSA_ERROR_NOT_SUPPORTED;
}

uint32_t rp_ps_get_support(void)
{
    return 0;
}
