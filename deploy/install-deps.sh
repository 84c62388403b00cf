#!/usr/bin/env bash
# Installs the Debian 12 packages the build and the tests need. Idempotent.
# Run as root (or with sudo).
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config python3
  libtirpc-dev libudev-dev libboost-program-options-dev libexpected-dev
  libgtest-dev libgmock-dev
  util-linux   # unshare, mount: private sysroots for tests and the demo
  guestfsd     # the original daemon, for side-by-side tests
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
