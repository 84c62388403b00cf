#!/usr/bin/env bash
# Installs the Debian 12 packages the build and the tests need. Idempotent.
# Run as root (or with sudo).
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config python3
  libudev-dev libexpected-dev
  libtirpc-dev   # the unit tests compare our XDR with libtirpc's (the daemon does not link it)
  libaugeas-dev augeas-lenses libhivex-dev librpm-dev  # aug_*, hivex_*, OS inspection
  libgcrypt20-dev   # checksums in the daemon
  # Headers of the libraries the daemon loads on first use (ACLs, capabilities, SELinux,
  # the journal, YARA, The Sleuth Kit); their runtime packages are in every appliance.
  libacl1-dev libcap-dev libselinux1-dev libsystemd-dev libyara-dev libtsk-dev
  libgtest-dev libgmock-dev
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler  # gRPC debug console
  util-linux   # unshare, mount: private sysroots for tests and the demo
  guestfsd     # the original daemon, for side-by-side tests
  # The real library, tools and appliance: deploy/make-appliance.sh, the demo,
  # end-to-end tests, conformance and benchmarks.
  libguestfs0 libguestfs-dev libguestfs-tools guestfish
  libguestfs-hfsplus libguestfs-reiserfs libguestfs-xfs   # decide the appliance's feature groups
  supermin qemu-system-x86 qemu-utils linux-image-amd64
  user-mode-linux   # the UML kernel of deploy/uml/uml-hv and its end-to-end test
  libwin-hivex-perl   # hivexregedit: the registry hives of the phony Windows guests
  systemd-journal-remote   # writes the journal of the virt-log test's guest
  dpkg-dev lintian   # the Debian package: dpkg-shlibdeps for its dependencies, its check
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
