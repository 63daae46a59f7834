/* der.c - strict DER reading and writing for signatures, SPKI and RSA keys (rp_der.h). */
#include "rp_der.h"

#include <string.h>

/* ---- reading -------------------------------------------------------------------------- */

/* X.690 8.1.3 with the DER rules of 10.1: the short form below 128, otherwise the
 * shortest long form (up to 4 length bytes, no leading zero). */
static int der_read_len(rp_der_reader *r, size_t *len)
{
    if (r->p >= r->end)
        return RP_DER_ERR_FORMAT;
    uint8_t first = *r->p++;
    if (first < 0x80) {
        *len = first;
        return RP_DER_OK;
    }
    size_t n = first & 0x7fu;
    if (n == 0 || n > 4 || (size_t)(r->end - r->p) < n || r->p[0] == 0)
        return RP_DER_ERR_FORMAT;
    size_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = (v << 8) | *r->p++;
    if (v < 0x80)
        return RP_DER_ERR_FORMAT;            /* should have used the short form */
    *len = v;
    return RP_DER_OK;
}

int rp_der_read_tlv(rp_der_reader *r, uint8_t tag, const uint8_t **val, size_t *len)
{
    rp_der_reader t = *r;
    size_t n;
    if (t.p >= t.end || *t.p++ != tag)
        return RP_DER_ERR_FORMAT;
    if (der_read_len(&t, &n) != RP_DER_OK || n > (size_t)(t.end - t.p))
        return RP_DER_ERR_FORMAT;
    *val = t.p;
    *len = n;
    r->p = t.p + n;
    return RP_DER_OK;
}

/* X.690 8.3.2: no redundant leading 0x00 or 0xFF byte; we also refuse negatives. */
int rp_der_read_uint(rp_der_reader *r, const uint8_t **val, size_t *len)
{
    rp_der_reader t = *r;
    const uint8_t *v;
    size_t n;
    if (rp_der_read_tlv(&t, 0x02, &v, &n) != RP_DER_OK || n == 0 || (v[0] & 0x80))
        return RP_DER_ERR_FORMAT;
    if (v[0] == 0 && n > 1) {
        if (!(v[1] & 0x80))
            return RP_DER_ERR_FORMAT;        /* non-minimal */
        v++;
        n--;
    }
    *val = v;
    *len = n;
    *r = t;
    return RP_DER_OK;
}

/* Copy a magnitude into a fixed-size big-endian field, left-padded with zeros. */
static int der_uint_to_fixed(uint8_t *out, size_t out_len, const uint8_t *v, size_t n)
{
    if (n == 1 && v[0] == 0)
        n = 0;
    if (n > out_len)
        return RP_DER_ERR_RANGE;
    memset(out, 0, out_len - n);
    if (n > 0)
        memcpy(out + out_len - n, v, n);
    return RP_DER_OK;
}

int rp_der_ecdsa_sig_parse(uint8_t *rs, size_t n_len, const uint8_t *der, size_t der_len)
{
    rp_der_reader outer = { der, der + der_len }, seq;
    const uint8_t *v, *r, *s;
    size_t n, rn, sn;
    if (rp_der_read_tlv(&outer, 0x30, &v, &n) != RP_DER_OK || outer.p != outer.end)
        return RP_DER_ERR_FORMAT;
    seq.p = v;
    seq.end = v + n;
    if (rp_der_read_uint(&seq, &r, &rn) != RP_DER_OK ||
        rp_der_read_uint(&seq, &s, &sn) != RP_DER_OK || seq.p != seq.end)
        return RP_DER_ERR_FORMAT;
    if (der_uint_to_fixed(rs, n_len, r, rn) != RP_DER_OK)
        return RP_DER_ERR_RANGE;
    if (der_uint_to_fixed(rs + n_len, n_len, s, sn) != RP_DER_OK) {
        memset(rs, 0, n_len);
        return RP_DER_ERR_RANGE;
    }
    return RP_DER_OK;
}

/* id-ecPublicKey 1.2.840.10045.2.1; secp256r1 1.2.840.10045.3.1.7; secp384r1 1.3.132.0.34 */
static const uint8_t OID_EC_PUBLIC_KEY[] = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01 };
static const uint8_t OID_P256[] = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 };
static const uint8_t OID_P384[] = { 0x2b, 0x81, 0x04, 0x00, 0x22 };

/* 1 when v[0..n) equals want[0..want_len). Public data: may exit early. */
static int bytes_are(const uint8_t *v, size_t n, const uint8_t *want, size_t want_len)
{
    if (n != want_len)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (v[i] != want[i])
            return 0;
    return 1;
}

/* AlgorithmIdentifier { id-ecPublicKey, namedCurve } for the curve of field_len. */
static int spki_algorithm_ok(const uint8_t *v, size_t n, size_t field_len)
{
    rp_der_reader alg = { v, v + n };
    const uint8_t *oid, *curve;
    size_t oid_len, curve_len;
    if (rp_der_read_tlv(&alg, 0x06, &oid, &oid_len) != RP_DER_OK ||
        rp_der_read_tlv(&alg, 0x06, &curve, &curve_len) != RP_DER_OK || alg.p != alg.end)
        return 0;
    if (!bytes_are(oid, oid_len, OID_EC_PUBLIC_KEY, sizeof OID_EC_PUBLIC_KEY))
        return 0;
    if (field_len == 32)
        return bytes_are(curve, curve_len, OID_P256, sizeof OID_P256);
    if (field_len == 48)
        return bytes_are(curve, curve_len, OID_P384, sizeof OID_P384);
    return 0;
}

int rp_der_ec_spki_parse(const uint8_t *der, size_t der_len, size_t field_len,
                         const uint8_t **point, size_t *point_len)
{
    rp_der_reader outer = { der, der + der_len }, spki;
    const uint8_t *v, *alg, *bits;
    size_t n, alg_len, bits_len;
    if (rp_der_read_tlv(&outer, 0x30, &v, &n) != RP_DER_OK || outer.p != outer.end)
        return RP_DER_ERR_FORMAT;
    spki.p = v;
    spki.end = v + n;
    if (rp_der_read_tlv(&spki, 0x30, &alg, &alg_len) != RP_DER_OK ||
        rp_der_read_tlv(&spki, 0x03, &bits, &bits_len) != RP_DER_OK || spki.p != spki.end)
        return RP_DER_ERR_FORMAT;
    if (!spki_algorithm_ok(alg, alg_len, field_len))
        return RP_DER_ERR_FORMAT;
    if (bits_len < 2 || bits[0] != 0)         /* BIT STRING: no unused bits */
        return RP_DER_ERR_FORMAT;
    *point = bits + 1;
    *point_len = bits_len - 1;
    return RP_DER_OK;
}

/* ---- writing (backwards from the end of the buffer) ---------------------------------- */

void rp_der_writer_init(rp_der_writer *w, uint8_t *buf, size_t cap)
{
    w->start = buf;
    w->p = buf + cap;
    w->end = buf + cap;
    w->err = RP_DER_OK;
}

static void der_put(rp_der_writer *w, const uint8_t *v, size_t n)
{
    if (w->err != RP_DER_OK || (size_t)(w->p - w->start) < n) {
        w->err = RP_DER_ERR_BUFFER;
        return;
    }
    w->p -= n;
    if (n > 0)
        memcpy(w->p, v, n);
}

void rp_der_write_header(rp_der_writer *w, uint8_t tag, size_t content_len)
{
    uint8_t h[6];
    size_t n = 0;
    h[0] = tag;
    if (content_len < 0x80) {
        h[1] = (uint8_t)content_len;
        n = 2;
    } else {
        size_t bytes = 0;
        for (size_t t = content_len; t > 0; t >>= 8)
            bytes++;
        if (bytes > 4) {
            w->err = RP_DER_ERR_BUFFER;
            return;
        }
        h[1] = (uint8_t)(0x80u | bytes);
        for (size_t i = 0; i < bytes; i++)
            h[2 + i] = (uint8_t)(content_len >> (8 * (bytes - 1 - i)));
        n = 2 + bytes;
    }
    der_put(w, h, n);
}

void rp_der_write_uint(rp_der_writer *w, const uint8_t *v, size_t len)
{
    static const uint8_t zero = 0;
    while (len > 1 && v[0] == 0) {           /* minimal: drop leading zeros */
        v++;
        len--;
    }
    if (len == 0) {
        v = &zero;
        len = 1;
    }
    der_put(w, v, len);
    size_t content = len;
    if (v[0] & 0x80) {                       /* keep it positive */
        der_put(w, &zero, 1);
        content++;
    }
    rp_der_write_header(w, 0x02, content);
}

size_t rp_der_writer_len(const rp_der_writer *w)
{
    return (size_t)(w->end - w->p);
}

int rp_der_writer_finish(rp_der_writer *w, size_t *len)
{
    if (w->err != RP_DER_OK)
        return w->err;
    size_t n = rp_der_writer_len(w);
    for (size_t i = 0; i < n; i++)           /* forward copy to lower addresses */
        w->start[i] = w->p[i];
    w->p = w->start;
    w->end = w->start + n;
    *len = n;
    return RP_DER_OK;
}

int rp_der_ecdsa_sig_write(uint8_t *der, size_t cap, size_t *der_len, const uint8_t *rs,
                           size_t n_len)
{
    rp_der_writer w;
    if (n_len == 0 || n_len > 64)
        return RP_DER_ERR_RANGE;
    rp_der_writer_init(&w, der, cap);
    rp_der_write_uint(&w, rs + n_len, n_len);
    rp_der_write_uint(&w, rs, n_len);
    rp_der_write_header(&w, 0x30, rp_der_writer_len(&w));
    return rp_der_writer_finish(&w, der_len);
}
