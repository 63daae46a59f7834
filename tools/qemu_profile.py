#!/usr/bin/python3
"""Instruction profile of one stretch of code under QEMU: which functions the instructions
executed between two marker functions belong to.

  qemu_profile.py --bl2 bl2.elf --s rampart_s.elf --ns app.elf --from marker_a
                  --to marker_b [--list]
(the secure ELF gives the symbols; it is signed on the fly for the boot chain)

Runs QEMU with -singlestep -d exec (one log line per executed instruction), keeps the PCs
between the first entry into `--from` and the next entry into `--to`, and prints the count
per function (both ELFs' symbols), the call sequence, and with --list every instruction."""
import argparse
import bisect
import collections
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_run  # noqa: E402  (the boot chain's QEMU command line)


def symbols(elf):
    out = subprocess.run(["arm-none-eabi-nm", "-n", elf], capture_output=True, text=True,
                         check=True).stdout
    return [(int(a, 16), n) for a, t, n in (l.split() for l in out.splitlines()
                                            if len(l.split()) == 3) if t in "tTwW"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bl2", required=True)
    p.add_argument("--s", required=True)
    p.add_argument("--ns", required=True)
    p.add_argument("--from", dest="start", required=True)
    p.add_argument("--to", dest="stop", required=True)
    p.add_argument("--list", action="store_true")
    a = p.parse_args()
    syms = sorted(symbols(a.s) + symbols(a.ns))
    addrs = [s for s, _ in syms]
    by_name = {n: s for s, n in syms}
    with tempfile.TemporaryDirectory() as d:
        log = os.path.join(d, "exec.log")
        chain = argparse.Namespace(bl2=a.bl2, s=a.s, ns=[a.ns], load=[], icount=True)
        cmd = qemu_run.qemu_command(chain, d) + ["-singlestep", "-d", "exec,nochain",
                                                  "-D", log]
        subprocess.run(["timeout", "120"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        pcs = [int(m.group(1), 16) for m in re.finditer(r"/([0-9a-f]+)/", open(log).read())]
    start, stop = by_name[a.start] & ~1, by_name[a.stop] & ~1
    window, on = [], False
    for pc in pcs:
        if pc == start and not on:
            on = True
            continue
        if pc == stop and on:
            break
        if on:
            window.append(pc)
    count, order = collections.Counter(), []
    for pc in window:
        i = bisect.bisect_right(addrs, pc) - 1
        name = syms[i][1] if i >= 0 else "?"
        count[name] += 1
        if not order or order[-1] != name:
            order.append(name)
        if a.list:
            print(f"{pc:08x} {name}")
    print(f"{len(window)} instructions")
    for name, n in count.most_common():
        print(f"{n:6} {name}")
    print(" > ".join(order))


if __name__ == "__main__":
    main()
