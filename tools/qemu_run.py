#!/usr/bin/python3
"""Runs Rampart images on QEMU's mps2-an521 and checks what they print.

  qemu_run.py --s rampart_s.elf [--ns ns.elf] [--exit N] [--expect REGEX]...
              [--reject REGEX]... [--timeout SEC] [--icount] [--show]

Exit status 0 when QEMU ended with the expected semihosting exit code, every --expect
regex matched a line of the console output and no --reject regex did; 1 otherwise
(a hang is killed after --timeout seconds and fails). With --show the console is
copied to stdout as it arrives (make run)."""
import argparse
import re
import subprocess
import sys


def qemu_command(args):
    cmd = ["qemu-system-arm", "-machine", "mps2-an521", "-nographic", "-monitor", "none",
           "-semihosting-config", "enable=on,target=native", "-kernel", args.s]
    if args.icount:
        cmd += ["-icount", "shift=0"]
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
    args = p.parse_args()

    proc = subprocess.Popen(qemu_command(args), stdout=subprocess.PIPE,
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
