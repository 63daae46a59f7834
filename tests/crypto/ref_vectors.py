#!/usr/bin/python3
"""Independent reference implementations, written here in Python from the specifications,
for primitives whose official example values we could not obtain with certainty:
HMAC_DRBG (NIST SP 800-90A Rev. 1, 10.1.2), the TLS 1.2 PRF (RFC 5246 section 5) and the
PSK premaster secret (RFC 4279 section 2). Python's hmac/hashlib supply HMAC itself.

Usage: ref_vectors.py <seed> <count>. Prints random cases, one per line (hex, '.' = empty):
  DRBG   hash ent nonce pers ent_reseed addl_reseed addl1 addl2 outlen out
         (instantiate, reseed, generate(addl1), generate(addl2); out = 2nd output, as CAVP)
  DRBGPR hash ent0 pers ent1 addl1 ent2 addl2 outlen out
         (instantiate from ent0 alone; two generates with prediction resistance: each
          reseeds with ent_i || addl_i first; out = 2nd output)
  PRF    hash secret label seed outlen out
  PSK    hash psk other label seed outlen out      (other '-' = plain PSK: N zero bytes)
"""
import hashlib
import hmac
import random
import sys

HASHES = ["sha1", "sha224", "sha256", "sha384", "sha512"]


def h(b):
    return b.hex() if b else "."


class HmacDrbg:
    def __init__(self, name, entropy, nonce, pers):
        self.name = name
        n = hashlib.new(name).digest_size
        self.k = b"\x00" * n
        self.v = b"\x01" * n
        self.update(entropy + nonce + pers)

    def mac(self, key, data):
        return hmac.new(key, data, self.name).digest()

    def update(self, data):
        self.k = self.mac(self.k, self.v + b"\x00" + data)
        self.v = self.mac(self.k, self.v)
        if data:
            self.k = self.mac(self.k, self.v + b"\x01" + data)
            self.v = self.mac(self.k, self.v)

    def reseed(self, entropy, addl):
        self.update(entropy + addl)

    def generate(self, n, addl):
        if addl:
            self.update(addl)
        out = b""
        while len(out) < n:
            self.v = self.mac(self.k, self.v)
            out += self.v
        self.update(addl)
        return out[:n]


def p_hash(name, secret, seed, n):
    out, a = b"", seed
    while len(out) < n:
        a = hmac.new(secret, a, name).digest()
        out += hmac.new(secret, a + seed, name).digest()
    return out[:n]


def rnd(r, lo, hi):
    return bytes(r.getrandbits(8) for _ in range(r.randint(lo, hi)))


def main():
    r = random.Random(int(sys.argv[1]))
    for i in range(int(sys.argv[2])):
        name = HASHES[i % len(HASHES)]
        e, no, p, e2, a0, a1, a2 = (rnd(r, 0, 64) for _ in range(7))
        n = r.randint(1, 300)
        d = HmacDrbg(name, e, no, p)
        d.reseed(e2, a0)
        d.generate(n, a1)
        out = d.generate(n, a2)
        print("DRBG", name, h(e), h(no), h(p), h(e2), h(a0), h(a1), h(a2), n, out.hex())

        pr = ["sha256", "sha512"][i % 2]
        e0, e1, e2 = rnd(r, 48, 48), rnd(r, 32, 32), rnd(r, 32, 32)
        p, a1, a2 = rnd(r, 0, 40), rnd(r, 0, 40), rnd(r, 0, 40)
        d = HmacDrbg(pr, e0, b"", p)
        d.reseed(e1, a1)
        d.generate(n, b"")
        d.reseed(e2, a2)
        out = d.generate(n, b"")
        print("DRBGPR", pr, h(e0), h(p), h(e1), h(a1), h(e2), h(a2), n, out.hex())

        prf = HASHES[1 + i % 4]
        sec, lab, seed = rnd(r, 0, 100), rnd(r, 1, 30), rnd(r, 0, 80)
        print("PRF", prf, h(sec), h(lab), h(seed), n, p_hash(prf, sec, lab + seed, n).hex())

        psk, lab, seed = rnd(r, 0, 128), b"master secret", rnd(r, 64, 64)
        other = rnd(r, 0, 128) if i % 2 else None
        o = other if other is not None else b"\x00" * len(psk)
        pms = len(o).to_bytes(2, "big") + o + len(psk).to_bytes(2, "big") + psk
        print("PSK", prf, h(psk), "-" if other is None else h(other), h(lab), h(seed), 48,
              p_hash(prf, pms, lab + seed, 48).hex())


main()
