#!/usr/bin/python3
"""Flatten one Wycheproof JSON file into lines the C test reads (no JSON parser in C).

Each test becomes one line:  T <tcId> <v|i|a> <field> ...
with fields in a fixed order per schema (hex strings, '.' for empty, or decimal numbers):
  aead:   key iv aad msg ct tag
  mac:    tagSizeBits key msg tag
  hkdf:   ikm salt info size okm
  pbkdf:  password salt iterationCount dkLen dk
  ind_cpa key iv msg ct
The first line is:  S <schema kind>
"""
import json
import sys

FIELDS = {
    "aead": ["key", "iv", "aad", "msg", "ct", "tag"],
    "mac": ["key", "msg", "tag"],
    "hkdf": ["ikm", "salt", "info", "size", "okm"],
    "pbkdf": ["password", "salt", "iterationCount", "dkLen", "dk"],
    "ind_cpa": ["key", "iv", "msg", "ct"],
}


def kind(schema):
    for k in ("aead", "mac", "hkdf", "pbkdf", "ind_cpa"):
        if schema.startswith(k):
            return k
    raise SystemExit("unknown schema " + schema)


def fmt(v):
    if isinstance(v, int):
        return str(v)
    return v if v else "."


def main():
    d = json.load(open(sys.argv[1]))
    k = kind(d["schema"])
    out = ["S " + k]
    for g in d["testGroups"]:
        for t in g["tests"]:
            f = [fmt(t[name]) for name in FIELDS[k]]
            if k == "mac":
                f.insert(0, str(g["tagSize"]))
            out.append("T %d %s %s" % (t["tcId"], t["result"][0], " ".join(f)))
    print("\n".join(out))


main()
