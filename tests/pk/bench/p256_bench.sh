#!/bin/sh
# Instruction counts of P-256 keygen/sign/verify/ECDH on QEMU mps2-an521 CPU0 (Cortex-M33,
# no DSP, no FPU), both configurations. Run from the repository root:
#   tests/pk/bench/p256_bench.sh [iterations]   P-256 operations, both configurations
#   tests/pk/bench/p256_bench.sh field          field operations, asm vs C differential
#   tests/pk/bench/p256_bench.sh other          P-384 and RSA-2048
# Needs arm-none-eabi-gcc and qemu-system-arm (Debian packages gcc-arm-none-eabi,
# qemu-system-arm). Figures are instructions (QEMU -icount shift=0), not cycles.
set -e
ITER=${1:-4}
[ "$1" = field ] && ITER=1
OUT=${BUILD:-build}/p256_bench
mkdir -p "$OUT"
CFLAGS="-std=c99 -Wall -Wextra -Werror -mcpu=cortex-m33+nodsp+nofp -mthumb -Os
        -ffunction-sections -fdata-sections -ffreestanding"
if [ "$1" = other ]; then
    arm-none-eabi-gcc $CFLAGS -Icrypto/include -nostdlib -Wl,--gc-sections \
        -T tests/pk/bench/an521.ld tests/pk/bench/bench_other.c crypto/src/p384.c \
        crypto/src/rsa.c crypto/src/der.c crypto/src/rp_ct.c crypto/src/rp_hmac.c \
        crypto/src/rp_sha2.c -lgcc -o "$OUT/other.elf"
    echo "P-384 and RSA-2048 (portable C, one run each):"
    timeout 900 qemu-system-arm -machine mps2-an521 -nographic -semihosting \
        -icount shift=0 -kernel "$OUT/other.elf"
    exit 0
fi
if [ "$1" = field ]; then
    for fast in 0 1; do
        arm-none-eabi-gcc $CFLAGS -DRP_P256_FAST=$fast -Icrypto/include -nostdlib \
            -Wl,--gc-sections -T tests/pk/bench/an521.ld tests/pk/bench/bench_field.c \
            crypto/src/rp_ct.c crypto/src/rp_hmac.c crypto/src/rp_sha2.c -lgcc \
            -o "$OUT/field_$fast.elf"
        echo "P-256 field operations, RP_P256_FAST=$fast:"
        timeout 600 qemu-system-arm -machine mps2-an521 -nographic -semihosting \
            -icount shift=0 -kernel "$OUT/field_$fast.elf"
    done
    exit 0
fi
for cfg in small fast; do
    fast=0; [ "$cfg" = fast ] && fast=1
    arm-none-eabi-gcc $CFLAGS -DRP_P256_FAST=$fast -DITER="$ITER" -Icrypto/include \
        -nostdlib -Wl,--gc-sections -T tests/pk/bench/an521.ld \
        tests/pk/bench/bench_p256.c crypto/src/p256.c crypto/src/rp_ct.c \
        crypto/src/rp_hmac.c crypto/src/rp_sha2.c -lgcc -o "$OUT/bench_$cfg.elf"
    echo "P-256 $cfg (average of $ITER runs):"
    timeout 600 qemu-system-arm -machine mps2-an521 -nographic -semihosting \
        -icount shift=0 -kernel "$OUT/bench_$cfg.elf"
done
