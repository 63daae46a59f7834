#!/usr/bin/python3
"""Prints Rampart's KPIs: Markdown tables for people, then one "KPI <key> <integer>" line
per figure for scripts.

  kpi.py --fw build/fw --configs "sfn_l1 ..."

Footprint comes from the ELF section headers (arm-none-eabi-size -A). Instruction counts
come from the NS KPI image (ns_kpi.elf) run under QEMU with -icount shift=0, where it
prints "KPI <key> <n>" lines itself (ns/kpi/kpi_main.c; method in docs/kpi.md)."""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEXT = (".text", ".ARM.exidx", ".gnu.sgstubs", ".vectors", ".rodata")


def sections(elf):
    out = subprocess.run(["arm-none-eabi-size", "-A", elf], capture_output=True, text=True,
                         check=True).stdout
    sizes = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith(".") and parts[1].isdigit():
            sizes[parts[0]] = int(parts[1])
    return sizes


def footprint(elf):
    """text/data/bss of an image; each partition's own sections (.rp_<name>_code, _data,
    _bss; cmake/partitions.cmake) count in them too."""
    s = sections(elf)
    return {
        "text": sum(v for k, v in s.items() if k in TEXT or re.match(r"\.rp_.*_code$", k)),
        "data": s.get(".data", 0) + sum(v for k, v in s.items() if re.match(r"\.rp_.*_data$", k)),
        "bss": s.get(".bss", 0) + sum(v for k, v in s.items() if re.match(r"\.rp_.*_bss$", k)),
        "stack": s.get(".msp", 0),
    }


def run_kpi_image(fw, config):
    cmd = [sys.executable, os.path.join(HERE, "qemu_run.py"), "--icount", "--show",
           "--timeout", "600", "--bl2", f"{fw}/{config}/s/bl2.elf",
           "--s", f"{fw}/{config}/s/rampart_s_signed.bin",
           "--ns", f"{fw}/{config}/ns/ns_kpi.elf"]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    figures = {}
    for line in out.splitlines():
        m = re.match(r"^KPI (\S+) (\d+)$", line.strip())
        if m:
            figures[m.group(1)] = int(m.group(2))
        # BL2's own figure: instructions from reset to the jump into the secure image
        m = re.match(r"^\[BL2\] (boot\.verify_s_ns) (\d+) instructions", line.strip())
        if m:
            figures[m.group(1)] = int(m.group(2))
    if not figures:
        sys.stderr.write(out)
        raise SystemExit(f"kpi: {config}: the KPI image printed no figures")
    return figures


CRYPTO_TABLE = (
    ("size.sha256", "SHA-224/256 code + constants (bytes, gc-sections closure)"),
    ("size.aes", "AES block cipher, encrypt + decrypt + key schedule (bytes)"),
    ("size.gcm", "AES-GCM with the AES it needs (bytes)"),
    ("size.ccm", "AES-CCM with the AES it needs (bytes)"),
    ("size.chachapoly", "ChaCha20, Poly1305, ChaCha20-Poly1305 (bytes)"),
    ("size.sym", "whole symmetric set: every public function of the six headers (bytes)"),
    ("sha256.block", "SHA-256, instructions per 64-byte block (1 KiB message)"),
    ("sha512.block", "SHA-512, instructions per 128-byte block (1 KiB message)"),
    ("aes128.block", "AES-128-ECB encrypt, per block of a 1 KiB message (keyed context)"),
    ("aes128.block1", "AES-128 encrypt, one lone block (rp_aes_encrypt)"),
    ("aes128.block2", "AES-128 encrypt, per block of a two-block call (rp_aes_encrypt2)"),
    ("aes128_gcm.1k", "AES-128-GCM encrypt 1 KiB, one-shot incl. key setup"),
    ("aes128_ccm.1k", "AES-128-CCM encrypt 1 KiB, one-shot incl. key setup"),
    ("chachapoly.1k", "ChaCha20-Poly1305 encrypt 1 KiB, one-shot"),
)


def crypto_kpis(build):
    """Symmetric crypto figures from tests/crypto/bench/bench.sh (bare-metal bench on QEMU
    mps2-an521 with -icount shift=0, and gc-sections size closures; docs/crypto.md)."""
    bench = os.path.join(HERE, "..", "tests", "crypto", "bench", "bench.sh")
    out = subprocess.run(["sh", bench, os.path.join(build, "crypto-bench")],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    figures = {}
    for line in out.splitlines():
        m = re.match(r"^KPI (\S+) (\d+)$", line.strip())
        if m:
            figures[m.group(1)] = int(m.group(2))
    if not figures:
        sys.stderr.write(out)
        raise SystemExit("kpi: the crypto bench printed no figures")
    print("\n## Symmetric crypto (-Os, Cortex-M33 without DSP/FPU; QEMU -icount shift=0)\n")
    print("| key | what | value |")
    print("| --- | --- | ---: |")
    for key, what in CRYPTO_TABLE:
        if key in figures:
            print(f"| {key} | {what} | {figures[key]} |")
    return figures


def pk_kpis(build):
    """Public-key figures (docs/p256.md): tests/pk/bench/p256_bench.sh (bare-metal bench on
    QEMU with -icount shift=0, known answers checked first), tests/pk/p256_measure.py
    (code kept by --gc-sections, stack from -fstack-usage), and RSA's code size."""
    root = os.path.dirname(HERE)
    env = dict(os.environ, BUILD=build)
    def run(cmd):
        return subprocess.run(cmd, cwd=root, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True).stdout
    figures, cfg = {}, None
    for line in run(["sh", "tests/pk/bench/p256_bench.sh", "4"]).splitlines():
        m = re.match(r"^P-256 (small|fast) \(average", line)
        cfg = m.group(1) if m else cfg
        m = re.match(r"^(keygen|sign|verify|ecdh) (\d+) instructions$", line)
        if m and cfg:
            figures[f"p256.{cfg}.{m.group(1)}"] = int(m.group(2))
    for line in run([sys.executable, "tests/pk/p256_measure.py"]).splitlines():
        m = re.match(r"^P-256 (small|fast)\s*: (\d+) bytes", line)
        cfg = m.group(1) if m else cfg
        if m:
            figures[f"size.p256.{cfg}"] = int(m.group(2))
        m = re.match(r"^\s+stack rp_p256_verify\s+(\d+) bytes", line)
        if m and cfg == "small":
            figures["stack.p256.small.verify"] = int(m.group(1))
    for line in run(["sh", "tests/pk/bench/p256_bench.sh", "other"]).splitlines():
        m = re.match(r"^rsa-2048 pkcs1 (sign|verify)\D.*?(\d+) instructions$", line)
        if m:
            figures[f"rsa2048.{m.group(1)}"] = int(m.group(2))
    obj = os.path.join(build, "rsa_size.o")
    run(["arm-none-eabi-gcc", "-std=c99", "-mcpu=cortex-m33+nodsp+nofp", "-mthumb", "-Os",
         "-ffunction-sections", "-Icrypto/include", "-c", "crypto/src/rsa.c", "-o", obj])
    size = run(["arm-none-eabi-size", obj]).splitlines()
    if len(size) > 1:
        figures["size.rsa"] = int(size[1].split()[0])
    print("\n## Public-key crypto (-Os, Cortex-M33 without DSP/FPU; QEMU -icount shift=0)\n")
    print("| key | value |")
    print("| --- | ---: |")
    for key, value in figures.items():
        print(f"| {key} | {value} |")
    return figures


def profile_footprints(fw, profiles, kpis):
    """Footprint per product profile (docs/profiles.md): the secure image (flash = text +
    data, RAM = data + bss + main stack; partition stacks are in their .rp_*_bss), BL2,
    and the code of each partition (its .rp_<name>_code section)."""
    if not profiles:
        return
    print("## Footprint per profile (bytes, arm-none-eabi-gcc -Os; secure image and BL2)\n")
    print("| profile | secure flash | secure RAM | secure text | data | bss | stack | BL2 text |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    parts = {}
    for prof in profiles:
        f = footprint(f"{fw}/{prof}/s/rampart_s.elf")
        b = footprint(f"{fw}/{prof}/s/bl2.elf")
        flash, ram = f["text"] + f["data"], f["data"] + f["bss"] + f["stack"]
        print(f"| {prof} | {flash} | {ram} | {f['text']} | {f['data']} | {f['bss']} | "
              f"{f['stack']} | {b['text']} |")
        kpis[f"profile.{prof}.secure.flash"] = flash
        kpis[f"profile.{prof}.secure.ram"] = ram
        kpis[f"profile.{prof}.bl2.text"] = b["text"]
        for sect, size in sections(f"{fw}/{prof}/s/rampart_s.elf").items():
            m = re.match(r"^\.rp_(.*)_code$", sect)
            if m:
                parts.setdefault(m.group(1), {})[prof] = size
    print("\n### Code of each partition per profile (.rp_<partition>_code: its code and "
          "read-only data, with the crypto it links)\n")
    print("| partition | " + " | ".join(profiles) + " |")
    print("| --- |" + " ---: |" * len(profiles))
    for name in sorted(parts):
        print(f"| {name} | " + " | ".join(str(parts[name].get(p, "-")) for p in profiles) + " |")
    print()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--fw", required=True)
    p.add_argument("--configs", default="sfn_l1")
    p.add_argument("--profiles", default="")
    args = p.parse_args()
    configs = args.configs.split()
    kpis = {}
    profile_footprints(args.fw, args.profiles.split(), kpis)

    print("## Footprint (bytes, arm-none-eabi-gcc -Os, Cortex-M33 without DSP/FPU)\n")
    print("| image | config | text | data | bss | stack |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for config in configs:
        for name, elf, prefix in (("BL2", "s/bl2.elf", "image.bl2"),
                                  ("secure", "s/rampart_s.elf", "image.secure"),
                                  ("non-secure demo", "ns/ns_demo.elf", "image.ns")):
            f = footprint(f"{args.fw}/{config}/{elf}")
            print(f"| {name} | {config} | {f['text']} | {f['data']} | {f['bss']} | {f['stack']} |")
            if config == configs[0]:
                for k in ("text", "data", "bss"):
                    kpis[f"{prefix}.{k}"] = f[k]

    # Storage code size: each storage partition's code section in the secure image
    # (.rp_<partition>_code: its code and read-only data; PS's includes its private copies
    # of rp_its and the crypto it uses). The platform's flash, NV counter and HUK code is
    # shared and not counted. docs/storage.md.
    s = sections(f"{args.fw}/{configs[0]}/s/rampart_s.elf")
    for key, sect in (("size.its", ".rp_rp_its_sp_code"), ("size.ps", ".rp_rp_ps_sp_code")):
        if sect in s:
            kpis[key] = s[sect]

    print("\n## Instructions per operation (QEMU -icount shift=0, mean over >= 1,000 calls)\n")
    print("| key | config | instructions |")
    print("| --- | --- | ---: |")
    for config in configs:
        for key, value in run_kpi_image(args.fw, config).items():
            print(f"| {key} | {config} | {value} |")
            kpis.setdefault(key, value)
    print("\n## NS interrupt latency under a busy secure service (instructions, max over "
          ">= 100 interrupts; tools/irq_latency.py)\n")
    print("| config | latency |")
    print("| --- | ---: |")
    for config in configs:
        if not config.startswith("ipc_"):
            continue
        key = f"ns_irq_latency.{config}"
        out = subprocess.run([sys.executable, os.path.join(HERE, "irq_latency.py"), "--bl2",
                              f"{args.fw}/{config}/s/bl2.elf", "--s",
                              f"{args.fw}/{config}/s/rampart_s_signed.bin", "--ns",
                              f"{args.fw}/{config}/ns/ns_irq_latency.elf", "--key", key],
                             capture_output=True, text=True)
        m = re.search(r"^KPI \S+ (\d+)$", out.stdout, re.M)
        if not m:
            raise SystemExit(f"kpi: {config}: irq_latency failed: {out.stdout}{out.stderr}")
        print(f"| {config} | {m.group(1)} |")
        kpis[key] = int(m.group(1))
    build = os.path.dirname(os.path.abspath(args.fw))
    for key, value in crypto_kpis(build).items():
        kpis.setdefault(key, value)
    for key, value in pk_kpis(build).items():
        kpis.setdefault(key, value)
    print()
    for key, value in kpis.items():
        print(f"KPI {key} {value}")


if __name__ == "__main__":
    main()
