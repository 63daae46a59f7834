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
# The firmware's configuration (crypto/sym.cmake): the AES S-box and the SHA-256
# compression in Thumb-2 assembly. RP_PORTABLE=1 measures the portable C instead.
T2="-DRP_SYM_T2"
[ "${RP_PORTABLE:-0}" = 1 ] && T2=""
for s in $srcs; do
  arm-none-eabi-gcc $CFLAGS $T2 -I"$root/crypto/include" -c "$root/crypto/src/$s.c" -o "$out/$s.o"
  objs="$objs $out/$s.o"
done
if [ -n "$T2" ]; then
  for s in rp_aes_m33 rp_sha256_m33; do
    arm-none-eabi-gcc -mcpu=cortex-m33+nodsp+nofp -mthumb -c "$root/crypto/src/$s.S" -o "$out/$s.o"
    objs="$objs $out/$s.o"
  done
fi
echo "== code size, arm-none-eabi-gcc -mcpu=cortex-m33+nodsp+nofp -mthumb -Os -ffunction-sections"
arm-none-eabi-size -t $objs | sed "s|$out/||"
# What one primitive costs an image that uses only it: link the objects with
# --gc-sections from that primitive's public functions alone and count the code and
# constants kept (.text + .rodata). memcpy/memset are left to the image (defined as 0).
closure() {
  name=$1; shift
  roots=""
  for s in "$@"; do roots="$roots -Wl,-u,$s"; done
  arm-none-eabi-gcc -mcpu=cortex-m33+nodsp+nofp -mthumb -nostdlib -nostartfiles \
    -Wl,--gc-sections -Wl,-e,$1 $roots -Wl,--defsym=memcpy=0 -Wl,--defsym=memset=0 \
    $objs -o "$out/size_$name.elf"
  arm-none-eabi-size -A "$out/size_$name.elf" |
    awk -v n="$name" '$1 == ".text" || $1 == ".rodata" { t += $2 } END { print "KPI size." n, t }'
}
echo "== linked size per primitive (gc-sections closure of its public functions, bytes)"
closure sha256 rp_sha256_init rp_sha224_init rp_sha256_update rp_sha256_final rp_sha256 \
  rp_sha224
closure aes rp_aes_setkey rp_aes_encrypt rp_aes_decrypt rp_aes_encrypt2 rp_aes_decrypt2
closure gcm rp_gcm_encrypt rp_gcm_decrypt rp_gcm_start rp_gcm_setkey rp_gcm_set_iv \
  rp_gcm_update_aad rp_gcm_update rp_gcm_finish rp_gcm_verify
closure ccm rp_ccm_encrypt rp_ccm_decrypt rp_ccm_start rp_ccm_setkey rp_ccm_set_nonce \
  rp_ccm_update_aad rp_ccm_update rp_ccm_finish rp_ccm_verify
closure chachapoly rp_chachapoly_encrypt rp_chachapoly_decrypt rp_chachapoly_start \
  rp_chachapoly_update_aad rp_chachapoly_update rp_chachapoly_finish rp_chachapoly_verify \
  rp_chacha20 rp_poly1305_init rp_poly1305_update rp_poly1305_final
# The whole symmetric set (the issue's "<= 12 KB of code at -Os"): every public function of
# the six symmetric headers, i.e. what a PSA Crypto service offering all of it links.
all=$(for h in rp_ct rp_sha2 rp_hmac rp_aes rp_chachapoly rp_drbg; do
  grep -v '^static\|^#\|^ \|^/\*\| \* ' "$root/crypto/include/$h.h" | grep -o '\brp_[a-z0-9_]*(' |
    tr -d '('; done | sort -u)
closure sym $all
arm-none-eabi-gcc $CFLAGS -I"$root/crypto/include" -c "$here/bench.c" -o "$out/bench.o"
arm-none-eabi-gcc -mcpu=cortex-m33+nodsp+nofp -mthumb -nostartfiles --specs=nano.specs \
  --specs=nosys.specs -Wl,--gc-sections -T "$here/link.ld" "$out/bench.o" $objs \
  -o "$out/bench.elf"
echo "== instructions per operation (QEMU mps2-an521, -icount shift=0)"
timeout 300 qemu-system-arm -machine mps2-an521 -nographic -semihosting -icount shift=0 \
  -kernel "$out/bench.elf"
