#!/bin/sh
# Code size (and largest stack frame) of the ITS and PS cores for the firmware target:
#   sh tests/storage/measure_size.sh        (from the repository root)
# Needs arm-none-eabi-gcc. Crypto (rampart_crypto) is not counted in the PS figure.
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags="-mcpu=cortex-m33+nodsp+nofp -mthumb -Os -ffunction-sections -fdata-sections
       -std=c99 -Wall -Wextra -Werror -fstack-usage
       -I$root/services/its/include -I$root/services/ps/include -I$root/interface/include
       -I$root/platform/include -I$root/crypto/include"
for c in its/rp_its ps/rp_ps; do
  n=$(basename $c)
  arm-none-eabi-gcc $flags -c "$root/services/$c.c" -o "$out/$n.o"
done
arm-none-eabi-size "$out/rp_its.o" "$out/rp_ps.o"
for n in rp_its rp_ps; do
  sort -t'	' -k2 -n -r "$out/$n.su" | head -1 |
    awk -F'\t' -v n=$n '{ printf "%s largest stack frame: %s bytes (%s)\n", n, $2, $1 }'
done
