/* boot_data.c - the BL2 -> secure image shared area and boot records (rp_boot_data.h). */
#include <stddef.h>
#include <string.h>

#include "rp_boot_data.h"

static uint32_t ld16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static void st16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

int rp_boot_data_init(uint8_t *area, uint32_t size)
{
    if (size < 4) {
        return RP_BOOT_DATA_ERR_FULL;
    }
    memset(area, 0, size);
    st16(area, RP_BOOT_DATA_MAGIC);
    st16(area + 2, 4);
    return RP_BOOT_DATA_OK;
}

/* Walks the entries of a well-framed area up to tot_len. Returns the offset of the entry
 * of type want (or tot_len if absent), or -1 if the entries are malformed or a type
 * repeats (checked against every earlier entry: areas are at most a few dozen entries). */
static int32_t walk(const uint8_t *area, uint32_t tot, uint32_t want)
{
    int32_t found = -1;
    uint32_t pos = 4;
    while (pos < tot) {
        if (tot - pos < 4 || tot - pos - 4 < ld16(area + pos + 2)) {
            return -1;
        }
        uint32_t type = ld16(area + pos);
        for (uint32_t q = 4; q < pos; q += 4 + ld16(area + q + 2)) {
            if (ld16(area + q) == type) {
                return -1;
            }
        }
        if (type == want && found < 0) {
            found = (int32_t)pos;
        }
        pos += 4 + ld16(area + pos + 2);
    }
    return found >= 0 ? found : (int32_t)tot;
}

/* tot_len of a valid area, or 0. */
static uint32_t frame(const uint8_t *area, uint32_t size)
{
    if (size < 4 || ld16(area) != RP_BOOT_DATA_MAGIC) {
        return 0;
    }
    uint32_t tot = ld16(area + 2);
    return tot >= 4 && tot <= size ? tot : 0;
}

int rp_boot_data_check(const uint8_t *area, uint32_t size)
{
    uint32_t tot = frame(area, size);
    return tot && walk(area, tot, 0x10000u) >= 0 ? RP_BOOT_DATA_OK : RP_BOOT_DATA_ERR_BAD;
}

int rp_boot_data_find(const uint8_t *area, uint32_t size, uint16_t type,
                      const uint8_t **data, uint16_t *len)
{
    uint32_t tot = frame(area, size);
    int32_t at = tot ? walk(area, tot, type) : -1;
    if (at < 0) {
        return RP_BOOT_DATA_ERR_BAD;
    }
    if ((uint32_t)at == tot) {
        return RP_BOOT_DATA_ERR_NONE;
    }
    *len = (uint16_t)ld16(area + at + 2);
    *data = area + at + 4;
    return RP_BOOT_DATA_OK;
}

int rp_boot_data_add(uint8_t *area, uint32_t size, uint16_t type, const uint8_t *data,
                     uint16_t len)
{
    uint32_t tot = frame(area, size);
    int32_t at = tot ? walk(area, tot, type) : -1;
    if (at < 0) {
        return RP_BOOT_DATA_ERR_BAD;
    }
    if ((uint32_t)at != tot) {
        return RP_BOOT_DATA_ERR_DUP;
    }
    if (size - tot < 4u + len || tot + 4u + len > 0xFFFFu) {
        return RP_BOOT_DATA_ERR_FULL;
    }
    st16(area + tot, type);
    st16(area + tot + 2, len);
    memcpy(area + tot + 4, data, len);
    st16(area + 2, tot + 4 + len);
    return RP_BOOT_DATA_OK;
}

int rp_boot_data_add_record(uint8_t *area, uint32_t size, uint32_t image,
                            const uint8_t *record, uint16_t len, const uint8_t hash[32])
{
    int e = len < 32 ? RP_BOOT_DATA_ERR_BAD
                     : rp_boot_data_add(area, size, (uint16_t)RP_BOOT_DATA_RECORD(image),
                                        record, len);
    if (e == RP_BOOT_DATA_OK) {
        /* the new entry ends the area: its last 32 bytes end at tot_len */
        memcpy(area + ld16(area + 2) - 32, hash, 32);
    }
    return e;
}

/* ---- boot record: the small strict CBOR subset it uses (RFC 8949) ---------------------- */

struct cbor {
    const uint8_t *p, *end;
};

/* One head with a definite argument below 2^16: *major and *arg; -1 if malformed. */
static int cbor_head(struct cbor *c, uint32_t *major, uint32_t *arg)
{
    if (c->p >= c->end) {
        return -1;
    }
    uint32_t ib = *c->p++, ai = ib & 31;
    *major = ib >> 5;
    if (ai < 24) {
        *arg = ai;
        return 0;
    }
    uint32_t n = ai == 24 ? 1 : ai == 25 ? 2 : 0;
    if (!n || (uint32_t)(c->end - c->p) < n) {
        return -1;
    }
    *arg = n == 1 ? c->p[0] : (uint32_t)c->p[0] << 8 | c->p[1];
    c->p += n;
    return 0;
}

/* A text (major 3) or byte (major 2) string of at most max bytes. */
static int cbor_str(struct cbor *c, uint32_t major, uint32_t max, const uint8_t **s,
                    uint32_t *n)
{
    uint32_t m;
    if (cbor_head(c, &m, n) || m != major || *n > max || (uint32_t)(c->end - c->p) < *n) {
        return -1;
    }
    *s = c->p;
    c->p += *n;
    return 0;
}

int rp_boot_record_parse(const uint8_t *rec, uint32_t len, struct rp_boot_record *out)
{
    struct cbor c = { rec, rec + len };
    uint32_t major, n, key, seen = 0, dummy;
    memset(out, 0, sizeof(*out));
    if (cbor_head(&c, &major, &n) || major != 5 || n != 5) {
        return RP_BOOT_DATA_ERR_BAD;
    }
    for (uint32_t i = 0; i < 5; i++) {
        if (cbor_head(&c, &major, &key) || major != 0 || key > 6 || (seen >> key & 1)) {
            return RP_BOOT_DATA_ERR_BAD;
        }
        seen |= 1u << key;
        int e;
        switch (key) {
        case 1: e = cbor_str(&c, 3, 32, &out->sw_type, &out->sw_type_len); break;
        case 4: e = cbor_str(&c, 3, 32, &out->version, &out->version_len); break;
        case 6: e = cbor_str(&c, 3, 32, &out->measurement_desc, &out->measurement_desc_len);
                break;
        case 5: e = cbor_str(&c, 2, 32, &out->signer_id, &dummy) || dummy != 32; break;
        case 2: e = cbor_str(&c, 2, 32, &out->measurement, &dummy) || dummy != 32; break;
        default: e = -1;
        }
        if (e) {
            return RP_BOOT_DATA_ERR_BAD;
        }
    }
    return c.p == c.end && seen == 0x76u ? RP_BOOT_DATA_OK : RP_BOOT_DATA_ERR_BAD;
}
