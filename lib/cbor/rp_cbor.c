/* rp_cbor.c - the CBOR encoder (rp_cbor.h). */
#include "rp_cbor.h"

#include <string.h>

void rp_cbor_init(struct rp_cbor *e, uint8_t *buf, size_t size)
{
    e->buf = buf;
    e->size = buf == NULL ? 0 : size;
    e->len = 0;
}

int rp_cbor_ok(const struct rp_cbor *e)
{
    return e->buf == NULL || e->len <= e->size;
}

/* Appends n bytes if they fit and no earlier item overflowed; always counts them. */
static void put(struct rp_cbor *e, const uint8_t *p, size_t n)
{
    if (e->buf != NULL && e->len <= e->size && n <= e->size - e->len && n != 0) {
        memcpy(e->buf + e->len, p, n);
    }
    e->len = (n > SIZE_MAX - e->len) ? SIZE_MAX : e->len + n;
}

/* RFC 8949 3.1: arguments < 24 in the initial byte, then 1, 2, 4 or 8 bytes big-endian
 * (additional information 24..27). */
void rp_cbor_head(struct rp_cbor *e, unsigned major, uint64_t arg)
{
    uint8_t h[9];
    unsigned n = arg < 24u ? 0u : arg <= 0xFFu ? 1u : arg <= 0xFFFFu ? 2u
               : arg <= 0xFFFFFFFFu ? 4u : 8u;
    uint8_t ai = n == 0 ? (uint8_t)arg : n == 1 ? 24u : n == 2 ? 25u : n == 4 ? 26u : 27u;
    h[0] = (uint8_t)((major & 7u) << 5 | ai);
    for (unsigned i = 0; i < n; i++) {
        h[1 + i] = (uint8_t)(arg >> (8u * (n - 1u - i)));
    }
    put(e, h, 1u + n);
}

void rp_cbor_int(struct rp_cbor *e, int64_t v)
{
    if (v >= 0) {
        rp_cbor_head(e, RP_CBOR_UINT, (uint64_t)v);
    } else {
        rp_cbor_head(e, RP_CBOR_NINT, (uint64_t)(-(v + 1)));
    }
}

void rp_cbor_bstr(struct rp_cbor *e, const uint8_t *p, size_t n)
{
    rp_cbor_head(e, RP_CBOR_BSTR, n);
    put(e, p, n);
}

void rp_cbor_tstr(struct rp_cbor *e, const char *p, size_t n)
{
    rp_cbor_head(e, RP_CBOR_TSTR, n);
    put(e, (const uint8_t *)p, n);
}

void rp_cbor_raw(struct rp_cbor *e, const uint8_t *p, size_t n)
{
    put(e, p, n);
}
