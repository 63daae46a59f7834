#!/usr/bin/python3
"""Checks PS's on-flash crypto format (FORMATS.md section 5) independently of Rampart's
crypto: runs ps_dump, re-derives the keys with HKDF-SHA-256 and decrypts the table tag and
every object with AES-128-GCM from python3-cryptography.
Usage: ps_format_check.py <path to storage_ps_dump>"""
import struct
import subprocess
import sys

try:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF
except ImportError:
    print("SKIPPED: python3 cryptography package not installed")
    sys.exit(77)


def hkdf(huk, info):
    return HKDF(algorithm=hashes.SHA256(), length=16, salt=None, info=info).derive(huk)


def main():
    out = subprocess.run([sys.argv[1]], check=True, capture_output=True, text=True).stdout
    assets, objects = {}, {}
    for line in out.splitlines():
        f = line.split()
        if f[0] == "asset":
            data = bytes.fromhex(f[4]) if len(f) > 4 else b""
            assets[(int(f[1]), int(f[2]))] = (int(f[3]), data)
        elif f[0] == "object":
            objects[int(f[1])] = bytes.fromhex(f[2])
        elif f[0] == "huk":
            huk = bytes.fromhex(f[1])
        elif f[0] == "nvc1":
            nvc1 = int(f[1])
        elif f[0] == "table":
            table = bytes.fromhex(f[1])
    # table: tag || IV || body; tag = GCM(table key, empty, AAD = body || u32 NVC1)
    tag, iv, body = table[:16], table[16:28], table[28:]
    AESGCM(hkdf(huk, b"table_key_label\0")).decrypt(iv, tag, body + struct.pack("<I", nvc1))
    version, = struct.unpack_from("<I", body)
    assert version == 1, version
    seen, fails = set(), 0
    for i in range((len(body) - 4) // 28):
        etag, uid, client = struct.unpack_from("<16sQi", body, 4 + 28 * i)
        if uid == 0:
            continue
        obj = objects[i + 3]
        key = hkdf(huk, struct.pack("<iQ", client, uid))
        plain = AESGCM(key).decrypt(obj[:12], obj[12:] + etag, struct.pack("<I", i + 3))
        size, max_size, flags = struct.unpack_from("<III", plain)
        want_flags, want = assets[(client, uid)]
        if (size, max_size, flags, plain[12:]) != (len(want), len(want), want_flags, want):
            print(f"object {i + 3} (client {client} uid {uid}) does not match")
            fails += 1
        seen.add((client, uid))
    if seen != set(assets):
        print("table entries", sorted(seen), "!= assets", sorted(assets))
        fails += 1
    ivs = [objects[k][:12] for k in objects] + [iv]
    if len(set(ivs)) != len(ivs):
        print("an IV repeats")
        fails += 1
    print(f"storage_ps_format: table and {len(seen)} objects checked with python3-cryptography, "
          f"{fails} failed")
    return 1 if fails else 0


sys.exit(main())
