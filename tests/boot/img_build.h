/* img_build.h - builds MCUboot images in memory for the boot tests (independent of the
 * Python signer): header, payload, protected SEC_CNT / BOOT_RECORD / DEPENDENCY, SHA256,
 * KEYHASH or PUBKEY, DER ECDSA signature (nonces from a fixed test stream, so runs repeat). */
#ifndef IMG_BUILD_H
#define IMG_BUILD_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_image.h"
#include "rp_p256.h"
#include "rp_sha2.h"

struct ib_key {
    uint8_t priv[32];
    uint8_t pub[65];
    uint8_t spki[91];
    uint8_t hash[32];
};

static const uint8_t ib_spki_prefix[26] = {
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
    0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
};

/* A key from a seed byte: d = 0x00..0x01 || seed... (always in range). */
static inline void ib_key_make(struct ib_key *k, uint8_t seed)
{
    memset(k->priv, seed, 32);
    k->priv[0] = 0x11;
    if (rp_p256_public_from_private(k->pub, k->priv) != RP_P256_OK) {
        abort();
    }
    memcpy(k->spki, ib_spki_prefix, 26);
    memcpy(k->spki + 26, k->pub, 65);
    rp_sha256(k->spki, 91, k->hash);
}

struct ib_opts {
    uint32_t hdr_size, img_size;
    struct rp_image_version ver;
    int sec_cnt;                 /* -1: no SEC_CNT TLV */
    const char *sw_type;         /* NULL: no BOOT_RECORD */
    int dep_image;               /* -1: no DEPENDENCY */
    struct rp_image_version dep_min;
    int full_key;                /* PUBKEY instead of KEYHASH */
    uint8_t fill;                /* payload byte pattern seed */
};

static inline void ib_defaults(struct ib_opts *o)
{
    memset(o, 0, sizeof(*o));
    o->hdr_size = 0x400;
    o->img_size = 1000;
    o->ver.major = 1; o->ver.minor = 2; o->ver.revision = 3; o->ver.build = 4;
    o->sec_cnt = 5;
    o->sw_type = "SPE";
    o->dep_image = 1;
}

static inline uint8_t *ib_put16(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); return p + 2; }
static inline uint8_t *ib_put32(uint8_t *p, uint32_t v) { return ib_put16(ib_put16(p, v), v >> 16); }

static inline uint8_t *ib_tlv(uint8_t *p, uint32_t type, const void *d, uint32_t len)
{
    p = ib_put16(ib_put16(p, type), len);
    memcpy(p, d, len);
    return p + len;
}

static inline uint8_t *ib_cbor_str(uint8_t *p, uint8_t major, const void *s, uint32_t n)
{
    if (n < 24) {
        *p++ = (uint8_t)(major << 5 | n);
    } else {
        *p++ = (uint8_t)(major << 5 | 24);
        *p++ = (uint8_t)n;
    }
    memcpy(p, s, n);
    return p + n;
}

static inline uint32_t ib_boot_record(uint8_t *out, const char *sw_type,
                               const struct rp_image_version *v, const uint8_t keyhash[32])
{
    char ver[24];
    uint8_t zero[32] = { 0 };
    snprintf(ver, sizeof ver, "%u.%u.%u", v->major, v->minor, v->revision);
    uint8_t *p = out;
    *p++ = 0xa5;
    *p++ = 0x01; p = ib_cbor_str(p, 3, sw_type, (uint32_t)strlen(sw_type));
    *p++ = 0x04; p = ib_cbor_str(p, 3, ver, (uint32_t)strlen(ver));
    *p++ = 0x05; p = ib_cbor_str(p, 2, keyhash, 32);
    *p++ = 0x06; p = ib_cbor_str(p, 3, "SHA256", 6);
    *p++ = 0x02; p = ib_cbor_str(p, 2, zero, 32);
    return (uint32_t)(p - out);
}

/* Test nonces: a fixed xorshift stream, so that every run builds the same images. Not
 * for real signatures. */
static uint64_t ib_rng_state = 0x9E3779B97F4A7C15ull;
static inline int ib_rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    while (n--) {
        ib_rng_state ^= ib_rng_state << 13;
        ib_rng_state ^= ib_rng_state >> 7;
        ib_rng_state ^= ib_rng_state << 17;
        *out++ = (uint8_t)(ib_rng_state >> 32);
    }
    return 0;
}

/* DER of r||s as imgtool writes it (minimal INTEGERs). */
static inline uint32_t ib_der(uint8_t *out, const uint8_t rs[64])
{
    uint8_t *p = out + 2;
    for (int i = 0; i < 2; i++) {
        const uint8_t *v = rs + 32 * i;
        uint32_t skip = 0;
        while (skip < 31 && v[skip] == 0 && !(v[skip + 1] & 0x80)) {
            skip++;
        }
        uint32_t pad = (v[skip] & 0x80) ? 1 : 0;
        *p++ = 0x02;
        *p++ = (uint8_t)(32 - skip + pad);
        if (pad) {
            *p++ = 0;
        }
        memcpy(p, v + skip, 32 - skip);
        p += 32 - skip;
    }
    out[0] = 0x30;
    out[1] = (uint8_t)(p - out - 2);
    return (uint32_t)(p - out);
}

/* Writes an image into slot (slot_size bytes, first filled with 0xFF). Returns its length
 * (header through the unprotected TLVs). */
static inline uint32_t ib_build(uint8_t *slot, uint32_t slot_size, const struct ib_opts *o,
                         const struct ib_key *k)
{
    memset(slot, 0xFF, slot_size);
    uint8_t *p = slot;
    p = ib_put32(p, RP_IMAGE_MAGIC);
    p = ib_put32(p, 0);
    p = ib_put16(p, o->hdr_size);
    uint8_t *prot_size_at = p;
    p = ib_put16(p, 0);
    p = ib_put32(p, o->img_size);
    p = ib_put32(p, 0);
    *p++ = o->ver.major; *p++ = o->ver.minor;
    p = ib_put16(p, o->ver.revision);
    p = ib_put32(p, o->ver.build);
    ib_put32(p, 0);
    for (uint32_t i = 0; i < o->img_size; i++) {
        slot[o->hdr_size + i] = (uint8_t)(i * 7 + o->fill);
    }
    uint8_t *prot = slot + o->hdr_size + o->img_size;
    p = prot + 4;
    uint8_t buf[128];
    if (o->sec_cnt >= 0) {
        ib_put32(buf, (uint32_t)o->sec_cnt);
        p = ib_tlv(p, RP_TLV_SEC_CNT, buf, 4);
    }
    if (o->sw_type) {
        p = ib_tlv(p, RP_TLV_BOOT_RECORD, buf, ib_boot_record(buf, o->sw_type, &o->ver, k->hash));
    }
    if (o->dep_image >= 0) {
        memset(buf, 0, 12);
        buf[0] = (uint8_t)o->dep_image;
        buf[4] = o->dep_min.major; buf[5] = o->dep_min.minor;
        ib_put16(buf + 6, o->dep_min.revision);
        ib_put32(buf + 8, o->dep_min.build);
        p = ib_tlv(p, RP_TLV_DEPENDENCY, buf, 12);
    }
    uint32_t prot_size = p == prot + 4 ? 0 : (uint32_t)(p - prot);
    if (prot_size) {
        ib_put16(ib_put16(prot, RP_IMAGE_TLV_PROT_MAGIC), prot_size);
        ib_put16(prot_size_at, prot_size);
    } else {
        p = prot;
    }
    uint8_t hash[32], rs[64];
    rp_sha256(slot, (uint32_t)(p - slot), hash);
    uint8_t *un = p;
    p += 4;
    p = ib_tlv(p, RP_TLV_SHA256, hash, 32);
    p = o->full_key ? ib_tlv(p, RP_TLV_PUBKEY, k->spki, 91) : ib_tlv(p, RP_TLV_KEYHASH, k->hash, 32);
    if (rp_p256_sign(rs, k->priv, hash, 32, ib_rng, NULL) != RP_P256_OK) {
        abort();
    }
    p = ib_tlv(p, RP_TLV_ECDSA_SIG, buf, ib_der(buf, rs));
    ib_put16(ib_put16(un, RP_IMAGE_TLV_MAGIC), (uint32_t)(p - un));
    return (uint32_t)(p - slot);
}

#endif
