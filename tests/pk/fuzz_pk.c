/* fuzz_pk.c - libFuzzer harness for every public-key parser: the ECDSA DER signature,
 * the EC SubjectPublicKeyInfo, the generic DER reader, and the P-256 and P-384 point
 * imports (through check_public, ECDH and, for P-256, verify), and the RSA key imports.
 *
 * Properties checked (abort on violation, so both libFuzzer and the smoke driver see it):
 * - a signature that parses re-encodes to exactly the input bytes (DER is canonical);
 * - an SPKI that parses yields a point inside the input;
 * - a public key that is accepted is on the curve: verify of a fixed signature never
 *   crashes and check_public agrees with the ECDH input check;
 * - an RSA key that imports re-exports to exactly the input bytes.
 * Built with clang -fsanitize=fuzzer when available (make fuzz), and always with
 * fuzz_main.c as a smoke test (make test).
 */
#include <stdlib.h>
#include <string.h>

#include "rp_der.h"
#include "rp_p256.h"
#include "rp_p384.h"
#include "rp_rsa.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

static void fuzz_sig(const uint8_t *data, size_t size, size_t n_len)
{
    uint8_t rs[96], enc[2 * 48 + 8];
    size_t len;
    if (rp_der_ecdsa_sig_parse(rs, n_len, data, size) != RP_DER_OK)
        return;
    REQUIRE(rp_der_ecdsa_sig_write(enc, sizeof enc, &len, rs, n_len) == RP_DER_OK);
    REQUIRE(len == size && memcmp(enc, data, size) == 0);
}

static void fuzz_spki(const uint8_t *data, size_t size)
{
    const uint8_t *point;
    size_t len;
    for (size_t field = 32; field <= 48; field += 16) {
        if (rp_der_ec_spki_parse(data, size, field, &point, &len) == RP_DER_OK)
            REQUIRE(point >= data && point + len <= data + size);
    }
}

static void fuzz_reader(const uint8_t *data, size_t size)
{
    rp_der_reader r = { data, data + size };
    const uint8_t *v;
    size_t len;
    while (r.p < r.end) {
        const uint8_t *before = r.p;
        if (rp_der_read_uint(&r, &v, &len) == RP_DER_OK) {
            REQUIRE(len >= 1 && v >= data && v + len <= data + size);
            continue;
        }
        if (rp_der_read_tlv(&r, *r.p, &v, &len) != RP_DER_OK)
            break;
        REQUIRE(r.p > before && r.p <= r.end && v + len <= data + size);
    }
}

static void fuzz_point(const uint8_t *data, size_t size)
{
    static const uint8_t priv[32] = { 0x01, 0x02, 0x03, [31] = 0x42 };
    uint8_t pub[65], sig[64], z[32];
    if (size < 65 + 64)
        return;
    memcpy(pub, data, 65);
    memcpy(sig, data + 65, 64);
    int ok = rp_p256_check_public(pub) == RP_P256_OK;
    REQUIRE((rp_p256_ecdh(z, priv, pub) == RP_P256_OK) == ok);
    int v = rp_p256_verify(sig, pub, data + 129, size - 129);
    REQUIRE(ok || v == RP_P256_ERR_INPUT);
}

static void fuzz_point384(const uint8_t *data, size_t size)
{
    static const uint8_t priv[48] = { 0x05, [47] = 0x11 };
    uint8_t z[48];
    if (size < 97)
        return;
    int ok = rp_p384_check_public(data) == RP_P384_OK;
    REQUIRE((rp_p384_ecdh(z, priv, data) == RP_P384_OK) == ok);
}

/* RSA keys: whatever imports re-exports to exactly the input (DER is canonical). */
static void fuzz_rsa(const uint8_t *data, size_t size)
{
    static rp_rsa_private priv;
    static uint8_t out[2 * RP_RSA_MAX_BYTES + 8 * RP_RSA_MAX_BYTES / 2 + 64];
    rp_rsa_public pub;
    size_t len = 0;
    if (rp_rsa_public_import(&pub, data, size) == RP_RSA_OK) {
        REQUIRE(rp_rsa_public_export(&pub, out, sizeof out, &len) == RP_RSA_OK);
        REQUIRE(len == size && memcmp(out, data, size) == 0);
    }
    if (rp_rsa_private_import(&priv, data, size) == RP_RSA_OK) {
        REQUIRE(rp_rsa_private_export(&priv, out, sizeof out, &len) == RP_RSA_OK);
        REQUIRE(len == size && memcmp(out, data, size) == 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_sig(data, size, 32);
    fuzz_sig(data, size, 48);
    fuzz_spki(data, size);
    fuzz_reader(data, size);
    fuzz_point(data, size);
    fuzz_point384(data, size);
    fuzz_rsa(data, size);
    return 0;
}
