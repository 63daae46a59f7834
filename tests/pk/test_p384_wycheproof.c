/* test_p384_wycheproof.c - the P-384 Wycheproof files through rp_p384 (+ rp_der).
 *
 * Usage: test_p384_wycheproof <testvectors dir>
 * Prints `WYCHEPROOF <file> <n> vectors, <f> failures` per file. "valid" must succeed and
 * "invalid" must fail. "acceptable" cases: we accept what PSA's formats allow and nothing
 * else, so compressed points (PSA imports uncompressed only) and BER-but-not-DER or
 * explicit-parameter SPKI keys are rejected; the test records either outcome as a pass and
 * counts the acceptable cases we reject (docs/p256.md; the same rules apply to P-384).
 */
#include "rp_der.h"
#include "rp_p384.h"
#include "rp_sha2.h"
#include "rp_test.h"
#include "wyche.h"

/* Record one vector (`ok`: our code accepted it) and check the verdict. */
static void judge(wyche_tally *t, const char *file, const json *tc, int ok)
{
    RP_CHECK(wyche_judge(t, file, tc, ok));
}

static void report(const char *file, const wyche_tally *t)
{
    RP_CHECK(wyche_report(file, t));
}

static int check_public(const uint8_t *pub)
{
    return rp_p384_check_public(pub) == RP_P384_OK;
}

static int verify(const uint8_t *rs, const uint8_t *pub, const uint8_t *hash, size_t hash_len)
{
    return rp_p384_verify(rs, pub, hash, hash_len) == RP_P384_OK;
}

/* ECDSA files: der = 1 for ASN.1 signatures, 0 for IEEE P1363 r || s. */
static void ecdsa_file(int argc, char **argv, const char *file, int der)
{
    static const wyche_ecdsa curve = { 48, check_public, verify };
    wyche_tally t = { 0, 0, 0 };
    RP_CHECK_EQ(wyche_ecdsa_file(argc, argv, file, der, &curve, &t), 0);
    RP_CHECK_EQ(t.failures, 0);
    report(file, &t);
}

/* Private keys are ASN.1-style hex integers (possibly with a 00 sign byte or short). */
static int priv_from_hex(const char *hex, uint8_t priv[48])
{
    return wyche_priv_from_hex(hex, priv, 48);
}

static int ecdh_case(const json *tc, uint8_t shared[48])
{
    uint8_t priv[48];
    size_t len = 0;
    uint8_t *pub = hex_decode(json_str(tc, "public"), &len);
    int ok = pub != NULL && len == 97 && priv_from_hex(json_str(tc, "private"), priv) &&
             rp_p384_ecdh(shared, priv, pub) == RP_P384_OK;
    free(pub);
    return ok;
}

static void ecdh_file(int argc, char **argv, const char *file)
{
    json *root = wyche_open(argc, argv, file);
    wyche_tally t = { 0, 0, 0 };
    for (json *g = json_get(root, "testGroups")->child; g; g = g->next) {
        for (json *tc = json_get(g, "tests")->child; tc; tc = tc->next) {
            uint8_t shared[48];
            size_t want_len = 0;
            uint8_t *want = hex_decode(json_str(tc, "shared"), &want_len);
            int ok = ecdh_case(tc, shared);
            if (ok && !(want_len == 48 && memcmp(shared, want, 48) == 0)) {
                t.failures++;                /* accepted but computed the wrong secret */
                RP_CHECK(0);
                fprintf(stderr, "%s tcId %ld: wrong shared secret\n", file, json_int(tc, "tcId"));
            }
            judge(&t, file, tc, ok);
            free(want);
        }
    }
    report(file, &t);
    json_free(root);
}

int main(int argc, char **argv)
{
    ecdsa_file(argc, argv, "ecdsa_secp384r1_sha384_test.json", 1);
    ecdsa_file(argc, argv, "ecdsa_secp384r1_sha384_p1363_test.json", 0);
    ecdh_file(argc, argv, "ecdh_secp384r1_ecpoint_test.json");
    return rp_test_end("p384_wycheproof");
}
