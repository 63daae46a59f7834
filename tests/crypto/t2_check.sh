#!/bin/sh
# Builds tests/crypto/t2_check.c with the Thumb-2 AES S-box (crypto/src/rp_aes_sbox_m33.S,
# rp_aes.c compiled with RP_AES_SBOX_T2 as crypto/sym.cmake does for Arm) and runs it on
# QEMU's mps2-an521. Exit 0 = pass, 77 = skipped (no arm-none-eabi-gcc or QEMU).
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
"${2:-/usr/bin/python3}" "$here/bench/aes_sbox_gen.py" "$root/crypto/src/rp_aes.c" "$out/regen.S" \
  >/dev/null
cmp "$out/regen.S" "$root/crypto/src/rp_aes_sbox_m33.S" ||
  { echo "rp_aes_sbox_m33.S is not what aes_sbox_gen.py makes of rp_aes.c: regenerate"; exit 1; }
CPU="-mcpu=cortex-m33+nodsp+nofp -mthumb"
CFLAGS="-std=c99 -Wall -Wextra -Werror $CPU -Os -ffunction-sections -fdata-sections"
arm-none-eabi-gcc $CFLAGS -DRP_AES_SBOX_T2 -I"$root/crypto/include" \
  -c "$root/crypto/src/rp_aes.c" -o "$out/rp_aes.o"
arm-none-eabi-gcc $CFLAGS -I"$root/crypto/include" -c "$root/crypto/src/rp_ct.c" -o "$out/rp_ct.o"
arm-none-eabi-gcc $CPU -c "$root/crypto/src/rp_aes_sbox_m33.S" -o "$out/rp_aes_sbox_m33.o"
arm-none-eabi-gcc $CFLAGS -I"$root/crypto/include" -c "$here/t2_check.c" -o "$out/t2_check.o"
arm-none-eabi-gcc $CPU -nostartfiles --specs=nano.specs --specs=nosys.specs -Wl,--gc-sections \
  -T "$here/bench/link.ld" "$out/t2_check.o" "$out/rp_aes.o" "$out/rp_ct.o" \
  "$out/rp_aes_sbox_m33.o" -o "$out/t2_check.elf"
timeout 120 qemu-system-arm -machine mps2-an521 -nographic -semihosting -kernel "$out/t2_check.elf"
