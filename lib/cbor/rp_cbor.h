/* rp_cbor.h - a small CBOR encoder (RFC 8949): definite lengths, preferred (shortest)
 * argument encoding, no floats. Enough for the PSA attestation token and COSE (RFC 9052).
 *
 * An encoder writes into buf[0..size). With buf == NULL it writes nothing and only counts,
 * so the same code gives the encoded length first. Once an item does not fit, the encoder
 * is in error: nothing more is written, but `len` keeps counting what would have been
 * written. rp_cbor_ok() says whether everything fitted.
 */
#ifndef RP_CBOR_H
#define RP_CBOR_H

#include <stddef.h>
#include <stdint.h>

struct rp_cbor {
    uint8_t *buf;  /* NULL: count only */
    size_t size;   /* capacity of buf */
    size_t len;    /* bytes the items so far take (even past size) */
};

/* Major types (RFC 8949 3.1). */
#define RP_CBOR_UINT  0u
#define RP_CBOR_NINT  1u
#define RP_CBOR_BSTR  2u
#define RP_CBOR_TSTR  3u
#define RP_CBOR_ARRAY 4u
#define RP_CBOR_MAP   5u
#define RP_CBOR_TAG   6u

/* Starts an encoder over buf[0..size) (buf may be NULL: counting only). */
void rp_cbor_init(struct rp_cbor *e, uint8_t *buf, size_t size);

/* 1 if every item so far fitted in the buffer (a counting encoder always fits). */
int rp_cbor_ok(const struct rp_cbor *e);

/* The head of an item: major type 0..7 with argument `arg`, shortest form. */
void rp_cbor_head(struct rp_cbor *e, unsigned major, uint64_t arg);

/* A signed integer: major 0 for v >= 0, major 1 (argument -1 - v) otherwise. */
void rp_cbor_int(struct rp_cbor *e, int64_t v);

/* A byte string / text string of n bytes copied from p (p may be NULL
 * if n == 0 or the encoder only counts). */
void rp_cbor_bstr(struct rp_cbor *e, const uint8_t *p, size_t n);
void rp_cbor_tstr(struct rp_cbor *e, const char *p, size_t n);

/* n bytes that are already CBOR (an embedded item), copied verbatim. */
void rp_cbor_raw(struct rp_cbor *e, const uint8_t *p, size_t n);

#endif
