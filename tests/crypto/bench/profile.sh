#!/bin/sh
# Per-function instruction profile of one AES-128 block encryption on the AN521 model:
# QEMU executes one instruction per translation block (-singlestep) and logs each
# (-d exec,nochain); the PCs between two calls of marker() are attributed to symbols.
# Usage: tests/crypto/bench/profile.sh [build-dir [setkey]]  (after bench.sh built the
# objects; "setkey" profiles the AES-128 key schedule instead)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
B=${1:-$root/build/crypto-bench}
what="AES-128 one block"
[ "${2:-}" = setkey ] && { what="AES-128 key schedule"; EXTRA=-DPROFILE_SETKEY; }
FL="${EXTRA:-} -std=c99 -mcpu=cortex-m33+nodsp+nofp -mthumb -Os -ffunction-sections"
arm-none-eabi-gcc $FL -I"$root/crypto/include" -c "$here/profile.c" -o "$B/profile.o"
arm-none-eabi-gcc -mcpu=cortex-m33+nodsp+nofp -mthumb -nostartfiles --specs=nano.specs \
  --specs=nosys.specs -Wl,--gc-sections -T "$here/link.ld" "$B/profile.o" "$B/rp_aes.o" \
  "$B/rp_ct.o" $(ls "$B"/rp_aes_m33.o 2>/dev/null) -o "$B/profile.elf"
timeout 120 qemu-system-arm -machine mps2-an521 -nographic -semihosting -singlestep \
  -d exec,nochain -D "$B/profile.log" -kernel "$B/profile.elf"
arm-none-eabi-nm -n "$B/profile.elf" | grep -i " t " > "$B/profile.syms"
/usr/bin/python3 - "$B/profile.syms" "$B/profile.log" "$what" <<'PY'
import bisect, collections, re, sys
syms = sorted((int(a, 16), n) for a, t, n in (l.split() for l in open(sys.argv[1])))
addrs = [a for a, _ in syms]
marker = [a for a, n in syms if n == "marker"][0]
count, on = collections.Counter(), False
for line in open(sys.argv[2]):
    m = re.search(r"\[[0-9a-f]+/([0-9a-f]+)/", line)
    if not m:
        continue
    pc = int(m.group(1), 16)
    if pc == marker:
        on = not on
    elif on:
        count[syms[bisect.bisect_right(addrs, pc) - 1][1]] += 1
print("%s: %d instructions" % (sys.argv[3], sum(count.values())))
for name, n in count.most_common():
    print("  %-20s %6d" % (name, n))
PY
