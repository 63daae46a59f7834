#!/usr/bin/python3
"""Checks a PSA initial attestation token (FORMATS.md section 3) and prints its claims.

  verify_token.py (--token FILE | --token-hex HEX)
                  (--key-hex HEX | --key-pem FILE | --mac-key-hex HEX |
                   --huk-hex HEX --partition-id N) [--nonce HEX] [--client-id N] [--quiet]

Checks, in this order (the first failure ends with exit status 1 and one line why):
  1. COSE_Sign1 (RFC 9052): CBOR tag 18, an array of 4: protected header bstr exactly
     h'A10126' ({1: -7}, ES256), unprotected map empty or {4: kid bstr}, payload bstr,
     signature bstr of 64 bytes (raw r || s); nothing after the token.
     With a symmetric key: COSE_Mac0, tag 17, protected exactly h'A10105' ({1: 5},
     HMAC 256/256), tag bstr of 32 bytes.
  2. The ES256 signature over the Sig_structure ["Signature1", protected, h'', payload]
     with the given IAK public key (65-byte 04 || X || Y, or a PEM public key); or the
     HMAC-SHA-256 over the MAC_structure ["MAC0", protected, h'', payload] with the
     given 32-byte key, or the key derived as the firmware derives it (attest_mac_key).
  3. The claims map, profile PSA_IOT_PROFILE_1: every mandatory claim present with the
     right type and size, no unknown key, software components or the "no measurements"
     claim (exactly one), instance ID = 0x01 || SHA-256(public key) (symmetric:
     0x01 || SHA-256(SHA-256(key))), the nonce and the client ID when given.
Uses Debian's python3-cbor2 and python3-cryptography only."""
import argparse
import hashlib
import hmac
import io
import sys

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PROTECTED_ES256 = bytes.fromhex("a10126")
PROTECTED_HMAC256 = bytes.fromhex("a10105")
# The AN521 development HUK (services/crypto/crypto_platform_dev.c: 0x5A ^ (i * 29)).
DEV_HUK = bytes((0x5A ^ (i * 29)) & 0xFF for i in range(32))
PROFILE_IOT1 = "PSA_IOT_PROFILE_1"
LIFECYCLE_STATES = {0x0000, 0x1000, 0x2000, 0x3000, 0x4000, 0x5000, 0x6000}

NAMES = {
    -75000: "profile", -75001: "client_id", -75002: "security_lifecycle",
    -75003: "implementation_id", -75004: "boot_seed", -75005: "certification_reference",
    -75006: "software_components", -75007: "no_sw_measurements", -75008: "nonce",
    -75009: "instance_id", -75010: "verification_service",
}
MANDATORY = (-75000, -75001, -75002, -75003, -75004, -75008, -75009)
SW_KEYS = {1: "measurement_type", 2: "measurement_value", 4: "version", 5: "signer_id",
           6: "measurement_description"}


class TokenError(Exception):
    pass


def need(cond, why):
    if not cond:
        raise TokenError(why)


def public_key(key_hex=None, key_pem=None):
    """The IAK public key as a cryptography object and its 65-byte encoding."""
    if key_pem:
        k = serialization.load_pem_public_key(open(key_pem, "rb").read())
    else:
        k = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(),
                                                         bytes.fromhex(key_hex))
    need(isinstance(k.curve, ec.SECP256R1), "IAK is not a P-256 key")
    raw = k.public_bytes(serialization.Encoding.X962,
                         serialization.PublicFormat.UncompressedPoint)
    return k, raw


def hkdf_sha256(ikm, salt, info):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def attest_mac_key(huk, partition_id):
    """The symmetric IAK as the firmware derives it (docs/attestation.md):
    the Crypto service's builtin RP_BUILTIN_KEY_ID_PLATFORM_DERIVE for the attestation
    partition, HKDF-SHA-256(salt "Rampart builtin v1", HUK, "platform-derive" || be32(id)),
    then the partition's HKDF-SHA-256(no salt, that key, "Rampart attestation HMAC IAK v1")."""
    derive = hkdf_sha256(huk, b"Rampart builtin v1",
                         b"platform-derive" + partition_id.to_bytes(4, "big"))
    return hkdf_sha256(derive, None, b"Rampart attestation HMAC IAK v1")


def loads_whole(data, what):
    """One CBOR item that spans all of data."""
    f = io.BytesIO(data)
    try:
        obj = cbor2.CBORDecoder(f).decode()
    except Exception as e:  # cbor2 raises several types
        raise TokenError(f"{what} is not CBOR: {e}")
    need(f.tell() == len(data), f"trailing bytes after the {what}")
    return obj


def parse_cose(token, mac=False):
    """Step 1: the COSE_Sign1 (or, mac, COSE_Mac0) structure. Returns (protected,
    payload, signature or tag)."""
    name, tag, want, alg, n = (("COSE_Mac0", 17, PROTECTED_HMAC256, "HMAC 256/256", 32)
                               if mac else
                               ("COSE_Sign1", 18, PROTECTED_ES256, "ES256", 64))
    obj = loads_whole(token, "token")
    need(isinstance(obj, cbor2.CBORTag) and obj.tag == tag, f"not a {name} (tag {tag})")
    v = obj.value
    need(isinstance(v, list) and len(v) == 4, f"{name} is not an array of 4")
    prot, unprot, payload, sig = v
    need(prot == want, f"protected header {prot!r} is not h'{want.hex().upper()}' ({alg})")
    need(isinstance(unprot, dict) and set(unprot) <= {4}, "unprotected header not {} / {4: kid}")
    need(all(isinstance(x, bytes) for x in unprot.values()), "kid is not a bstr")
    need(isinstance(payload, bytes), "payload is not a bstr")
    need(isinstance(sig, bytes) and len(sig) == n, f"signature or tag is not {n} bytes")
    return prot, payload, sig


def check_mac(key, prot, payload, tag):
    """Step 2, symmetric: HMAC-SHA-256 over the MAC_structure (RFC 9052 6.3)."""
    tbs = cbor2.dumps(["MAC0", prot, b"", payload])
    need(hmac.compare_digest(hmac.new(key, tbs, hashlib.sha256).digest(), tag),
         "MAC tag does not verify with the IAK")


def check_signature(key, prot, payload, sig):
    """Step 2: ES256 over the Sig_structure (RFC 9052 4.4)."""
    tbs = cbor2.dumps(["Signature1", prot, b"", payload])
    der = encode_dss_signature(int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big"))
    try:
        key.verify(der, tbs, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise TokenError("signature does not verify with the IAK")


def check_sw_component(i, c):
    need(isinstance(c, dict) and c, f"software component {i} is not a map")
    need(set(c) <= set(SW_KEYS), f"software component {i}: unknown keys {set(c) - set(SW_KEYS)}")
    m = c.get(2)
    need(isinstance(m, bytes) and len(m) in (32, 48, 64),
         f"software component {i}: measurement value missing or not 32/48/64 bytes")
    for k in (1, 4, 6):
        need(k not in c or isinstance(c[k], str), f"software component {i}: key {k} not a tstr")
    need(5 not in c or (isinstance(c[5], bytes) and len(c[5]) >= 32),
         f"software component {i}: signer ID not a bstr of >= 32 bytes")


def check_claims(claims, key_hash, nonce=None, client_id=None):
    """Step 3: the claims of PSA_IOT_PROFILE_1 (FORMATS.md 3.2); key_hash is the instance
    ID's hash of the IAK."""
    need(isinstance(claims, dict), "payload is not a CBOR map")
    unknown = set(claims) - set(NAMES)
    need(not unknown, f"unknown claims {sorted(unknown)}")
    for k in MANDATORY:
        need(k in claims, f"claim {NAMES[k]} ({k}) missing")
    need(claims[-75000] == PROFILE_IOT1, f"profile {claims[-75000]!r}")
    cid = claims[-75001]
    need(isinstance(cid, int) and cid != 0, "client ID not a non-zero int")
    lc = claims[-75002]
    need(isinstance(lc, int) and lc >= 0 and (lc & 0xFF00) in LIFECYCLE_STATES and lc <= 0xFFFF,
         f"security lifecycle {lc!r} not a known state")
    for k, n in ((-75003, (32,)), (-75004, (32,)), (-75008, (32, 48, 64)), (-75009, (33,))):
        need(isinstance(claims[k], bytes) and len(claims[k]) in n,
             f"claim {NAMES[k]} not a bstr of {n} bytes")
    need(claims[-75009] == b"\x01" + key_hash,
         "instance ID is not 0x01 || the IAK hash")
    sw, nosw = claims.get(-75006), claims.get(-75007)
    need((sw is None) != (nosw is None), "need exactly one of software components / no measurements")
    if sw is not None:
        need(isinstance(sw, list) and sw, "software components not a non-empty array")
        for i, c in enumerate(sw):
            check_sw_component(i, c)
    else:
        need(nosw == 1, "no_sw_measurements is not 1")
    for k in (-75005, -75010):
        need(k not in claims or isinstance(claims[k], str), f"claim {NAMES[k]} not a tstr")
    if nonce is not None:
        need(claims[-75008] == nonce, "nonce differs from the challenge")
    if client_id is not None:
        need(cid == client_id, f"client ID {cid}, expected {client_id}")


def verify(token, key_hex=None, key_pem=None, nonce=None, client_id=None, mac_key=None):
    """All three steps, with the IAK public key, or the symmetric IAK mac_key (32 bytes).
    Returns the claims map; raises TokenError."""
    if mac_key is not None:
        need(len(mac_key) == 32, "the symmetric IAK is not 32 bytes")
        prot, payload, tag = parse_cose(token, mac=True)
        check_mac(mac_key, prot, payload, tag)
        key_hash = hashlib.sha256(hashlib.sha256(mac_key).digest()).digest()
    else:
        key, raw = public_key(key_hex, key_pem)
        prot, payload, sig = parse_cose(token)
        check_signature(key, prot, payload, sig)
        key_hash = hashlib.sha256(raw).digest()
    claims = loads_whole(payload, "payload")
    check_claims(claims, key_hash, nonce, client_id)
    return claims


def show(v):
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, list):
        return "[" + ", ".join(show(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{SW_KEYS.get(k, k)}: {show(x)}" for k, x in v.items()) + "}"
    return repr(v)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    t = p.add_mutually_exclusive_group(required=True)
    t.add_argument("--token")
    t.add_argument("--token-hex")
    k = p.add_mutually_exclusive_group(required=True)
    k.add_argument("--key-hex")
    k.add_argument("--key-pem")
    k.add_argument("--mac-key-hex", help="the symmetric IAK (32 bytes)")
    k.add_argument("--huk-hex", help="derive the symmetric IAK from this HUK ('dev': "
                   "AN521's development HUK) and --partition-id")
    p.add_argument("--partition-id", type=int, help="the attestation partition's id")
    p.add_argument("--nonce")
    p.add_argument("--client-id", type=int)
    p.add_argument("--quiet", action="store_true")
    a = p.parse_args()
    token = open(a.token, "rb").read() if a.token else bytes.fromhex(a.token_hex)
    mac_key = bytes.fromhex(a.mac_key_hex) if a.mac_key_hex else None
    if a.huk_hex:
        if a.partition_id is None:
            p.error("--huk-hex needs --partition-id")
        huk = DEV_HUK if a.huk_hex == "dev" else bytes.fromhex(a.huk_hex)
        mac_key = attest_mac_key(huk, a.partition_id)
    try:
        claims = verify(token, a.key_hex, a.key_pem,
                        bytes.fromhex(a.nonce) if a.nonce else None, a.client_id, mac_key)
    except TokenError as e:
        print(f"verify_token: FAIL: {e}")
        return 1
    if not a.quiet:
        for key, v in claims.items():
            print(f"  {NAMES[key]:24} {show(v)}")
    print(f"verify_token: OK ({len(token)} bytes, {'tag' if mac_key else 'signature'} "
          "and claims valid)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
