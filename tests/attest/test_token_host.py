#!/usr/bin/python3
"""Verifies the tokens of the attestation partition run on the host (host_attest.c).

  test_token_host.py <root> <host_attest executable>

Runs the executable, takes the partition id, the public key (or "symmetric") and the
tokens it prints, and checks each token with tools/attest/verify_token.py: for COSE_Sign1
with the printed public key; for COSE_Mac0 with the key derived here, independently of
the firmware, as docs/attestation.md documents it (verify_token.attest_mac_key) from the
host library's development HUK (services/crypto/host/rp_host_store.c: 0xA5 ^ i). A token
with one bit flipped, or checked against another nonce or key, must be refused."""
import re
import subprocess
import sys

ROOT, EXE = sys.argv[1], sys.argv[2]
sys.path.insert(0, ROOT + "/tools/attest")
import verify_token  # noqa: E402

HOST_HUK = bytes(0xA5 ^ i for i in range(32))


def fail(why):
    print("test_token_host: FAIL: " + why)
    sys.exit(1)


run = subprocess.run([EXE], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
out = run.stdout.decode(errors="replace")
print(out)
if run.returncode != 0:
    fail("the host harness failed")
pid = re.findall(r"^ATTEST-PID (\d+)$", out, re.M)
keys = re.findall(r"^ATTEST-KEY ([0-9a-f]+|symmetric)$", out, re.M)
tokens = re.findall(r"^ATTEST-TOKEN ([0-9a-f]+) ([0-9a-f]+)$", out, re.M)
if len(pid) != 1 or len(keys) != 1 or len(tokens) != 3:
    fail("expected one partition id, one key and three tokens")
if keys[0] == "symmetric":
    how = {"mac_key": verify_token.attest_mac_key(HOST_HUK, int(pid[0]))}
    wrong = {"mac_key": verify_token.attest_mac_key(HOST_HUK, int(pid[0]) + 1)}
else:
    how = {"key_hex": keys[0]}
    wrong = None
for nonce, tok in tokens:
    token, n = bytes.fromhex(tok), bytes.fromhex(nonce)
    try:
        claims = verify_token.verify(token, nonce=n, client_id=-1, **how)
    except verify_token.TokenError as e:
        fail(f"token for a {len(n)}-byte challenge: {e}")
    comps = [c.get(1) for c in claims.get(-75006, [])]
    if comps != ["SPE", "NSPE"]:
        fail(f"software components {comps}")
    bad = bytearray(token)
    bad[len(bad) // 2] ^= 0x01
    cases = [("bit flip", bytes(bad), n, how), ("other nonce", token, bytes(len(n)), how)]
    if wrong:
        cases.append(("another partition's key", token, n, wrong))
    for what, t, nn, h in cases:
        try:
            verify_token.verify(t, nonce=nn, client_id=-1, **h)
            fail(f"a token checked with a {what} was accepted")
        except verify_token.TokenError:
            pass
    print(f"token ({len(n)}-byte challenge, {len(token)} bytes): verified")
print(f"test_token_host: OK ({'COSE_Mac0' if wrong else 'COSE_Sign1'}, 3 tokens verified, "
      "altered tokens refused)")
