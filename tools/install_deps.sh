#!/bin/sh
# Installs the Debian packages Rampart's build and tests need, if any is missing.
# As root it runs apt-get itself; otherwise it prints the one apt-get line to run.
set -eu
PKGS="cmake make gcc libc6-dev gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm
python3 python3-yaml python3-cryptography python3-cbor2 libssl-dev valgrind"

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  echo "install_deps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "Rampart needs these Debian packages:$missing"
  echo "Install them with:  sudo apt-get install -y --no-install-recommends$missing"
  exit 1
fi
