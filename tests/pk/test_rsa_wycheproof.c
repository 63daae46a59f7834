/* test_rsa_wycheproof.c - the RSA Wycheproof files through rp_rsa (+ rp_der for keys):
 * PKCS#1 v1.5 signature verification and generation, PSS verification (2048 and 3072),
 * OAEP decryption, PKCS#1 v1.5 decryption. Prints `WYCHEPROOF <file> <n> vectors, <f>
 * failures`. "acceptable" cases pass either way (counted when rejected).
 * Usage: test_rsa_wycheproof <testvectors dir> */
#include "rp_der.h"
#include "rp_rsa.h"
#include "rp_test.h"
#include "wyche.h"

typedef struct {
    unsigned long n, failures, acceptable_rejected;
} tally;

static void judge(tally *t, const char *file, const json *tc, int ok)
{
    const char *result = json_str(tc, "result");
    int acceptable = strcmp(result, "acceptable") == 0;
    int pass = acceptable || (strcmp(result, "valid") == 0) == ok;
    t->acceptable_rejected += acceptable && !ok;
    t->n++;
    RP_CHECK(pass);
    if (!pass) {
        t->failures++;
        fprintf(stderr, "%s tcId %ld (%s): expected %s\n", file, json_int(tc, "tcId"),
                json_str(tc, "comment"), result);
    }
}

static void report(const char *file, const tally *t)
{
    printf("WYCHEPROOF %s %lu vectors, %lu failures (%lu acceptable rejected)\n", file, t->n,
           t->failures, t->acceptable_rejected);
    RP_CHECK(t->n > 0);
}

static rp_hash_id hash_by_name(const char *sha)
{
    if (strcmp(sha, "SHA-1") == 0)
        return RP_HASH_SHA1;
    if (strcmp(sha, "SHA-224") == 0)
        return RP_HASH_SHA224;
    if (strcmp(sha, "SHA-384") == 0)
        return RP_HASH_SHA384;
    if (strcmp(sha, "SHA-512") == 0)
        return RP_HASH_SHA512;
    RP_CHECK(strcmp(sha, "SHA-256") == 0);
    return RP_HASH_SHA256;
}

static uint32_t rng_state = 1;

static int test_rng(void *ctx, uint8_t *out, size_t n)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) {
        rng_state = rng_state * 1103515245u + 12345u;
        out[i] = (uint8_t)(rng_state >> 16);
    }
    return 0;
}

/* The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo (RFC 5208): test-side unwrapping. */
static int import_pkcs8(rp_rsa_private *key, const char *hex)
{
    size_t len;
    uint8_t *der = hex_decode(hex, &len);
    rp_der_reader r = { der, der + len }, seq;
    const uint8_t *v, *ver, *alg, *inner;
    size_t n, vl, al, il;
    int ok = der && rp_der_read_tlv(&r, 0x30, &v, &n) == RP_DER_OK;
    if (ok) {
        seq.p = v;
        seq.end = v + n;
        ok = rp_der_read_uint(&seq, &ver, &vl) == RP_DER_OK &&
             rp_der_read_tlv(&seq, 0x30, &alg, &al) == RP_DER_OK &&
             rp_der_read_tlv(&seq, 0x04, &inner, &il) == RP_DER_OK &&
             rp_rsa_private_import(key, inner, il) == RP_RSA_OK;
    }
    free(der);
    return ok;
}

static int import_public_hex(rp_rsa_public *key, const char *hex)
{
    size_t len;
    uint8_t *der = hex_decode(hex, &len);
    int ok = der && rp_rsa_public_import(key, der, len) == RP_RSA_OK;
    free(der);
    return ok;
}

/* kind: 'v' PKCS#1 v1.5 verify, 'p' PSS verify, 'g' PKCS#1 v1.5 generate. */
static void signature_file(int argc, char **argv, const char *file, char kind)
{
    json *root = wyche_open(argc, argv, file);
    tally t = { 0, 0, 0 };
    static rp_rsa_private priv;
    for (json *g = json_get(root, "testGroups")->child; g; g = g->next) {
        rp_rsa_public pub;
        const char *pk = kind == 'g' ? json_str(g, "keyAsn") : json_str(g, "publicKeyAsn");
        int key_ok = import_public_hex(&pub, pk);
        if (kind == 'g')
            key_ok = key_ok && import_pkcs8(&priv, json_str(g, "privateKeyPkcs8"));
        rp_hash_id id = hash_by_name(json_str(g, "sha"));
        size_t slen = (size_t)json_int(g, "sLen");
        for (json *tc = json_get(g, "tests")->child; tc; tc = tc->next) {
            size_t ml, sl;
            uint8_t *msg = hex_decode(json_str(tc, "msg"), &ml), *sig = hex_decode(json_str(tc, "sig"), &sl);
            uint8_t digest[64], mine[RP_RSA_MAX_BYTES];
            int ok = key_ok;
            rp_hash(id, msg, ml, digest);
            if (kind == 'v')
                ok = ok && rp_rsa_pkcs1_verify(&pub, id, digest, sig, sl) == RP_RSA_OK;
            else if (kind == 'p')
                ok = ok && rp_rsa_pss_verify(&pub, id, digest, slen, sig, sl) == RP_RSA_OK;
            else
                ok = ok && rp_rsa_pkcs1_sign(&priv, id, digest, mine, test_rng, NULL) == RP_RSA_OK &&
                     sl == rp_rsa_bytes(&pub) && memcmp(mine, sig, sl) == 0 &&
                     rp_rsa_pkcs1_verify(&pub, id, digest, sig, sl) == RP_RSA_OK;
            judge(&t, file, tc, ok);
            free(msg);
            free(sig);
        }
    }
    report(file, &t);
    json_free(root);
}

/* kind: 'o' OAEP, 'k' PKCS#1 v1.5 decryption. */
static void decrypt_file(int argc, char **argv, const char *file, char kind)
{
    json *root = wyche_open(argc, argv, file);
    tally t = { 0, 0, 0 };
    static rp_rsa_private priv;
    for (json *g = json_get(root, "testGroups")->child; g; g = g->next) {
        int key_ok = import_pkcs8(&priv, json_str(g, "privateKeyPkcs8"));
        RP_CHECK(key_ok);
        rp_hash_id id = kind == 'o' ? hash_by_name(json_str(g, "sha")) : RP_HASH_SHA256;
        if (kind == 'o')
            RP_CHECK(strcmp(json_str(g, "sha"), json_str(g, "mgfSha")) == 0);
        for (json *tc = json_get(g, "tests")->child; tc; tc = tc->next) {
            size_t ml, cl, ll = 0, out_len = 0;
            uint8_t *msg = hex_decode(json_str(tc, "msg"), &ml), *ct = hex_decode(json_str(tc, "ct"), &cl);
            uint8_t *label = kind == 'o' ? hex_decode(json_str(tc, "label"), &ll) : NULL;
            uint8_t out[RP_RSA_MAX_BYTES];
            int r = kind == 'o'
                ? rp_rsa_oaep_decrypt(&priv, id, label, ll, ct, cl, out, sizeof out, &out_len, test_rng, NULL)
                : rp_rsa_pkcs1_decrypt(&priv, ct, cl, out, sizeof out, &out_len, test_rng, NULL);
            int ok = key_ok && r == RP_RSA_OK && out_len == ml && memcmp(out, msg, ml) == 0;
            judge(&t, file, tc, ok);
            free(msg);
            free(ct);
            free(label);
        }
    }
    report(file, &t);
    json_free(root);
}

int main(int argc, char **argv)
{
    signature_file(argc, argv, "rsa_signature_2048_sha256_test.json", 'v');
    signature_file(argc, argv, "rsa_pss_2048_sha256_mgf1_32_test.json", 'p');
    signature_file(argc, argv, "rsa_pss_3072_sha256_mgf1_32_test.json", 'p');
    signature_file(argc, argv, "rsa_pkcs1_2048_sig_gen_test.json", 'g');
    decrypt_file(argc, argv, "rsa_oaep_2048_sha256_mgf1sha256_test.json", 'o');
    decrypt_file(argc, argv, "rsa_pkcs1_2048_test.json", 'k');
    return rp_test_end("rsa_wycheproof");
}
