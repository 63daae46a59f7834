#!/bin/sh
# Instruction counts of the symmetric primitives on the AN521 model (QEMU, -icount shift=0)
# and their -Os code sizes. Usage: tests/crypto/bench/bench.sh [build-dir]
# Needs arm-none-eabi-gcc and qemu-system-arm. Figures are instructions, not cycles.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=${1:-$root/build/crypto-bench}
mkdir -p "$out"
CFLAGS="-std=c99 -Wall -Wextra -Werror -mcpu=cortex-m33+nodsp+nofp -mthumb -Os -ffunction-sections -fdata-sections"
srcs="rp_ct rp_sha2 rp_hmac rp_aes rp_aes_modes rp_cmac rp_gcm rp_ccm rp_chachapoly rp_drbg"
objs=""
for s in $srcs; do
  arm-none-eabi-gcc $CFLAGS -I"$root/crypto/include" -c "$root/crypto/src/$s.c" -o "$out/$s.o"
  objs="$objs $out/$s.o"
done
echo "== code size, arm-none-eabi-gcc -mcpu=cortex-m33+nodsp+nofp -mthumb -Os -ffunction-sections"
arm-none-eabi-size -t $objs | sed "s|$out/||"
arm-none-eabi-gcc $CFLAGS -I"$root/crypto/include" -c "$here/bench.c" -o "$out/bench.o"
arm-none-eabi-gcc -mcpu=cortex-m33+nodsp+nofp -mthumb -nostartfiles --specs=nano.specs \
  --specs=nosys.specs -Wl,--gc-sections -T "$here/link.ld" "$out/bench.o" $objs \
  -o "$out/bench.elf"
echo "== instructions per operation (QEMU mps2-an521, -icount shift=0)"
timeout 300 qemu-system-arm -machine mps2-an521 -nographic -semihosting -icount shift=0 \
  -kernel "$out/bench.elf"
