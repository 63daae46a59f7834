#!/bin/sh
# Builds tests/crypto/t2_check.c with the Thumb-2 routines (crypto/src/*_m33.S, rp_aes.c and
# rp_sha2.c compiled with RP_SYM_T2 as crypto/sym.cmake does for Cortex-M33) next to the
# portable C of the same files (symbols renamed ref_*), and runs it on QEMU's mps2-an521. Exit 0 = pass, 77 = skipped (no arm-none-eabi-gcc or QEMU).
# Also regenerates the assembly from rp_aes.c and fails if it differs from the committed file.
# Usage: tests/crypto/t2_check.sh [build-dir [python3]]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/build/crypto-t2}
for tool in arm-none-eabi-gcc qemu-system-arm; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIPPED: $tool not found"; exit 77; }
done
mkdir -p "$out"
"${2:-/usr/bin/python3}" "$here/bench/aes_t2_gen.py" "$root/crypto/src/rp_aes.c" "$out/regen.S" \
  >/dev/null
cmp "$out/regen.S" "$root/crypto/src/rp_aes_m33.S" ||
  { echo "rp_aes_m33.S is not what aes_t2_gen.py makes of rp_aes.c: regenerate"; exit 1; }
CPU="-mcpu=cortex-m33+nodsp+nofp -mthumb"
CFLAGS="-std=c99 -Wall -Wextra -Werror $CPU -Os -ffunction-sections -fdata-sections"
INC=-I"$root/crypto/include"
objs=""
for s in rp_aes rp_sha2; do
  # the firmware's build (with the assembly) ...
  arm-none-eabi-gcc $CFLAGS -DRP_SYM_T2 $INC -c "$root/crypto/src/$s.c" -o "$out/$s.o"
  # ... and the portable C, every global symbol renamed ref_<name>
  arm-none-eabi-gcc $CFLAGS $INC -c "$root/crypto/src/$s.c" -o "$out/${s}_c.o"
  arm-none-eabi-nm -g --defined-only "$out/${s}_c.o" | awk '{ print $3, "ref_" $3 }' \
    > "$out/${s}_c.map"
  arm-none-eabi-objcopy --redefine-syms="$out/${s}_c.map" "$out/${s}_c.o" "$out/${s}_ref.o"
  objs="$objs $out/$s.o $out/${s}_ref.o"
done
# the modes as the firmware builds them, on the assembly AES (known answers only)
for s in rp_ct rp_aes_modes rp_gcm; do
  arm-none-eabi-gcc $CFLAGS $INC -c "$root/crypto/src/$s.c" -o "$out/$s.o"
  objs="$objs $out/$s.o"
done
for s in rp_aes_m33 rp_sha256_m33; do
  arm-none-eabi-gcc $CPU -c "$root/crypto/src/$s.S" -o "$out/$s.o"
  objs="$objs $out/$s.o"
done
arm-none-eabi-gcc $CFLAGS $INC -c "$here/t2_check.c" -o "$out/t2_check.o"
arm-none-eabi-gcc $CPU -nostartfiles --specs=nano.specs --specs=nosys.specs -Wl,--gc-sections \
  -T "$here/bench/link.ld" "$out/t2_check.o" $objs -o "$out/t2_check.elf"
timeout 300 qemu-system-arm -machine mps2-an521 -nographic -semihosting -kernel "$out/t2_check.elf"
