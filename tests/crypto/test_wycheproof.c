/* test_wycheproof.c - runs one Wycheproof file against Rampart's symmetric primitives.
 *
 * Usage: test_wycheproof <python3> <wycheproof_flat.py> <vectors dir> <file.json>
 * The JSON is flattened by the Python helper at test time (read through a pipe); this file
 * holds the semantics:
 *   valid      -> the operation must succeed and reproduce every expected output;
 *   invalid    -> the operation must be rejected (decryption / verification fails, bad
 *                 parameters refused) or, where a computation is still defined (e.g. the MAC
 *                 of a message with a wrong tag), the expected output must NOT be produced;
 *   acceptable -> either outcome passes; the test counts and prints which one happened
 *                 (none of the files used today has any).
 * Prints "WYCHEPROOF <file> <n> vectors, <f> failures".
 */
#define _POSIX_C_SOURCE 200809L /* popen */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rp_test.h"
#include "rp_aes.h"
#include "rp_hmac.h"
#include "rp_sha2.h"
#include "rp_ct.h"
#include "rp_chachapoly.h"

typedef struct {
    uint8_t *p;
    size_t n;
} buf_t;

static size_t ntests, nfail, nacc_ok, nacc_rej;
static const char *file;

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decode a hex token ('.' = empty) into a fresh buffer (always at least 1 byte allocated). */
static buf_t hex(const char *s)
{
    buf_t b;
    size_t i, l = strcmp(s, ".") == 0 ? 0 : strlen(s);

    b.n = l / 2;
    b.p = malloc(b.n + 1);
    if (!b.p)
        abort();
    for (i = 0; i < b.n; i++)
        b.p[i] = (uint8_t)(hexval(s[2 * i]) << 4 | hexval(s[2 * i + 1]));
    return b;
}

/* Record one vector's outcome: ok = the implementation agreed with the expected output and
 * accepted the input. */
static void outcome(long id, char result, int accepted_and_matched)
{
    ntests++;
    if (result == 'a') {
        if (accepted_and_matched) nacc_ok++; else nacc_rej++;
        return;
    }
    if ((result == 'v') != (accepted_and_matched != 0)) {
        nfail++;
        fprintf(stderr, "%s tcId %ld: expected %s, got %s\n", file, id,
                result == 'v' ? "valid" : "invalid",
                accepted_and_matched ? "accepted" : "rejected");
    }
}

static int all_zero(const uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (p[i]) return 0;
    return 1;
}

typedef int (*aead_enc)(const uint8_t *, size_t, const uint8_t *, size_t, const uint8_t *,
                        size_t, const uint8_t *, size_t, uint8_t *, uint8_t *, size_t);
typedef int (*aead_dec)(const uint8_t *, size_t, const uint8_t *, size_t, const uint8_t *,
                        size_t, const uint8_t *, size_t, uint8_t *, const uint8_t *, size_t);

/* AEAD: decryption must accept exactly the valid vectors (and give the message, or zeros
 * on rejection); encryption of a valid vector must give ct and tag. */
static void aead(long id, char r, buf_t *f, aead_enc enc, aead_dec dec)
{
    buf_t key = f[0], iv = f[1], aad = f[2], msg = f[3], ct = f[4], tag = f[5];
    uint8_t *out = malloc(ct.n + msg.n + 1), t[16];
    int d, e, good;

    memset(out, 0xaa, ct.n + 1);
    d = dec(key.p, key.n, iv.p, iv.n, aad.p, aad.n, ct.p, ct.n, out, tag.p, tag.n);
    good = d == 0 && ct.n == msg.n && memcmp(out, msg.p, msg.n) == 0;
    if (d != 0 && !all_zero(out, ct.n)) {
        nfail++;
        fprintf(stderr, "%s tcId %ld: rejected decryption left non-zero output\n", file, id);
    }
    e = tag.n <= 16 ? enc(key.p, key.n, iv.p, iv.n, aad.p, aad.n, msg.p, msg.n, out, t, tag.n)
                    : -1;
    if (r == 'v' && (e != 0 || memcmp(out, ct.p, ct.n) != 0 || memcmp(t, tag.p, tag.n) != 0))
        good = 0;
    if (r == 'i' && e == 0 && memcmp(out, ct.p, ct.n) == 0 && memcmp(t, tag.p, tag.n) == 0)
        good = 1;   /* an "invalid" vector we would produce ourselves: a failure */
    outcome(id, r, good);
    free(out);
}

static int hash_of(const char *name, rp_hash_id *id)
{
    static const struct { const char *n; rp_hash_id id; } map[] = {
        { "sha1", RP_HASH_SHA1 }, { "sha224", RP_HASH_SHA224 }, { "sha256", RP_HASH_SHA256 },
        { "sha384", RP_HASH_SHA384 }, { "sha512", RP_HASH_SHA512 } };
    size_t i;
    for (i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strstr(name, map[i].n)) {
            *id = map[i].id;
            return 1;
        }
    return 0;
}

/* MAC: compute the full MAC, truncate to tagSize; match <=> accepted. */
static void mac(long id, char r, long tag_bits, buf_t *f)
{
    buf_t key = f[0], msg = f[1], tag = f[2];
    uint8_t full[RP_HASH_MAX_SIZE];
    size_t tl = (size_t)tag_bits / 8;
    int ok;
    rp_hash_id h;

    if (strstr(file, "cmac"))
        ok = rp_aes_cmac(key.p, key.n, msg.p, msg.n, full) == 0 && tl <= 16;
    else
        ok = hash_of(file, &h) && rp_hmac(h, key.p, key.n, msg.p, msg.n, full) == 0
             && tl <= rp_hash_size(h);
    outcome(id, r, ok && tl == tag.n && rp_ct_memeq(full, tag.p, tl));
}

static void hkdf(long id, char r, buf_t *f, long size)
{
    buf_t ikm = f[0], salt = f[1], info = f[2], okm = f[4];
    uint8_t *out = malloc((size_t)size + 1);
    rp_hash_id h;
    int ok = hash_of(file, &h)
             && rp_hkdf(h, salt.p, salt.n, ikm.p, ikm.n, info.p, info.n, out, (size_t)size) == 0
             && okm.n == (size_t)size && memcmp(out, okm.p, okm.n) == 0;
    outcome(id, r, ok);
    free(out);
}

static void pbkdf(long id, char r, buf_t *f, long iters, long dklen)
{
    buf_t pw = f[0], salt = f[1], dk = f[4];
    uint8_t *out = malloc((size_t)dklen + 1);
    rp_hash_id h;
    int ok = hash_of(file, &h)
             && rp_pbkdf2(h, pw.p, pw.n, salt.p, salt.n, (uint32_t)iters, out, (size_t)dklen) == 0
             && dk.n == (size_t)dklen && memcmp(out, dk.p, dk.n) == 0;
    outcome(id, r, ok);
    free(out);
}

/* CBC-PKCS#7: decryption must accept exactly the valid vectors; encryption must
 * reproduce valid ones. */
static void cbc(long id, char r, buf_t *f)
{
    buf_t key = f[0], iv = f[1], msg = f[2], ct = f[3];
    size_t cap = ct.n + msg.n + 32, ol = 0;
    uint8_t *out = malloc(cap);
    int ok = rp_cipher_crypt(RP_AES_CBC_PKCS7, 1, key.p, key.n, iv.p, iv.n, ct.p, ct.n,
                             out, cap, &ol) == 0 && ol == msg.n && memcmp(out, msg.p, ol) == 0;
    if (r == 'v')
        ok = ok && rp_cipher_crypt(RP_AES_CBC_PKCS7, 0, key.p, key.n, iv.p, iv.n, msg.p, msg.n,
                                   out, cap, &ol) == 0 && ol == ct.n
             && memcmp(out, ct.p, ol) == 0;
    outcome(id, r, ok);
    free(out);
}

static void run_line(char *line)
{
    static char kind[16];
    char *tok[12];
    buf_t f[8];
    int nt = 0, i, first;
    long id;
    char r;

    for (char *s = strtok(line, " \n"); s && nt < 12; s = strtok(NULL, " \n"))
        tok[nt++] = s;
    if (nt == 2 && tok[0][0] == 'S') {
        snprintf(kind, sizeof kind, "%s", tok[1]);
        return;
    }
    if (nt < 4 || tok[0][0] != 'T')
        return;
    id = strtol(tok[1], NULL, 10);
    r = tok[2][0];
    first = strcmp(kind, "mac") == 0 ? 4 : 3;   /* mac lines start with tagSize */
    for (i = 0; i < nt - first && i < 8; i++)
        f[i] = hex(tok[first + i]);
    if (strcmp(kind, "aead") == 0 && strstr(file, "aes_gcm"))
        aead(id, r, f, rp_gcm_encrypt, rp_gcm_decrypt);
    else if (strcmp(kind, "aead") == 0 && strstr(file, "aes_ccm"))
        aead(id, r, f, rp_ccm_encrypt, rp_ccm_decrypt);
    else if (strcmp(kind, "aead") == 0 && strstr(file, "chacha20_poly1305"))
        aead(id, r, f, rp_chachapoly_encrypt, rp_chachapoly_decrypt);
    else if (strcmp(kind, "mac") == 0)
        mac(id, r, strtol(tok[3], NULL, 10), f);
    else if (strcmp(kind, "hkdf") == 0)
        hkdf(id, r, f, strtol(tok[6], NULL, 10));
    else if (strcmp(kind, "pbkdf") == 0)
        pbkdf(id, r, f, strtol(tok[5], NULL, 10), strtol(tok[6], NULL, 10));
    else if (strcmp(kind, "ind_cpa") == 0)
        cbc(id, r, f);
    else {
        fprintf(stderr, "%s: no handler for kind %s\n", file, kind);
        nfail++;
    }
    for (i = 0; i < nt - first && i < 8; i++)
        free(f[i].p);
}

int main(int argc, char **argv)
{
    static char line[1 << 20];
    char cmd[4096], path[2048];
    FILE *fp;
    int rc;

    if (argc != 5)
        return 2;
    file = argv[4];
    snprintf(path, sizeof path, "%s/wycheproof/%s", argv[3], file);
    fp = fopen(path, "r");
    if (!fp)
        rp_test_skip("Wycheproof vectors not found (set RAMPART_TESTVECTORS)");
    fclose(fp);
    snprintf(cmd, sizeof cmd, "'%s' '%s' '%s'", argv[1], argv[2], path);
    fp = popen(cmd, "r");
    if (!fp)
        return 2;
    while (fgets(line, sizeof line, fp))
        run_line(line);
    rc = pclose(fp);
    printf("WYCHEPROOF %s %zu vectors, %zu failures", file, ntests, nfail);
    if (nacc_ok + nacc_rej)
        printf(" (acceptable: %zu accepted, %zu rejected)", nacc_ok, nacc_rej);
    printf("\n");
    RP_CHECK_EQ(rc, 0);
    RP_CHECK(ntests > 0);
    RP_CHECK_EQ(nfail, 0);
    return rp_test_end("wycheproof");
}
