#!/bin/sh
# test_host_link.sh <repo root> <scratch dir> <host_app.c> <headers_strict.c>
# 1. `make host-lib PREFIX=<scratch>/prefix` (the Makefile target itself);
# 2. build the plain application with  cc -I<prefix>/include app.c <prefix>/lib/librampart.a
#    and run it;
# 3. compile the installed headers strictly with gcc and, when present, arm-none-eabi-gcc.
set -e
root=$1 scratch=$2 app=$3 strict=$4
rm -rf "$scratch"
mkdir -p "$scratch"
make -s -C "$root" host-lib PREFIX="$scratch/prefix" BUILD="$scratch/build" JOBS=2 >/dev/null
test -f "$scratch/prefix/lib/librampart.a"
test -f "$scratch/prefix/include/psa/crypto.h"
cc -std=c99 -Wall -Wextra -Werror -pedantic -I"$scratch/prefix/include" "$app" \
   "$scratch/prefix/lib/librampart.a" -o "$scratch/host_app"
"$scratch/host_app" | grep -qx "host_app OK"
cc -std=c99 -Wall -Wextra -Werror -pedantic -I"$scratch/prefix/include" -c "$strict" \
   -o "$scratch/strict_host.o"
if command -v arm-none-eabi-gcc >/dev/null 2>&1; then
  arm-none-eabi-gcc -mcpu=cortex-m33+nodsp+nofp -mthumb -Os -std=c99 -Wall -Wextra -Werror \
     -pedantic -I"$scratch/prefix/include" -c "$strict" -o "$scratch/strict_arm.o"
fi
echo "host_lib_link: OK"
