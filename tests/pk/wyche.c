/* wyche.c - see wyche.h. A plain recursive-descent JSON parser (RFC 8259) sufficient for
 * the Wycheproof files: \uXXXX escapes outside ASCII are kept as '?' (never used in the
 * fields the tests read). */
#include "wyche.h"
#include "rp_der.h"
#include "rp_sha2.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_test.h"

typedef struct {
    const char *p;
} cursor;

static void fail(const char *what)
{
    fprintf(stderr, "json: %s\n", what);
    exit(2);
}

static void skip_ws(cursor *c)
{
    while (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t')
        c->p++;
}

static char *parse_string(cursor *c)
{
    if (*c->p != '"')
        fail("string expected");
    c->p++;
    size_t cap = 16, n = 0;
    char *s = malloc(cap);
    while (*c->p != '"') {
        char ch = *c->p++;
        if (ch == 0)
            fail("unterminated string");
        if (ch == '\\') {
            char e = *c->p++;
            switch (e) {
            case 'n': ch = '\n'; break;
            case 't': ch = '\t'; break;
            case 'r': ch = '\r'; break;
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case 'u': {
                unsigned v = 0;
                if (sscanf(c->p, "%4x", &v) != 1)
                    fail("bad \\u escape");
                c->p += 4;
                ch = v < 0x80 ? (char)v : '?';
                break;
            }
            default: ch = e; break;
            }
        }
        if (n + 2 > cap)
            s = realloc(s, cap *= 2);
        s[n++] = ch;
    }
    c->p++;
    s[n] = 0;
    return s;
}

static json *parse_value(cursor *c);

static json *parse_container(cursor *c, char type, char close)
{
    json *v = calloc(1, sizeof *v), **tail = &v->child;
    v->type = type;
    c->p++;
    skip_ws(c);
    if (*c->p == close) {
        c->p++;
        return v;
    }
    for (;;) {
        char *key = NULL;
        skip_ws(c);
        if (type == 'o') {
            key = parse_string(c);
            skip_ws(c);
            if (*c->p++ != ':')
                fail("':' expected");
        }
        json *item = parse_value(c);
        item->key = key;
        *tail = item;
        tail = &item->next;
        skip_ws(c);
        if (*c->p == ',') {
            c->p++;
            continue;
        }
        if (*c->p++ != close)
            fail("',' or close expected");
        return v;
    }
}

static json *parse_value(cursor *c)
{
    skip_ws(c);
    if (*c->p == '{')
        return parse_container(c, 'o', '}');
    if (*c->p == '[')
        return parse_container(c, 'a', ']');
    json *v = calloc(1, sizeof *v);
    if (*c->p == '"') {
        v->type = 's';
        v->str = parse_string(c);
    } else if (strncmp(c->p, "true", 4) == 0 || strncmp(c->p, "null", 4) == 0) {
        v->type = *c->p == 't' ? 'b' : 'z';
        v->str = *c->p == 't' ? "true" : "null";
        c->p += 4;
    } else if (strncmp(c->p, "false", 5) == 0) {
        v->type = 'b';
        v->str = "false";
        c->p += 5;
    } else {
        const char *start = c->p;
        while (strchr("+-0123456789.eE", *c->p) && *c->p)
            c->p++;
        if (c->p == start)
            fail("value expected");
        v->type = 'n';
        v->str = calloc(1, (size_t)(c->p - start) + 1);
        memcpy(v->str, start, (size_t)(c->p - start));
    }
    return v;
}

json *json_load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (fread(text, 1, (size_t)size, f) != (size_t)size)
        fail("short read");
    fclose(f);
    text[size] = 0;
    cursor c = { text };
    json *root = parse_value(&c);
    free(text);
    return root;
}

json *json_get(const json *obj, const char *key)
{
    if (!obj || obj->type != 'o')
        return NULL;
    for (json *m = obj->child; m; m = m->next)
        if (strcmp(m->key, key) == 0)
            return m;
    return NULL;
}

const char *json_str(const json *obj, const char *key)
{
    json *m = json_get(obj, key);
    return m && m->type == 's' ? m->str : "";
}

long json_int(const json *obj, const char *key)
{
    json *m = json_get(obj, key);
    return m && m->type == 'n' ? strtol(m->str, NULL, 10) : -1;
}

int json_has_str(const json *obj, const char *key, const char *s)
{
    json *a = json_get(obj, key);
    for (json *e = a ? a->child : NULL; e; e = e->next)
        if (e->type == 's' && strcmp(e->str, s) == 0)
            return 1;
    return 0;
}

static int hex_nibble(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

uint8_t *hex_decode(const char *hex, size_t *len)
{
    size_t n = strlen(hex);
    if (n % 2)
        return NULL;
    uint8_t *out = malloc(n / 2 + 1);
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hex_nibble(hex[2 * i]), lo = hex_nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            free(out);
            return NULL;
        }
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    *len = n / 2;
    return out;
}

static int b64url_value(char ch)
{
    if (ch >= 'A' && ch <= 'Z')
        return ch - 'A';
    if (ch >= 'a' && ch <= 'z')
        return ch - 'a' + 26;
    if (ch >= '0' && ch <= '9')
        return ch - '0' + 52;
    if (ch == '-')
        return 62;
    if (ch == '_')
        return 63;
    return -1;
}

uint8_t *b64url_decode(const char *s, size_t *len)
{
    size_t n = strlen(s), bits = 0, out_n = 0;
    uint32_t acc = 0;
    uint8_t *out = malloc(n * 3 / 4 + 1);
    if (n % 4 == 1) {
        free(out);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        int v = b64url_value(s[i]);
        if (v < 0) {
            free(out);
            return NULL;
        }
        acc = acc << 6 | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[out_n++] = (uint8_t)(acc >> bits);
        }
    }
    *len = out_n;
    return out;
}

json *wyche_open(int argc, char **argv, const char *name)
{
    char path[1024];
    if (argc < 2)
        rp_test_skip("no test vector directory given");
    snprintf(path, sizeof path, "%s/wycheproof/%s", argv[1], name);
    json *root = json_load(path);
    if (!root) {
        char reason[1100];
        snprintf(reason, sizeof reason, "%s not found", path);
        rp_test_skip(reason);
    }
    return root;
}

void json_free(json *v)
{
    while (v) {
        json *next = v->next;
        json_free(v->child);
        free(v->key);
        if (v->type == 's' || v->type == 'n')
            free(v->str);
        free(v);
        v = next;
    }
}

int wyche_judge(wyche_tally *t, const char *file, const json *tc, int ok)
{
    const char *result = json_str(tc, "result");
    int pass = strcmp(result, "acceptable") == 0 || (strcmp(result, "valid") == 0) == ok;
    if (strcmp(result, "acceptable") == 0 && !ok)
        t->acceptable_rejected++;
    t->n++;
    if (!pass) {
        t->failures++;
        fprintf(stderr, "%s tcId %ld (%s): expected %s, got %s\n", file,
                json_int(tc, "tcId"), json_str(tc, "comment"), result, ok ? "accept" : "reject");
    }
    return pass;
}

int wyche_report(const char *file, const wyche_tally *t)
{
    printf("WYCHEPROOF %s %lu vectors, %lu failures (%lu acceptable rejected)\n", file, t->n,
           t->failures, t->acceptable_rejected);
    return t->n > 0;
}

size_t wyche_hash_msg(const json *group, const uint8_t *msg, size_t len, uint8_t *out)
{
    const char *sha = json_str(group, "sha");
    rp_hash_id id = strcmp(sha, "SHA-256") == 0 ? RP_HASH_SHA256 :
                    strcmp(sha, "SHA-384") == 0 ? RP_HASH_SHA384 :
                    strcmp(sha, "SHA-512") == 0 ? RP_HASH_SHA512 : (rp_hash_id)0;
    if (id == 0)
        return 0;
    rp_hash(id, msg, len, out);
    return rp_hash_size(id);
}

int wyche_priv_from_hex(const char *hex, uint8_t *priv, size_t size)
{
    size_t len;
    uint8_t *v = hex_decode(hex, &len);
    size_t skip = 0;
    while (skip < len && v[skip] == 0)
        skip++;
    int ok = len - skip <= size;
    if (ok) {
        memset(priv, 0, size);
        memcpy(priv + size - (len - skip), v + skip, len - skip);
    }
    free(v);
    return ok;
}

unsigned wyche_ecdsa_file(int argc, char **argv, const char *file, int der,
                          const wyche_ecdsa *curve, wyche_tally *t)
{
    json *root = wyche_open(argc, argv, file);
    size_t n = curve->scalar_len;
    unsigned bad = 0;
    for (json *g = json_get(root, "testGroups")->child; g; g = g->next) {
        size_t pub_len;
        uint8_t *pub = hex_decode(json_str(json_get(g, "publicKey"), "uncompressed"), &pub_len);
        bad += !(pub != NULL && pub_len == 1 + 2 * n && curve->check_public(pub));
        for (json *tc = json_get(g, "tests")->child; tc; tc = tc->next) {
            size_t msg_len, sig_len;
            uint8_t *msg = hex_decode(json_str(tc, "msg"), &msg_len);
            uint8_t *sig = hex_decode(json_str(tc, "sig"), &sig_len);
            uint8_t hash[64], rs[2 * 66];
            size_t hash_len = wyche_hash_msg(g, msg, msg_len, hash);
            bad += hash_len == 0;
            int ok = der ? rp_der_ecdsa_sig_parse(rs, n, sig, sig_len) == RP_DER_OK
                         : sig_len == 2 * n && (memcpy(rs, sig, 2 * n), 1);
            ok = ok && curve->verify(rs, pub, hash, hash_len);
            (void)wyche_judge(t, file, tc, ok);
            free(msg);
            free(sig);
        }
        free(pub);
    }
    json_free(root);
    return bad;
}
