#!/usr/bin/env python3
"""Code size and worst-case stack of the P-256 operations on Cortex-M33, both configurations.

Usage: tests/pk/p256_measure.py [--ct-include DIR]   (run from the repository root)

For each configuration (small: RP_P256_FAST=0, fast: =1) it compiles crypto/src/p256.c with
    arm-none-eabi-gcc -mcpu=cortex-m33+nodsp+nofp -mthumb -Os -ffunction-sections
                      -fdata-sections -fcallgraph-info=su
links it with --gc-sections keeping only the four operations (keygen, sign on a hash,
verify, ECDH), and prints the bytes kept from p256.o (code + tables; rp_wipe, memcpy and
memset are not counted) and, per public function, the worst stack depth over its call
graph (frames from -fstack-usage; calls to rp_wipe/memcpy/memset counted as 16 bytes).
"""
import os
import re
import subprocess
import sys
import tempfile

CFLAGS = ["-std=c99", "-Wall", "-Wextra", "-Werror", "-mcpu=cortex-m33+nodsp+nofp",
          "-mthumb", "-Os", "-ffunction-sections", "-fdata-sections"]
OPS = ["rp_p256_keygen", "rp_p256_sign", "rp_p256_verify", "rp_p256_ecdh"]
EXTRA = ["rp_p256_public_from_private", "rp_p256_check_public", "rp_p256_sign_det"]
LEAF_EXTERNAL = 16      # rp_wipe / memcpy / memset frames (a few pushed registers)
# Naked Thumb-2 routines: -fstack-usage reports 0; their frames, from their prologues.
ASM_FRAMES = {"fp_mul_asm": 36 + 76, "fp_add_asm": 36, "fp_sub_asm": 36}

STUB = r"""
#include <stddef.h>
#include <stdint.h>
void rp_wipe(void *p, size_t n) { volatile uint8_t *q = p; while (n--) *q++ = 0; }
void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *a = d;
    const uint8_t *b = s;
    while (n--)
        *a++ = *b++;
    return d;
}
void *memset(void *d, int c, size_t n)
{
    uint8_t *a = d;
    while (n--)
        *a++ = (uint8_t)c;
    return d;
}
void Reset_Handler(void) { for (;;) ; }
"""


def run(cmd):
    subprocess.run(cmd, check=True)


def kept_size(mapfile):
    """Sum of the input sections from p256.o that the linker kept."""
    total = 0
    text = open(mapfile).read()
    start = text.index("Linker script and memory map")
    for m in re.finditer(r"^ \.(?:text|rodata)\S*\s*\n?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+)",
                         text[start:], re.M):
        if m.group(3).endswith("p256.o"):
            total += int(m.group(2), 16)
    return total


def stack_depths(cifile):
    """Worst stack per function from a GCC -fcallgraph-info=su file."""
    frame, edges = {}, {}
    for line in open(cifile):
        m = re.match(r'node: \{ title: "([^"]+)" label: "[^"]*\\n(\d+) bytes', line)
        if m:
            frame[m.group(1).split(":")[-1]] = int(m.group(2))
            continue
        m = re.match(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"', line)
        if m:
            edges.setdefault(m.group(1).split(":")[-1], set()).add(m.group(2).split(":")[-1])
    memo = {}

    def depth(fn, seen=()):
        if fn in seen:
            raise RuntimeError("recursion through " + fn)
        if fn not in memo:
            own = ASM_FRAMES.get(fn, frame.get(fn, LEAF_EXTERNAL))
            memo[fn] = own + max([depth(c, seen + (fn,)) for c in edges.get(fn, ())] or [0])
        return memo[fn]
    return {fn: depth(fn) for fn in frame if fn.startswith("rp_p256_")}


def measure(fast, ct_include, tmp):
    obj = os.path.join(tmp, "p256.o")
    ci = os.path.join(tmp, "p256.ci")
    inc = ["-Icrypto/include"] + (["-I" + ct_include] if ct_include else [])
    run(["arm-none-eabi-gcc"] + CFLAGS + inc + ["-DRP_P256_FAST=%d" % fast,
         "-fcallgraph-info=su", "-c", "crypto/src/p256.c", "-o", obj])
    stub_c = os.path.join(tmp, "stub.c")
    open(stub_c, "w").write(STUB)
    stub = os.path.join(tmp, "stub.o")
    run(["arm-none-eabi-gcc"] + CFLAGS + ["-c", stub_c, "-o", stub])
    mapfile = os.path.join(tmp, "p256.map")
    keep = []
    for op in OPS:
        keep += ["-Wl,--undefined=" + op]
    run(["arm-none-eabi-gcc"] + CFLAGS + ["-nostdlib", "-Wl,--gc-sections",
         "-Wl,-e,Reset_Handler", "-Wl,-Map=" + mapfile] + keep + [obj, stub, "-o",
         os.path.join(tmp, "p256.elf")])
    return kept_size(mapfile), stack_depths(ci)


def main():
    ct_include = None
    if len(sys.argv) > 2 and sys.argv[1] == "--ct-include":
        ct_include = sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        for fast, name in ((0, "small"), (1, "fast")):
            size, stacks = measure(fast, ct_include, tmp)
            print("P-256 %-5s: %d bytes (keygen, sign, verify, ECDH; -Os, Cortex-M33)"
                  % (name, size))
            for fn in OPS + EXTRA:
                if fn in stacks:
                    print("  stack %-28s %4d bytes" % (fn, stacks[fn]))


if __name__ == "__main__":
    main()
