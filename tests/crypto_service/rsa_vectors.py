#!/usr/bin/python3
"""Flattens Wycheproof RSA files for test_rsa_psa.c (one line per group or test):
  G <kind> <hash> <salt_len> <pair|public> <DER hex>     kind: SIGGEN PSS OAEP V15
  T <valid|invalid|acceptable> <msg hex> <signature or ciphertext hex> <label hex>
Empty hex fields are '-'. Private keys are converted from PKCS#8 to the PSA format
(RSAPrivateKey, RFC 8017 A.1.2) with python3-cryptography, an independent library.
Exit status 77 when the vectors directory is missing.
Usage: rsa_vectors.py <testvectors dir>"""
import json
import os
import sys

from cryptography.hazmat.primitives import serialization

FILES = [
    ("rsa_pkcs1_2048_sig_gen_test.json", "SIGGEN"),
    ("rsa_pss_2048_sha256_mgf1_32_test.json", "PSS"),
    ("rsa_pss_3072_sha256_mgf1_32_test.json", "PSS"),
    ("rsa_oaep_2048_sha256_mgf1sha256_test.json", "OAEP"),
    ("rsa_pkcs1_2048_test.json", "V15"),
]
HASHES = {"SHA-1": "sha1", "SHA-224": "sha224", "SHA-256": "sha256", "SHA-384": "sha384",
          "SHA-512": "sha512"}


def pkcs1(pkcs8_hex):
    key = serialization.load_der_private_key(bytes.fromhex(pkcs8_hex), None)
    return key.private_bytes(serialization.Encoding.DER,
                             serialization.PrivateFormat.TraditionalOpenSSL,
                             serialization.NoEncryption()).hex()


def h(x):
    return x if x else "-"


def main():
    d = os.path.join(sys.argv[1], "wycheproof")
    if not os.path.isdir(d):
        print("SKIP")
        return 77
    for name, kind in FILES:
        root = json.load(open(os.path.join(d, name)))
        for g in root["testGroups"]:
            hash_name = HASHES.get(g.get("sha", "SHA-256"), "-")
            if kind == "PSS":
                if g.get("mgfSha", g.get("sha")) != g.get("sha"):
                    continue        # PSA's PSS uses MGF1 over the same hash
                print("G", kind, hash_name, g["sLen"], "public", g["publicKeyAsn"])
            else:
                print("G", kind, hash_name, 0, "pair", pkcs1(g["privateKeyPkcs8"]))
            for t in g["tests"]:
                data = t.get("sig", t.get("ct", ""))
                print("T", t["result"], h(t["msg"]), h(data), h(t.get("label", "")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
