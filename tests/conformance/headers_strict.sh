#!/bin/sh
# headers_strict.sh <repo root> <scratch dir>
# Every PSA header alone, then the conformance sources, compiled with
# -std=c99 -Wall -Wextra -Werror -pedantic by gcc and (when present) by arm-none-eabi-gcc
# with the firmware's CPU flags: the headers must be warning-free for both.
set -e
root=$1 scratch=$2
inc=$root/interface/include
mkdir -p "$scratch"
flags="-std=c99 -Wall -Wextra -Werror -pedantic -I$inc -I$root/tests/common"
compilers=cc
if command -v arm-none-eabi-gcc >/dev/null 2>&1; then
  compilers="cc arm-none-eabi-gcc"
fi
for c in $compilers; do
  extra="-O1"   # folding at -O1 is stricter about constant expressions than -O0
  [ "$c" = arm-none-eabi-gcc ] && extra="-mcpu=cortex-m33+nodsp+nofp -mthumb -Os"
  for h in "$inc"/psa/*.h; do
    name=$(basename "$h" .h)
    printf '#include "psa/%s.h"\nint rp_strict_%s;\n' "$name" "$name" > "$scratch/one_$name.c"
    $c $flags $extra -c "$scratch/one_$name.c" -o "$scratch/one_$name.o"
  done
  for src in conform_values.c conform_decls.c conform_functions.c; do
    $c $flags $extra -c "$root/tests/conformance/$src" -o "$scratch/$c.$src.o"
  done
  echo "headers_strict: $c OK"
done
