/* wyche.h - test-side reader for the Wycheproof JSON files: a small JSON tree (malloc'd,
 * freed at exit by the OS), hex and base64url decoding, and the per-file summary line.
 * Host tests only; never linked into Rampart itself. */
#ifndef WYCHE_H
#define WYCHE_H

#include <stddef.h>
#include <stdint.h>

typedef struct json json;
struct json {
    char type;          /* 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null */
    char *key;          /* member name when inside an object */
    char *str;          /* string contents (unescaped), number text */
    json *child;        /* first member / element */
    json *next;         /* next sibling */
};

/* Parse a whole file; exits with a message on a syntax error; returns NULL when the file
 * cannot be opened. */
json *json_load(const char *path);
/* Free a tree (and its siblings). */
void json_free(json *v);
/* Member of an object, or NULL. */
json *json_get(const json *obj, const char *key);
/* String member, or "" when absent or not a string. */
const char *json_str(const json *obj, const char *key);
/* Integer member (numbers only), or -1. */
long json_int(const json *obj, const char *key);
/* 1 when the array member `key` holds the string s. */
int json_has_str(const json *obj, const char *key, const char *s);

/* Decode hex into a malloc'd buffer; *len gets its length; NULL on bad hex. */
uint8_t *hex_decode(const char *hex, size_t *len);
/* Decode unpadded base64url; NULL on bad input. */
uint8_t *b64url_decode(const char *s, size_t *len);

/* Path of a Wycheproof file: argv[1] (the vectors directory) + "/wycheproof/" + name;
 * skips the test (exit 77) when it is missing. */
json *wyche_open(int argc, char **argv, const char *name);

/* Verdicts of one file's vectors. */
typedef struct {
    unsigned long n, failures, acceptable_rejected;
} wyche_tally;

/* Records one vector (`ok`: our code accepted it); returns 1 if that is the expected
 * outcome ("valid" accepted, "invalid" rejected, "acceptable" either way; the acceptable
 * ones we reject are counted), printing the case when it is not. */
int wyche_judge(wyche_tally *t, const char *file, const json *tc, int ok);

/* Prints `WYCHEPROOF <file> <n> vectors, <f> failures (...)`; returns t->n > 0. */
int wyche_report(const char *file, const wyche_tally *t);

/* The group's "sha" applied to msg into out (64 bytes of room); returns the hash size, or
 * 0 for a hash the vectors should not use. */
size_t wyche_hash_msg(const json *group, const uint8_t *msg, size_t len, uint8_t *out);

/* An ASN.1-style hex integer (maybe with a 00 sign byte, maybe short) as a size-byte
 * big-endian scalar; returns 0 if it does not fit. */
int wyche_priv_from_hex(const char *hex, uint8_t *priv, size_t size);

/* One ECDSA verification file through a curve's functions: scalar_len bytes per r and s,
 * public keys 1 + 2 * scalar_len bytes (uncompressed); der = 1 for ASN.1 signatures, 0 for
 * IEEE P1363 r || s. Every vector goes through wyche_judge into t. Returns the number of
 * groups whose public key was refused or whose hash is unknown (0 expected). */
typedef struct {
    size_t scalar_len;
    int (*check_public)(const uint8_t *pub);                  /* 1: valid */
    int (*verify)(const uint8_t *rs, const uint8_t *pub, const uint8_t *hash,
                  size_t hash_len);                           /* 1: signature good */
} wyche_ecdsa;

unsigned wyche_ecdsa_file(int argc, char **argv, const char *file, int der,
                          const wyche_ecdsa *curve, wyche_tally *t);

#endif
