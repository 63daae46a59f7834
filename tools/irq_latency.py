#!/usr/bin/python3
"""NS interrupt latency under a busy secure service (issue: ns_irq_latency.<config>).

  irq_latency.py --bl2 bl2.elf --s rampart_s_signed.bin --ns ns_irq_latency.elf [--key K]

Runs the image under QEMU with -icount shift=0 (one instruction = 1 ns of virtual time)
and -singlestep -d exec,nochain (one log line per executed instruction), so the index of
a line in the log is the virtual time at which that instruction ran. The NS timer
(ns/kpi/irq_latency.c) fires every P virtual ns. The first interrupts arrive while the NS
side only spins, where an interrupt is taken at the next instruction boundary: they fix the
period and the instant each interrupt becomes pending. Every later interrupt arrives
while a secure service loops through SPM calls; its latency is the number of instructions
from its pending instant to the first instruction of TIMER1_Handler. Prints the largest,
as "KPI <key> <n>", and the distribution."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_run  # noqa: E402  (the boot chain's QEMU command line)

IDLE = 8


def symbol(elf, name):
    out = subprocess.run(["arm-none-eabi-nm", elf], capture_output=True, text=True,
                         check=True).stdout
    for line in out.split("\n"):
        parts = line.split()
        if len(parts) == 3 and parts[2] == name:
            return int(parts[0], 16) & ~1
    raise SystemExit(f"irq_latency: no symbol {name} in {elf}")


def trace(bl2, s_image, ns_elf):
    with tempfile.TemporaryDirectory() as d:
        log = os.path.join(d, "exec.log")
        chain = argparse.Namespace(bl2=bl2, s=s_image, ns=[ns_elf], load=[], icount=True)
        cmd = qemu_run.qemu_command(chain, d) + ["-singlestep", "-d", "exec,nochain",
                                                  "-D", log]
        subprocess.run(["timeout", "300"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        with open(log) as f:
            return [int(m.group(1), 16) for m in re.finditer(r"/([0-9a-f]+)/", f.read())]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bl2", required=True)
    p.add_argument("--s", required=True)
    p.add_argument("--ns", required=True)
    p.add_argument("--key", default="ns_irq_latency")
    a = p.parse_args()
    handler = symbol(a.ns, "TIMER1_Handler")
    done = symbol(a.ns, "rp_lat_done")
    pcs = trace(a.bl2, a.s, a.ns)
    entries = []
    for i, pc in enumerate(pcs):
        if pc == handler:
            entries.append(i)
        elif pc == done:
            break
    if len(entries) < IDLE + 100:
        raise SystemExit(f"irq_latency: only {len(entries)} interrupts traced")
    idle = entries[:IDLE]
    period = idle[1] - idle[0]
    if any(b - a != period for a, b in zip(idle, idle[1:])):
        raise SystemExit(f"irq_latency: idle interrupts not periodic: {idle}")
    # While NS spins, an interrupt is taken at the instruction boundary after it pends:
    # the idle handler entries are the pending instants + 1.
    first_pending = idle[0] - 1
    lat = [e - (first_pending + k * period) for k, e in enumerate(entries)]
    busy = lat[IDLE:]
    if min(busy) < 0:
        raise SystemExit(f"irq_latency: an interrupt before it pended? {busy}")
    print(f"period {period} instructions; idle latencies {sorted(set(lat[:IDLE]))}; "
          f"busy samples {len(busy)}: min {min(busy)}, max {max(busy)}, "
          f"mean {sum(busy) / len(busy):.1f}")
    print(f"KPI {a.key} {max(busy)}")


if __name__ == "__main__":
    main()
