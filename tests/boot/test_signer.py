#!/usr/bin/python3
"""Signer tests: tools/sign/rp_sign.py against FORMATS.md §1's example layout, checked with
independent code (cryptography's ECDSA verify, cbor2's decoder, hashlib), then the C
validator (image_check) on what the signer made: the signer/verifier round trip.
  test_signer.py <root> <image_check executable>"""
import hashlib
import os
import struct
import subprocess
import sys
import tempfile

import cbor2
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils

ROOT, CHECK = sys.argv[1], sys.argv[2]
SIGN = [sys.executable, os.path.join(ROOT, "tools/sign/rp_sign.py")]
DEV_KEY = os.path.join(ROOT, "tools/sign/keys/bl2_dev_p256_DEVELOPMENT_ONLY.pem")
checks = failures = 0


def check(cond, what):
    global checks, failures
    checks += 1
    if not cond:
        failures += 1
        print("FAIL:", what)


def sign(tmp, key, args, payload=None, name="out.bin"):
    src = os.path.join(tmp, "in.bin")
    with open(src, "wb") as f:
        f.write(payload if payload is not None else bytes((i * 7 + 3) & 0xFF for i in range(1000)))
    out = os.path.join(tmp, name)
    subprocess.run(SIGN + ["sign", "-k", key] + args + [src, out], check=True)
    return open(out, "rb").read()


def pub_point(key_path):
    k = serialization.load_pem_private_key(open(key_path, "rb").read(), None)
    return k.public_key()


def c_check(path, limit, pub, min_cnt=0):
    hexpub = pub.public_bytes(serialization.Encoding.X962,
                              serialization.PublicFormat.UncompressedPoint).hex()
    r = subprocess.run([CHECK, path, hex(limit), hexpub, str(min_cnt)],
                       capture_output=True, text=True)
    return r.returncode, r.stdout.strip()


EXAMPLE = ["--header-size", "0x400", "--pad-header", "--align", "1", "--version", "1.2.3+4",
           "--slot-size", "0x80000", "--security-counter", "5", "--boot-record", "SPE",
           "-d", "(1,0.0.0+0)", "--pad", "--confirm"]


def test_example(tmp):
    img = sign(tmp, DEV_KEY, EXAMPLE)
    pub = pub_point(DEV_KEY)
    spki = pub.public_bytes(serialization.Encoding.DER,
                            serialization.PublicFormat.SubjectPublicKeyInfo)
    keyhash = hashlib.sha256(spki).digest()
    check(len(spki) == 91 and spki[:4] == bytes.fromhex("30593013"), "SPKI form")
    check(len(img) == 0x80000, "padded to the slot")
    # FORMATS.md §1.3 example, line by line
    check(img[0:16] == bytes.fromhex("3db8f39600000000 00047b00e8030000".replace(" ", "")),
          "header line 000")
    check(img[16:32] == bytes.fromhex("0000000001020300 0400000000000000".replace(" ", "")),
          "header line 010")
    check(img[32:0x400] == b"\xff" * (0x400 - 32), "header padding is 0xFF")
    check(img[0x7e8:0x7f4] == bytes.fromhex("08697b00500004000500000000"[:24]), "prot info + SEC_CNT")
    check(img[0x7f4:0x7fc] == bytes.fromhex("60005b00a5016353"), "BOOT_RECORD head")
    rec = img[0x7f8:0x7f8 + 0x5b]
    check(rec[-35:] == b"\x02\x58\x20" + bytes(32), "record ends with 02 58 20 + 32 zeros")
    d = cbor2.loads(rec)
    check(list(d.keys()) == [1, 4, 5, 6, 2], "record key order 1,4,5,6,2")
    check(d == {1: "SPE", 4: "1.2.3", 5: keyhash, 6: "SHA256", 2: bytes(32)}, "record values")
    check(img[0x853:0x863] == bytes.fromhex("40000c00010000000000000000000000"), "DEPENDENCY")
    un = img[0x863:]
    magic, total = struct.unpack_from("<HH", un)
    siglen = struct.unpack_from("<H", un, 4 + 36 + 36 + 2)[0]
    check(magic == 0x6907 and total == 4 + 36 + 36 + 4 + siglen, "unprotected info")
    check(un[4:8] == bytes.fromhex("10002000"), "SHA256 TLV head")
    digest = hashlib.sha256(img[:0x863]).digest()
    check(un[8:40] == digest, "SHA-256 of 000..862")
    check(un[40:44] == bytes.fromhex("01002000") and un[44:76] == keyhash, "KEYHASH")
    check(un[76:78] == bytes.fromhex("2200") and 8 <= siglen <= 72, "ECDSA_SIG head")
    sig = un[80:80 + siglen]
    check(sig[0] == 0x30 and sig[1] == siglen - 2, "DER SEQUENCE")
    try:
        pub.verify(sig, digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
        check(True, "")
    except Exception:
        check(False, "signature verifies (cryptography)")
    end = 0x863 + total
    check(img[end:0x80000 - 432] == b"\xff" * (0x80000 - 432 - end), "0xFF filler")
    tr = img[0x80000 - 432:]
    check(tr[-16:] == bytes.fromhex("77c295f360d2ef7f3552500f2cb67980"), "trailer magic")
    check(tr[-24] == 1 and tr[:-24] == b"\xff" * (432 - 24) and tr[-23:-16] == b"\xff" * 7,
          "image_ok = 1, the rest 0xFF")

    # Randomized ECDSA: a second run differs only inside ECDSA_SIG (and its lengths).
    # (the DER length, 68..72 bytes, shows in the TLV length and the area total too)
    img2 = sign(tmp, DEV_KEY, EXAMPLE, name="out2.bin")
    check(img2[:0x863] == img[:0x863], "hashed region identical")
    check(img2[0x863:0x865] == img[0x863:0x865], "unprotected magic identical")
    check(img2[0x867:0x863 + 78] == img[0x867:0x863 + 78], "SHA256, KEYHASH, sig type identical")
    sig2 = struct.unpack_from("<H", img2, 0x863 + 78)[0]
    tail2 = img2[0x863 + 80 + sig2:]
    check(len(img2) == len(img) and tail2[:-432] == b"\xff" * (len(tail2) - 432),
          "then 0xFF filler")
    check(img2[-432:] == img[-432:], "trailer identical")

    path = os.path.join(tmp, "out.bin")
    rc, out = c_check(path, 0x80000 - 432, pub, 5)
    check(rc == 0 and out == "result ok version 1.2.3+4 sec_cnt 5", "C validator: " + out)
    rc, out = c_check(path, 0x80000 - 432, pub, 6)
    check(rc == 1 and out.startswith("result rollback"), "C validator rollback: " + out)
    other = os.path.join(tmp, "other.pem")
    subprocess.run(SIGN + ["keygen", "-k", other], check=True)
    rc, out = c_check(path, 0x80000 - 432, pub_point(other))
    check(rc == 1 and out.startswith("result unknown-key"), "C validator unknown key: " + out)
    bad = bytearray(img)
    bad[0x500] ^= 1
    open(path, "wb").write(bad)
    rc, out = c_check(path, 0x80000 - 432, pub)
    check(rc == 1 and out.startswith("result bad-hash"), "C validator bad hash: " + out)


def test_options(tmp):
    pub = pub_point(DEV_KEY)
    # PUBKEY, --pad-sig, -s auto, no padding
    img = sign(tmp, DEV_KEY, ["-H", "0x400", "--pad-header", "-v", "2.3.4", "-s", "auto",
                              "--public-key-format", "full", "--pad-sig"])
    cnt = struct.unpack_from("<I", img, 0x400 + 1000 + 8)[0]
    check(cnt == (2 << 24 | 3 << 16 | 4), "-s auto = major<<24|minor<<16|rev")
    un = 0x400 + 1000 + 12
    check(img[un:un + 2] == b"\x07\x69", "no BOOT_RECORD/DEPENDENCY: prot = SEC_CNT only")
    check(img[un + 40:un + 44] == bytes.fromhex("02005b00"), "PUBKEY TLV of 91 bytes")
    check(img[-76:-72] == bytes.fromhex("22004800"), "--pad-sig: 72-byte signature")
    rc, out = c_check(os.path.join(tmp, "out.bin"), 0x80000, pub)
    check(rc == 0 and "version 2.3.4+0 sec_cnt 33751044" in out, "C validator PUBKEY: " + out)
    # --pad alone: a pending TEST request, the magic and nothing else (imgtool's pad_to)
    img = sign(tmp, DEV_KEY, ["-H", "0x400", "--pad-header", "-v", "1.0.0", "-s", "1",
                              "-S", "0x10000", "--pad"])
    check(len(img) == 0x10000 and img[-16:] == bytes.fromhex("77c295f360d2ef7f3552500f2cb67980")
          and img[-432:-16] == b"\xff" * 416, "--pad: magic, image_ok unset (TEST)")
    # overwrite-only trailer: 32 bytes, image_ok never set
    img = sign(tmp, DEV_KEY, ["-H", "0x400", "--pad-header", "-v", "1.0.0", "-s", "1",
                              "-S", "0x10000", "--overwrite-only", "--confirm"])
    check(len(img) == 0x10000 and img[-32:-16] == b"\xff" * 16, "overwrite-only trailer")
    # without --pad-header the input must bring its own free header space
    r = subprocess.run(SIGN + ["sign", "-k", DEV_KEY, "-H", "0x400", "-v", "1", "-s", "1",
                               os.path.join(tmp, "in.bin"), os.path.join(tmp, "x.bin")],
                       capture_output=True)
    check(r.returncode != 0, "refuses to overwrite payload bytes with the header")
    # too big for the slot
    r = subprocess.run(SIGN + ["sign", "-k", DEV_KEY, "-H", "0x400", "--pad-header", "-v", "1",
                               "-S", "0x600", "--pad", os.path.join(tmp, "in.bin"),
                               os.path.join(tmp, "x.bin")], capture_output=True)
    check(r.returncode != 0, "refuses an image that does not fit the slot")
    # getpub header: the hash of the SPKI and the point
    h = os.path.join(tmp, "k.h")
    subprocess.run(SIGN + ["getpub", "-k", DEV_KEY, "--header", h], check=True)
    text = open(h).read()
    spki = pub.public_bytes(serialization.Encoding.DER,
                            serialization.PublicFormat.SubjectPublicKeyInfo)
    first = "0x%02x, 0x%02x" % tuple(hashlib.sha256(spki).digest()[:2])
    check("rp_bl2_key_hash[32]" in text and first in text, "getpub header")
    check("DEVELOPMENT ONLY" in open(DEV_KEY).read(), "dev key is marked DEVELOPMENT ONLY")


with tempfile.TemporaryDirectory() as tmp:
    test_example(tmp)
    test_options(tmp)
print("boot.signer: %d checks, %d failed" % (checks, failures))
sys.exit(1 if failures or not checks else 0)
