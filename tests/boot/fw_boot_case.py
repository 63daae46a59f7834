#!/usr/bin/python3
"""BL2 firmware tests in QEMU: one boot of the AN521 chain from a prepared flash state.

  fw_boot_case.py <case> <build/fw/<config>> <ns image .elf>

Cases: good, wrong_magic, bad_hash, bad_signature, unknown_key, rollback (refused, exit 2
with a "REFUSED <reason>" line), upgrade_test, upgrade_perm, revert, upgrade_refused,
overwrite (with bl2_overwrite.elf) (the chain boots; BL2 reports what it did). Images are made with tools/sign/rp_sign.py from
the build's rampart_s.bin; the flash state is loaded with qemu_run.py --load."""
import os
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIGN = [sys.executable, os.path.join(ROOT, "tools/sign/rp_sign.py")]
KEY = os.path.join(ROOT, "tools/sign/keys/bl2_dev_p256_DEVELOPMENT_ONLY.pem")
S_PRI, S_SEC, NVC = 0x10080000, 0x10180000, 0x10309000
SLOT = 0x80000
S_LINE = r"^\[BL2\] image 0 \(secure\): "


def sign(tmp, name, version, counter, key=KEY, extra=()):
    out = os.path.join(tmp, name)
    subprocess.run(SIGN + ["sign", "-k", key, "-H", "0x400", "--pad-header", "-v", version,
                           "-s", str(counter), "--boot-record", "SPE", "-d", "(1,0.0.0+0)",
                           "-S", hex(SLOT)] + list(extra) +
                   [os.path.join(FW, "s/rampart_s.bin"), out], check=True)
    return out


def patched(path, fn, tmp):
    """A copy of path with fn applied, in this run's own directory (CTest runs the cases
    in parallel: a shared output file would mix them up)."""
    b = bytearray(open(path, "rb").read())
    fn(b)
    out = os.path.join(tmp, os.path.basename(path) + ".bad")
    open(out, "wb").write(b)
    return out


def sig_offset(b):
    """Offset of the ECDSA_SIG data (walks the unprotected TLVs)."""
    hdr, prot, img = struct.unpack_from("<HHI", b, 8)
    off = hdr + img + prot + 4
    while True:
        t, n = struct.unpack_from("<HH", b, off)
        if t == 0x22:
            return off + 4
        off += 4 + n


def refused(reason):
    return ["--exit", "2", "--expect", S_LINE + "REFUSED " + reason + "$",
            "--expect", r"^\[BL2\] no bootable image", "--reject", r"^\[Rampart\]"]


def booted(version, *more):
    return ["--exit", "0", "--expect", S_LINE + r"verified version " + version,
            "--expect", r"^\[BL2\] image 1 \(non-secure\): verified version",
            "--expect", r"^\[NS\] demo done$", "--reject", "FAULT"] + list(more)


def case_args(case, tmp):
    good = os.path.join(FW, "s/rampart_s_signed.bin")
    if case == "good":
        return good, [], booted(r"0\.1\.0\+0, security counter 1$")
    if case == "wrong_magic":
        return patched(good, lambda b: b.__setitem__(0, 0x3c), tmp), [], refused("bad-magic")
    if case == "bad_hash":
        return patched(good, lambda b: b.__setitem__(0x500, b[0x500] ^ 1), tmp), [], \
            refused("bad-hash")
    if case == "bad_signature":
        def flip(b):
            o = sig_offset(b) + 10          # inside r: DER stays well-formed
            b[o] ^= 1
        return patched(good, flip, tmp), [], refused("bad-signature")
    if case == "unknown_key":
        other = os.path.join(tmp, "other.pem")
        subprocess.run(SIGN + ["keygen", "-k", other], check=True)
        return sign(tmp, "other.bin", "0.1.0", 1, key=other), [], refused("unknown-key")
    if case == "rollback":                  # NV counter 0 already at 5 (OTP record)
        rec = os.path.join(tmp, "nvc.bin")
        open(rec, "wb").write(struct.pack("<II", 5, 5 ^ 0xFFFFFFFF))
        return good, ["%s@0x%x" % (rec, NVC)], refused("rollback")
    if case == "upgrade_test":
        new = sign(tmp, "new.bin", "0.2.0", 2, extra=["--pad"])
        return good, ["%s@0x%x" % (new, S_SEC)], booted(
            r"0\.2\.0\+0, security counter 2$", "--expect", S_LINE + "upgrade test$")
    if case == "confirm":                   # a TEST upgrade that confirms itself
        # (ns_platform_confirm, through the Platform service): before, its trailer says
        # "pending" (1); after, "confirmed" (2). What BL2 then does with a confirmed image
        # (keeps it, raises the counter) is tests/boot/test_upgrade.c's; QEMU reloads the
        # slot images at the system reset, so the second boot here starts over.
        new = sign(tmp, "new.bin", "0.2.0", 2, extra=["--pad"])
        return good, ["%s@0x%x" % (new, S_SEC)], [
            "--exit", "0", "--expect", S_LINE + "upgrade test$",
            "--expect", S_LINE + r"verified version 0\.2\.0\+0",
            "--expect", r"^platform: image state 1, confirmed \(status 0\), state 2$",
            "--expect", r"^SUMMARY [0-9]+ passed, 0 failed$",
            "--reject", "reverted", "--reject", "FAULT"]
    if case == "upgrade_perm":
        new = sign(tmp, "new.bin", "0.2.0", 2, extra=["--confirm"])
        return good, ["%s@0x%x" % (new, S_SEC)], booted(
            r"0\.2\.0\+0", "--expect", S_LINE + "upgrade permanent$")
    if case == "overwrite":                 # run with bl2_overwrite.elf
        new = sign(tmp, "new.bin", "0.2.0", 2, extra=["--pad", "--overwrite-only"])
        return good, ["%s@0x%x" % (new, S_SEC)], booted(
            r"0\.2\.0\+0, security counter 2$", "--expect", S_LINE + "upgrade installed$")
    if case == "upgrade_refused":
        new = patched(sign(tmp, "new.bin", "0.2.0", 2, extra=["--pad"]),
                      lambda b: b.__setitem__(0x500, b[0x500] ^ 1), tmp)
        return good, ["%s@0x%x" % (new, S_SEC)], booted(
            r"0\.1\.0\+0", "--expect", S_LINE + r"upgrade refused \(bad-hash\)$")
    if case == "revert":                    # state after a test boot of 0.2.0 that was
        new = sign(tmp, "new.bin", "0.2.0", 2)  # never confirmed: copy_done, no image_ok
        tr = os.path.join(tmp, "trailer.bin")
        subprocess.run(SIGN + ["trailer", "-S", hex(SLOT), "--magic", "--copy-done",
                               "--swap-info", "2", tr], check=True)
        return new, ["%s@0x%x" % (good, S_SEC), "%s@0x%x" % (tr, S_PRI + SLOT - 432)], \
            booted(r"0\.1\.0\+0", "--expect", S_LINE + "upgrade reverted$")
    raise SystemExit("unknown case " + case)


case, FW, NS = sys.argv[1], sys.argv[2], sys.argv[3]
with tempfile.TemporaryDirectory() as tmp:
    s_image, loads, expect = case_args(case, tmp)
    bl2 = os.path.join(FW, "s/bl2_overwrite.elf" if case == "overwrite" else "s/bl2.elf")
    cmd = [sys.executable, os.path.join(ROOT, "tools/qemu_run.py"), "--timeout", "60",
           "--bl2", bl2, "--s", s_image, "--ns", NS] + expect
    for spec in loads:
        cmd += ["--load", spec]
    sys.exit(subprocess.run(cmd).returncode)
