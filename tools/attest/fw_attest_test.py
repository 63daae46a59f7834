#!/usr/bin/python3
"""Firmware attestation test: runs the NS attestation suite in QEMU (tools/qemu_run.py),
takes the IAK public key and the tokens it prints as hex, and checks each token on the
host with verify_token.py (signature, claims, nonce, the NS client id -1; for the token a
secure partition asked for, a client id > 0).

  fw_attest_test.py <config dir> <ns_test_attest.elf>

Beyond the verifier's checks: the secure image's software component carries the SHA256
TLV of the signed secure image that was booted (MCUboot format, FORMATS.md 1.2), and a
token with one bit changed, or checked against another nonce, is refused (the verifier
really checks). When the build makes COSE_Mac0 tokens (RAMPART_ATTEST_SYMMETRIC; the
suite prints "ATTEST-KEY symmetric"), the HMAC key is derived on the host as the firmware
derives it (verify_token.attest_mac_key) from AN521's development HUK and the attestation
partition's id in this build (generated psa_manifest/pid.h). Exit status 0 only if
everything holds."""
import os
import re
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import verify_token  # noqa: E402


def image_sha256_tlv(path):
    """The SHA256 TLV (type 0x10) of a signed MCUboot image."""
    img = open(path, "rb").read()
    magic, _, hdr_size, prot_size, img_size = struct.unpack_from("<IIHHI", img, 0)
    assert magic == 0x96F3B83D, "not an MCUboot image"
    off = hdr_size + img_size + prot_size
    tmagic, tlen = struct.unpack_from("<HH", img, off)
    assert tmagic == 0x6907, "no TLV area"
    p, end = off + 4, off + tlen
    while p < end:
        t, n = struct.unpack_from("<HH", img, p)
        if t == 0x10:
            return img[p + 4:p + 4 + n]
        p += 4 + n
    raise AssertionError("no SHA256 TLV")


def attest_partition_id(cfg):
    """RP_ATTEST_SP's id in this build (ids are assigned per configuration)."""
    text = open(os.path.join(cfg, "s", "generated", "psa_manifest", "pid.h")).read()
    m = re.search(r"#define RP_ATTEST_SP \((\d+)\)", text)
    if not m:
        fail("no RP_ATTEST_SP in pid.h")
    return int(m.group(1))


def fail(why):
    print(f"fw_attest_test: FAIL: {why}")
    sys.exit(1)


def main():
    cfg, ns = sys.argv[1], sys.argv[2]
    s_img = os.path.join(cfg, "s", "rampart_s_signed.bin")
    run = subprocess.run(
        [sys.executable, os.path.join(ROOT, "tools/qemu_run.py"), "--bl2",
         os.path.join(cfg, "s", "bl2.elf"), "--s", s_img, "--ns", ns, "--icount",
         "--timeout", "90", "--show", "--expect", r"^SUMMARY [0-9]+ passed, 0 failed$",
         "--reject", " FAIL$", "--reject", "^FAULT"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=200)
    out = run.stdout.decode(errors="replace").replace("\r", "")
    print(out)
    if run.returncode != 0:
        fail("the NS attestation suite failed")
    keys = re.findall(r"^ATTEST-KEY ([0-9a-f]+|symmetric)$", out, re.M)
    tokens = re.findall(r"^ATTEST-TOKEN ([0-9a-f]+) ([0-9a-f]+)$", out, re.M)
    if len(keys) != 1 or len(tokens) != 3:
        fail(f"expected 1 key and 3 tokens, got {len(keys)} and {len(tokens)}")
    spe_hash = image_sha256_tlv(s_img)
    how = {"key_hex": keys[0]}
    if keys[0] == "symmetric":
        how = {"mac_key": verify_token.attest_mac_key(verify_token.DEV_HUK,
                                                      attest_partition_id(cfg))}
        print("symmetric IAK: COSE_Mac0 tokens, key derived on the host")
    for nonce, tok in tokens:
        token = bytes.fromhex(tok)
        try:
            claims = verify_token.verify(token, nonce=bytes.fromhex(nonce), client_id=-1,
                                         **how)
        except verify_token.TokenError as e:
            fail(f"token for a {len(nonce) // 2}-byte challenge: {e}")
        comps = claims.get(-75006) or []
        spe = [c for c in comps if c.get(1) == "SPE"]
        if len(spe) != 1 or spe[0][2] != spe_hash:
            fail("the SPE component's measurement is not the booted image's SHA256 TLV")
        if not any(c.get(1) == "NSPE" for c in comps):
            fail("no NSPE component")
        print(f"token ({len(nonce) // 2}-byte challenge, {len(token)} bytes): verified; "
              f"SPE measurement = image SHA256 TLV {spe_hash.hex()[:16]}...")
        bad = bytearray(token)
        bad[len(bad) // 2] ^= 0x01
        for what, t, n in (("bit flip", bytes(bad), bytes.fromhex(nonce)),
                           ("other nonce", token, bytes(len(nonce) // 2))):
            try:
                verify_token.verify(t, nonce=n, client_id=-1, **how)
                fail(f"a token with a {what} was accepted")
            except verify_token.TokenError:
                pass
    # The token a secure partition asked for (tests/partitions/sp_attest_client), in images
    # that have that partition (a product profile has none: docs/profiles.md).
    with open(os.path.join(cfg, "pkg", "include", "psa_manifest", "sid.h")) as f:
        if "#define RP_TEST_ATTEST_SID " not in f.read():
            print("no secure attestation client in this image: NS tokens only")
            return
    s_tokens = re.findall(r"^ATTEST-TOKEN-S ([0-9a-f]+) ([0-9a-f]+)$", out, re.M)
    if len(s_tokens) != 1:
        fail(f"expected 1 token from the secure client, got {len(s_tokens)}")
    try:
        claims = verify_token.verify(bytes.fromhex(s_tokens[0][1]),
                                     nonce=bytes.fromhex(s_tokens[0][0]), **how)
    except verify_token.TokenError as e:
        fail(f"secure client's token: {e}")
    if claims[-75001] <= 0:
        fail(f"secure client's token has client ID {claims[-75001]}, expected > 0")
    print(f"secure client's token: verified, client ID {claims[-75001]}")
    print("fw_attest_test: OK (4 tokens verified, altered tokens refused)")


if __name__ == "__main__":
    main()
