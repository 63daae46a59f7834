/* rp_der.h - the DER (X.690) encodings that PSA and MCUboot need, strict parsing only.
 *
 * The whole contract of crypto/src/der.c. Every parser accepts exactly the DER encoding
 * (minimal lengths, minimal positive INTEGERs, no trailing bytes) and rejects anything
 * else, including BER variants; it reads only der[0..der_len) and writes its outputs only
 * on success. Integers are exchanged as fixed-size big-endian byte strings.
 * Returns RP_DER_OK (0) or a negative RP_DER_ERR_*.
 */
#ifndef RP_DER_H
#define RP_DER_H

#include <stddef.h>
#include <stdint.h>

#define RP_DER_OK           0
#define RP_DER_ERR_FORMAT  (-1)   /* not the expected strict DER */
#define RP_DER_ERR_RANGE   (-2)   /* a value does not fit the given size */
#define RP_DER_ERR_BUFFER  (-3)   /* output buffer too small */

/* ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (SEC1 C.5, RFC 5480).
 * Parse into rs = r || s, each n_len bytes (32 for P-256, 48 for P-384). r and s must be
 * non-negative and below 2^(8 n_len); the range [1, n-1] is the verifier's check. */
int rp_der_ecdsa_sig_parse(uint8_t *rs, size_t n_len, const uint8_t *der, size_t der_len);

/* Encode rs = r || s (each n_len bytes, n_len <= 64) as an ECDSA-Sig-Value into der[0..cap);
 * *der_len gets the length (at most 2 n_len + 8). */
int rp_der_ecdsa_sig_write(uint8_t *der, size_t cap, size_t *der_len, const uint8_t *rs,
                           size_t n_len);

/* SubjectPublicKeyInfo (RFC 5280 4.1, RFC 5480 2) with algorithm id-ecPublicKey and
 * parameters namedCurve secp256r1 (field_len 32) or secp384r1 (field_len 48). On success
 * *point points into der at the subjectPublicKey bits (an uncompressed point is
 * 2 field_len + 1 bytes; the caller's point check decides). */
int rp_der_ec_spki_parse(const uint8_t *der, size_t der_len, size_t field_len,
                         const uint8_t **point, size_t *point_len);

/* A cursor over a DER buffer, for the RSA key formats (rp_rsa.h) and other callers. */
typedef struct {
    const uint8_t *p;     /* next byte */
    const uint8_t *end;   /* one past the last byte */
} rp_der_reader;

/* Read one TLV with the given tag (single-byte tags only); on success *val, *len describe
 * its contents and the reader moves past it. */
int rp_der_read_tlv(rp_der_reader *r, uint8_t tag, const uint8_t **val, size_t *len);

/* Read a non-negative INTEGER; on success *val, *len give its magnitude without the sign
 * byte (len >= 1; zero is one 0x00 byte). */
int rp_der_read_uint(rp_der_reader *r, const uint8_t **val, size_t *len);

/* Write side: a writer fills buf backwards from its end (DER lengths are then known when
 * the header is written). */
typedef struct {
    uint8_t *start;   /* buffer start */
    uint8_t *p;       /* first written byte; the output is p[0 .. end - p) */
    uint8_t *end;     /* one past the buffer */
    int err;          /* sticky RP_DER_ERR_BUFFER */
} rp_der_writer;

void rp_der_writer_init(rp_der_writer *w, uint8_t *buf, size_t cap);
/* Prepend a non-negative INTEGER whose magnitude is the big-endian v[0..len). */
void rp_der_write_uint(rp_der_writer *w, const uint8_t *v, size_t len);
/* Prepend tag and length for contents of content_len bytes already written after it. */
void rp_der_write_header(rp_der_writer *w, uint8_t tag, size_t content_len);
/* Bytes written so far. */
size_t rp_der_writer_len(const rp_der_writer *w);
/* Move the output to the start of the buffer; returns its length, or RP_DER_ERR_BUFFER
 * (as a negative int) if anything did not fit. */
int rp_der_writer_finish(rp_der_writer *w, size_t *len);

#endif
