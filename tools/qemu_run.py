#!/usr/bin/python3
"""Runs Rampart images on QEMU's mps2-an521 and checks what they print.

  qemu_run.py --s rampart_s.elf [--ns ns.elf] [--exit N] [--expect REGEX]...
              [--reject REGEX]... [--timeout SEC] [--icount] [--show]
              [--bl2 bl2.elf [--load FILE@ADDR]...]

With --bl2 the boot chain is BL2 -> secure image -> NS image (docs/boot.md): bl2.elf is
the -kernel, --s and --ns go to their primary slots as signed images (an .elf is converted
and signed on the fly with the development key; a .bin is loaded as it is), and each
--load puts a raw file at an address (secondary slots, trailers, NV counters).

Exit status 0 when QEMU ended with the expected semihosting exit code, every --expect
regex matched a line of the console output and no --reject regex did; 1 otherwise
(a hang is killed after --timeout seconds and fails). With --show the console is
copied to stdout as it arrives (make run)."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV_KEY = os.path.join(ROOT, "tools/sign/keys/bl2_dev_p256_DEVELOPMENT_ONLY.pem")
S_PRIMARY, NS_PRIMARY = 0x10080000, 0x00100000
FLASH_S, FLASH_SIZE, BL2_AREA = 0x10000000, 0x400000, 0x80000


def storage_areas():
    """[start, end) flash offsets of the ITS and PS areas (an521_memory_map.h). They are
    left as QEMU starts them (zeros, which the storage services format): a loader blob
    there would be copied again at every reset and erase the assets of a warm reset."""
    header = os.path.join(ROOT, "platform/an521/include/an521_memory_map.h")
    d = dict(re.findall(r"#define (RP_FLASH_\w+)\s+(0x[0-9A-Fa-f]+)", open(header).read()))
    areas = []
    for name in ("PLAT_NVC", "ITS", "PS_NVC", "PS"):
        if f"RP_FLASH_{name}_OFF" in d:
            start = int(d[f"RP_FLASH_{name}_OFF"], 16)
            areas.append((start, start + int(d[f"RP_FLASH_{name}_SIZE"], 16)))
    return areas


def erased_gaps(images, tmp):
    """0xFF blobs for every part of the flash after BL2's area that no image covers: QEMU
    starts SSRAM1 at zero, and BL2 must see erased trailers, slots and NV counters."""
    spans = sorted([((addr & 0x0FFFFFFF), (addr & 0x0FFFFFFF) + os.path.getsize(f))
                    for f, addr in images] + storage_areas())
    gaps, at = [], BL2_AREA
    for start, end in spans + [(FLASH_SIZE, FLASH_SIZE)]:
        if start > at:
            gaps.append((at, start))
        at = max(at, end)
    out = []
    for i, (start, end) in enumerate(gaps):
        f = os.path.join(tmp, "erased%d.bin" % i)
        with open(f, "wb") as fh:
            fh.write(b"\xff" * (end - start))
        out.append((f, FLASH_S + start))
    return out


def signed_image(path, kind, tmp):
    """A signed slot image for path: .bin as it is, .elf converted and signed."""
    if not path.endswith(".elf"):
        return path
    raw, out = os.path.join(tmp, kind + ".bin"), os.path.join(tmp, kind + "_signed.bin")
    subprocess.run(["arm-none-eabi-objcopy", "-O", "binary", path, raw], check=True)
    extra = ["--boot-record", "SPE", "-d", "(1,0.0.0+0)"] if kind == "s" else \
        ["--boot-record", "NSPE"]
    subprocess.run([sys.executable, os.path.join(ROOT, "tools/sign/rp_sign.py"), "sign",
                    "-k", DEV_KEY, "-H", "0x400", "--pad-header", "-v", "0.1.0", "-s", "1",
                    "-S", "0x80000"] + extra + [raw, out], check=True)
    return out


def qemu_command(args, tmp):
    cmd = ["qemu-system-arm", "-machine", "mps2-an521", "-nographic", "-monitor", "none",
           "-semihosting-config", "enable=on,target=native",
           "-kernel", args.bl2 if args.bl2 else args.s]
    if args.icount:
        cmd += ["-icount", "shift=0"]
    if args.bl2:
        images = [(signed_image(args.s, "s", tmp), S_PRIMARY)]
        images += [(signed_image(ns, "ns", tmp), NS_PRIMARY) for ns in args.ns or []]
        for spec in args.load:
            f, addr = spec.rsplit("@", 1)
            images.append((f, int(addr, 0)))
        for f, addr in images + erased_gaps(images, tmp):
            cmd += ["-device", "loader,file=%s,addr=0x%x,force-raw=on" % (f, addr)]
        return cmd
    for ns in args.ns or []:
        cmd += ["-device", "loader,file=" + ns]
    return cmd


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--s", required=True)
    p.add_argument("--ns", action="append")
    p.add_argument("--exit", type=int, default=0)
    p.add_argument("--expect", action="append", default=[])
    p.add_argument("--reject", action="append", default=[])
    p.add_argument("--timeout", type=float, default=60)
    p.add_argument("--icount", action="store_true")
    p.add_argument("--show", action="store_true")
    p.add_argument("--bl2")
    p.add_argument("--load", action="append", default=[])
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        return run(args, tmp)


def run(args, tmp):
    proc = subprocess.Popen(qemu_command(args, tmp), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    lines = []
    try:
        out, _ = proc.communicate(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        sys.stdout.write(out.decode(errors="replace"))
        print(f"qemu_run: TIMEOUT after {args.timeout:.0f} s")
        return 1
    text = out.decode(errors="replace").replace("\r", "")
    lines = text.splitlines()
    if args.show:
        sys.stdout.write(text)
    ok = True
    if proc.returncode != args.exit:
        print(f"qemu_run: exit status {proc.returncode}, expected {args.exit}")
        ok = False
    for rx in args.expect:
        if not any(re.search(rx, line) for line in lines):
            print(f"qemu_run: no line matches {rx!r}")
            ok = False
    for rx in args.reject:
        for line in lines:
            if re.search(rx, line):
                print(f"qemu_run: rejected line {line!r} (matches {rx!r})")
                ok = False
    if not ok and not args.show:
        sys.stdout.write(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
