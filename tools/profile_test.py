#!/usr/bin/python3
"""Runs the firmware suites that apply to one product profile's image (docs/profiles.md).

    profile_test.py <fw build dir of the profile, e.g. build/fw/small>

A profile's image has only services (no test partitions), so the suites that apply are
decided by the services in its generated sid.h: the demo always; the Crypto, storage,
attestation and Platform suites when the image has those services (a suite that should
exist but was not built is a failure, not a skip). Every suite runs in QEMU (-icount)
through BL2, as the per-configuration firmware tests do. Exit 0 only if all passed."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SUMMARY = r"^SUMMARY [0-9]+ passed, 0 failed$"

# service SID macro -> [(suite name, NS image, extra qemu_run.py arguments)]
SUITES = {
    "RP_CRYPTO": [("crypto_suite", "ns_test_crypto", ["--expect", SUMMARY])],
    "RP_ITS": [("storage_suite", "ns_test_storage", ["--expect", SUMMARY])],
    "RP_PLATFORM": [("platform_suite", "ns_test_platform", ["--expect", SUMMARY])],
}


def qemu(fw, ns, extra, exit_code=0):
    cmd = [sys.executable, os.path.join(HERE, "qemu_run.py"), "--bl2",
           os.path.join(fw, "s", "bl2.elf"), "--s", os.path.join(fw, "s", "rampart_s_signed.bin"),
           "--ns", ns, "--exit", str(exit_code), "--timeout", "400", "--icount",
           "--reject", " FAIL$", "--reject", "^FAULT"] + extra
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT).returncode == 0


def main():
    fw = os.path.abspath(sys.argv[1])
    with open(os.path.join(fw, "pkg", "include", "psa_manifest", "sid.h")) as f:
        sid_h = f.read()
    services = [s for s in sorted(set(SUITES) | {"RP_ATTEST", "RP_PS"})
                if f"#define {s}_SID " in sid_h]
    print(f"profile {os.path.basename(fw)}: services {', '.join(services) or 'none'}")
    runs = [("demo", os.path.join(fw, "ns", "ns_demo_signed.bin"),
             ["--expect", r"^\[NS\] demo done$"])]
    for service in services:
        for name, image, extra in SUITES.get(service, []):
            runs.append((name, os.path.join(fw, "ns", image + ".elf"), extra))
    reset = os.path.join(fw, "ns", "ns_platform_reset.elf")
    if "RP_PLATFORM" in services and os.path.exists(reset):
        runs.append(("platform_reset", reset, ["--expect", "^platform: first boot",
                                               "--expect", "^platform: second boot$",
                                               "--expect", SUMMARY]))
    failed = 0
    for name, image, extra in runs:
        ok = os.path.exists(image) and qemu(fw, image, extra)
        print(f"  {name}: {'PASS' if ok else 'FAIL'}" + ("" if os.path.exists(image) else
                                                         f" ({image} was not built)"))
        failed += not ok
    if "RP_ATTEST" in services:
        ok = subprocess.run([sys.executable, os.path.join(HERE, "attest", "fw_attest_test.py"),
                             fw, os.path.join(fw, "ns", "ns_test_attest.elf")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT).returncode == 0
        print(f"  attest_suite (tokens verified on the host): {'PASS' if ok else 'FAIL'}")
        failed += not ok
    print(f"profile {os.path.basename(fw)}: {failed} suite(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
