#!/bin/sh
# Builds the non-secure side alone: copies ns/ and the installed interface package into a
# scratch directory outside the source tree and builds there, so the NS build can only
# see the package. Usage: test_split_build.sh <ns source dir> <installed package> <scratch>
set -eu
src=$1 pkg=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
cp -r "$src" "$scratch/ns"
cp -r "$pkg" "$scratch/pkg"
cmake -S "$scratch/ns" -B "$scratch/build" -DRAMPART_PKG="$scratch/pkg" >/dev/null
cmake --build "$scratch/build" -j 2 >/dev/null
for elf in ns_demo ns_kpi; do
  test -s "$scratch/build/$elf.elf" || { echo "missing $elf.elf"; exit 1; }
done
root=$(cd "$src/.." && pwd)
if grep -Eq "$root/(ns|interface|platform|spm|lib|cmake|crypto|services|boot)/" \
     "$scratch/build/CMakeCache.txt" "$scratch/build/CMakeFiles/"*.dir/flags.make 2>/dev/null; then
  echo "the NS build refers to the source tree"; exit 1
fi
echo "split build: NS images built from the interface package alone"
