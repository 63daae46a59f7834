/* image.c - MCUboot 2.0 image parsing and validation (rp_image.h). */
#include <stddef.h>
#include <string.h>

#include "rp_image.h"
#include "rp_p256.h"
#include "rp_sha2.h"

static uint32_t ld16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t ld32(const uint8_t *p)
{
    return ld16(p) | ld16(p + 2) << 16;
}

static void ld_version(struct rp_image_version *v, const uint8_t *p)
{
    v->major = p[0];
    v->minor = p[1];
    v->revision = (uint16_t)ld16(p + 2);
    v->build = ld32(p + 4);
}

/* Equal public bytes; not constant time (hashes and keys here are public). */
static int same(const uint8_t *a, const uint8_t *b, uint32_t n)
{
    uint8_t d = 0;
    while (n--) {
        d |= (uint8_t)(*a++ ^ *b++);
    }
    return d == 0;
}

/* Where one TLV area lies: [off + 4, end) holds its entries. */
struct tlv_area {
    const uint8_t *slot;
    uint32_t off, end;
};

/* Checks a TLV area's info header at off: magic, total >= 4, inside limit. For the
 * protected area, total must also equal want (protect_tlv_size). */
static int area_open(struct tlv_area *a, const uint8_t *slot, uint32_t off, uint32_t limit,
                     uint32_t magic, uint32_t want)
{
    if (off > limit || limit - off < 4) {
        return RP_IMG_ERR_TLV_BOUNDS;
    }
    uint32_t total = ld16(slot + off + 2);
    if (ld16(slot + off) != magic || total < 4 || (want && total != want)) {
        return RP_IMG_ERR_TLV_MAGIC;
    }
    if (total > limit - off) {
        return RP_IMG_ERR_TLV_BOUNDS;
    }
    a->slot = slot;
    a->off = off + 4;
    a->end = off + total;
    return RP_IMG_OK;
}

/* Iterates an area: *pos starts at a->off. Returns 1 with *type, *len, *data set, 0 at
 * the exact end of the area, or -RP_IMG_ERR_TLV_OVERSIZE if an entry does not fit. */
static int area_next(const struct tlv_area *a, uint32_t *pos, uint32_t *type, uint32_t *len,
                     uint32_t *data)
{
    if (*pos == a->end) {
        return 0;
    }
    if (a->end - *pos < 4) {
        return -RP_IMG_ERR_TLV_OVERSIZE;
    }
    *type = ld16(a->slot + *pos);
    *len = ld16(a->slot + *pos + 2);
    if (a->end - *pos - 4 < *len) {
        return -RP_IMG_ERR_TLV_OVERSIZE;
    }
    *data = *pos + 4;
    *pos += 4 + *len;
    return 1;
}

static int is_protected_type(uint32_t type)
{
    return type >= 0x40u && type != 0xFFFFu;
}

/* One protected entry: records SEC_CNT, BOOT_RECORD and DEPENDENCY. */
static int prot_entry(struct rp_image_info *info, const uint8_t *slot, uint32_t type,
                      uint32_t len, uint32_t data)
{
    if (!is_protected_type(type)) {
        return RP_IMG_ERR_TLV_TYPE;
    }
    if (type == RP_TLV_SEC_CNT) {
        if (len != 4) {
            return RP_IMG_ERR_TLV_LEN;
        }
        if (info->has_sec_cnt) {
            return RP_IMG_ERR_TLV_DUP;
        }
        info->has_sec_cnt = 1;
        info->sec_cnt = ld32(slot + data);
    } else if (type == RP_TLV_BOOT_RECORD) {
        /* the record ends with "02 58 20" + 32 measurement bytes (FORMATS.md §2.2) */
        if (len < 35 || len > RP_IMAGE_BOOT_RECORD_MAX) {
            return RP_IMG_ERR_TLV_LEN;
        }
        if (info->boot_record_len) {
            return RP_IMG_ERR_TLV_DUP;
        }
        info->boot_record_len = (uint16_t)len;
        info->boot_record_off = data;
    } else if (type == RP_TLV_DEPENDENCY) {
        if (len != 12) {
            return RP_IMG_ERR_TLV_LEN;
        }
        if (info->dep_count == RP_IMAGE_MAX_DEPS) {
            return RP_IMG_ERR_TLV_DUP;
        }
        struct rp_image_dep *d = &info->dep[info->dep_count++];
        d->image_id = slot[data];
        ld_version(&d->min, slot + data + 4);
    }
    return RP_IMG_OK;
}

/* One unprotected entry: length checks of the known types; records SHA256. */
static int unprot_entry(struct rp_image_info *info, uint32_t type, uint32_t len,
                        uint32_t data)
{
    if (is_protected_type(type)) {
        return RP_IMG_ERR_TLV_TYPE;
    }
    if (type == RP_TLV_SHA256 || type == RP_TLV_KEYHASH) {
        if (len != 32) {
            return RP_IMG_ERR_TLV_LEN;
        }
        if (type == RP_TLV_SHA256) {
            if (info->sha256_off) {
                return RP_IMG_ERR_TLV_DUP;
            }
            info->sha256_off = data;
        }
    } else if (type == RP_TLV_PUBKEY && len != RP_IMAGE_SPKI_LEN) {
        return RP_IMG_ERR_TLV_LEN;
    } else if (type == RP_TLV_ECDSA_SIG && (len < 8 || len > 72)) {
        return RP_IMG_ERR_TLV_LEN;
    }
    return RP_IMG_OK;
}

/* Walks every entry of an area through prot_entry or unprot_entry. */
static int area_walk(const struct tlv_area *a, struct rp_image_info *info, int prot)
{
    uint32_t pos = a->off, type, len, data;
    int r;
    while ((r = area_next(a, &pos, &type, &len, &data)) > 0) {
        int e = prot ? prot_entry(info, a->slot, type, len, data)
                     : unprot_entry(info, type, len, data);
        if (e) {
            return e;
        }
    }
    return -r;
}

/* Header fields (FORMATS.md §1.1): magic, hdr_size, flags, sizes without overflow. */
static int parse_header(const uint8_t *slot, uint32_t limit, uint32_t slot_off,
                        struct rp_image_info *info)
{
    if (limit < RP_IMAGE_HDR_MIN) {
        return RP_IMG_ERR_HEADER;
    }
    uint32_t magic = ld32(slot);
    if (magic != RP_IMAGE_MAGIC) {
        return magic == 0xFFFFFFFFu ? RP_IMG_ERR_EMPTY : RP_IMG_ERR_MAGIC;
    }
    info->load_addr = ld32(slot + 4);
    info->hdr_size = ld16(slot + 8);
    info->prot_size = ld16(slot + 10);
    info->img_size = ld32(slot + 12);
    info->flags = ld32(slot + 16);
    ld_version(&info->version, slot + 20);
    if (info->hdr_size < RP_IMAGE_HDR_MIN) {
        return RP_IMG_ERR_HEADER;
    }
    if ((info->flags & ~RP_IMAGE_F_ROM_FIXED) != 0 ||
        ((info->flags & RP_IMAGE_F_ROM_FIXED) && info->load_addr != slot_off)) {
        return RP_IMG_ERR_FLAGS;
    }
    /* hdr_size <= 0xFFFF and prot_size <= 0xFFFF, so only img_size can overflow */
    if (info->img_size >= limit || limit - info->img_size <= info->hdr_size) {
        return RP_IMG_ERR_SIZE;
    }
    return RP_IMG_OK;
}

int rp_image_parse(const uint8_t *slot, uint32_t limit, uint32_t slot_off,
                   struct rp_image_info *info)
{
    memset(info, 0, sizeof(*info));
    int e = parse_header(slot, limit, slot_off, info);
    if (e) {
        return e;
    }
    uint32_t off = info->hdr_size + info->img_size;
    struct tlv_area a;
    if (info->prot_size) {
        e = area_open(&a, slot, off, limit, RP_IMAGE_TLV_PROT_MAGIC, info->prot_size);
        if (e || (e = area_walk(&a, info, 1)) != 0) {
            return e;
        }
    }
    off += info->prot_size;
    info->hashed_size = off;
    info->tlv_off = off;
    e = area_open(&a, slot, off, limit, RP_IMAGE_TLV_MAGIC, 0);
    if (e || (e = area_walk(&a, info, 0)) != 0) {
        return e;
    }
    info->end = a.end;
    return RP_IMG_OK;
}

/* Strict DER of ECDSA-Sig-Value (SEQUENCE of two positive minimal INTEGERs), possibly
 * followed by zero padding (imgtool --pad-sig), to r || s. 0 on success. */
static int der_int(const uint8_t **p, const uint8_t *end, uint8_t out[32])
{
    const uint8_t *q = *p;
    if (end - q < 3 || q[0] != 0x02) {
        return -1;
    }
    uint32_t n = q[1];
    q += 2;
    if (n < 1 || n > 33 || (uint32_t)(end - q) < n || (q[0] & 0x80) ||
        (n > 1 && q[0] == 0 && !(q[1] & 0x80)) || (n == 33 && q[0] != 0)) {
        return -1;
    }
    memset(out, 0, 32);
    uint32_t skip = n == 33;
    memcpy(out + 32 - (n - skip), q + skip, n - skip);
    *p = q + n;
    return 0;
}

static int der_sig(const uint8_t *p, uint32_t len, uint8_t rs[64])
{
    if (p[0] != 0x30 || p[1] >= 0x80 || (uint32_t)p[1] + 2 > len) {
        return -1;
    }
    const uint8_t *end = p + 2 + p[1];
    for (const uint8_t *z = end; z < p + len; z++) {
        if (*z) {
            return -1;
        }
    }
    p += 2;
    if (der_int(&p, end, rs) || der_int(&p, end, rs + 32) || p != end) {
        return -1;
    }
    return 0;
}

static const uint8_t spki_prefix[26] = {
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
    0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
};

/* The provisioned key whose hash is h, or NULL. */
static const struct rp_image_key *key_by_hash(const struct rp_image_key *keys, uint32_t n,
                                              const uint8_t h[32])
{
    for (uint32_t i = 0; i < n; i++) {
        if (same(keys[i].hash, h, 32)) {
            return &keys[i];
        }
    }
    return NULL;
}

/* Signature state while walking the unprotected area (MCUboot's rules: a KEYHASH or
 * PUBKEY selects the key for the following signatures; unknown keys are skipped). */
struct sig_walk {
    const uint8_t *pub;     /* selected key point, or NULL */
    const uint8_t *hash;    /* its SPKI hash */
    uint8_t spki_hash[32];
    int skipped, failed, good;
};

static void sig_entry(struct sig_walk *w, const struct rp_image_key *keys, uint32_t nkeys,
                      const uint8_t *d, uint32_t type, uint32_t len, struct rp_image_info *info)
{
    const struct rp_image_key *k;
    if (type == RP_TLV_KEYHASH) {
        k = key_by_hash(keys, nkeys, d);
        w->pub = k ? k->pub : NULL;
        w->hash = k ? k->hash : NULL;
    } else if (type == RP_TLV_PUBKEY) {
        rp_sha256(d, RP_IMAGE_SPKI_LEN, w->spki_hash);
        k = key_by_hash(keys, nkeys, w->spki_hash);
        int ok = k && same(d, spki_prefix, sizeof(spki_prefix));
        w->pub = ok ? d + sizeof(spki_prefix) : NULL;
        w->hash = ok ? k->hash : NULL;
    } else if (type == RP_TLV_ECDSA_SIG && !w->good) {
        uint8_t rs[64];
        if (!w->pub) {
            w->skipped = 1;
        } else if (der_sig(d, len, rs) == 0 &&
                   rp_p256_verify(rs, w->pub, info->hash, 32) == RP_P256_OK) {
            w->good = 1;
            memcpy(info->signer, w->hash, 32);
        } else {
            w->failed = 1;
        }
    }
}

/* Finds one good signature over info->hash; the reason if there is none. */
static int check_signatures(const uint8_t *slot, const struct rp_image_key *keys,
                            uint32_t nkeys, struct rp_image_info *info)
{
    struct tlv_area a = { slot, info->tlv_off + 4, info->end };
    struct sig_walk w;
    uint32_t pos = a.off, type, len, data;
    memset(&w, 0, sizeof(w));
    while (area_next(&a, &pos, &type, &len, &data) > 0) {
        sig_entry(&w, keys, nkeys, slot + data, type, len, info);
    }
    if (w.good) {
        return RP_IMG_OK;
    }
    return w.failed ? RP_IMG_ERR_SIG : w.skipped ? RP_IMG_ERR_KEY : RP_IMG_ERR_NO_SIG;
}

int rp_image_validate(const uint8_t *slot, uint32_t limit, uint32_t slot_off,
                      const struct rp_image_key *keys, uint32_t nkeys,
                      uint32_t min_sec_cnt, struct rp_image_info *info)
{
    int e = rp_image_parse(slot, limit, slot_off, info);
    if (e) {
        return e;
    }
    if (!info->sha256_off) {
        return RP_IMG_ERR_NO_HASH;
    }
    rp_sha256(slot, info->hashed_size, info->hash);
    if (!same(info->hash, slot + info->sha256_off, 32)) {
        return RP_IMG_ERR_HASH;
    }
    e = check_signatures(slot, keys, nkeys, info);
    if (e) {
        return e;
    }
    if (!info->has_sec_cnt) {
        return RP_IMG_ERR_NO_SEC_CNT;
    }
    return info->sec_cnt < min_sec_cnt ? RP_IMG_ERR_ROLLBACK : RP_IMG_OK;
}

/* The version as one number ordered like (major, minor, revision, build). */
static uint64_t version_key(const struct rp_image_version *v)
{
    return (uint64_t)v->major << 56 | (uint64_t)v->minor << 48 | (uint64_t)v->revision << 32 |
           v->build;
}

int rp_image_version_cmp(const struct rp_image_version *a, const struct rp_image_version *b)
{
    uint64_t x = version_key(a), y = version_key(b);
    return (x > y) - (x < y);
}

int rp_image_check_deps(const struct rp_image_info *info, uint8_t other_id,
                        const struct rp_image_version *other)
{
    for (uint32_t i = 0; i < info->dep_count; i++) {
        if (info->dep[i].image_id == other_id &&
            rp_image_version_cmp(other, &info->dep[i].min) < 0) {
            return RP_IMG_ERR_DEPENDENCY;
        }
    }
    return RP_IMG_OK;
}

const char *rp_image_reason(int err)
{
    /* one string, words separated by NULs: smaller than a table of pointers */
    static const char words[] =
        "ok\0empty\0bad-magic\0bad-header\0bad-flags\0bad-size\0bad-tlv-magic\0"
        "tlv-past-slot\0tlv-oversize\0tlv-wrong-area\0tlv-bad-len\0tlv-duplicate\0"
        "no-hash\0bad-hash\0no-signature\0unknown-key\0bad-signature\0"
        "no-security-counter\0rollback\0dependency\0?";
    const char *w = words;
    if (err < 0 || err > RP_IMG_ERR_COUNT) {
        err = RP_IMG_ERR_COUNT;
    }
    while (err--) {
        while (*w++) {
        }
    }
    return w;
}
