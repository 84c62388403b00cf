#!/usr/bin/env bash
# The Debian package guestfsd-cpp on this machine, as a user installs it: built with
# cpack from BUILD_DIR (daemon, man page and appliance already made), checked by
# lintian, installed with apt; guestfish, given no LIBGUESTFS_PATH, then boots our
# daemon; removed, the original answers again. Restores the original guestfsd package
# (which ours replaces) at the end, whatever happened.
#
#   tests/e2e/package_test.sh BUILD_DIR          (as root; CTest runs it alone)
set -uo pipefail
build="$(realpath "${1:?usage: package_test.sh BUILD_DIR}")"
work="$(mktemp -d /tmp/gfsd-e2e-pkg-XXXXXX)"
payload=/usr/lib/x86_64-linux-gnu/guestfs/supermin.d/daemon.tar.gz
diverted=/usr/lib/x86_64-linux-gnu/guestfs/daemon.tar.gz.distrib
export DEBIAN_FRONTEND=noninteractive
failed=0
fail() { echo "FAIL: $*"; failed=1; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
installed guestfsd-cpp && { echo "FAIL: guestfsd-cpp is installed already; remove it first"; exit 1; }
# Debian's guestfsd, which ours replaces for a while: its .deb is fetched first, so that
# putting it back needs no network and nothing is changed if it cannot be had.
original_deb=""
if installed guestfsd; then
  version="$(dpkg-query -W -f='${Version}' guestfsd)"
  (cd "$work" && apt-get download -qq "guestfsd=$version" > /dev/null 2>&1) ||
    cp /var/cache/apt/archives/guestfsd_*.deb "$work/" 2> /dev/null
  original_deb="$(ls "$work"/guestfsd_*.deb 2> /dev/null | head -1)"
  [[ -n "$original_deb" ]] || { echo "FAIL: cannot get guestfsd $version's .deb to restore it"; exit 1; }
fi
restore() {
  dpkg-query -W guestfsd-cpp > /dev/null 2>&1 && apt-get purge -y -qq guestfsd-cpp > /dev/null 2>&1
  [[ -n "$original_deb" ]] && ! installed guestfsd && dpkg -i "$original_deb" > /dev/null 2>&1
  installed guestfsd-cpp && echo "WARNING: guestfsd-cpp could not be removed"
  [[ -n "$original_deb" ]] && ! installed guestfsd && echo "WARNING: guestfsd could not be reinstalled"
  rm -rf "$work"
}
trap restore EXIT
original_sum="$(sha256sum < "$payload")"

# Which daemon the library's own appliance runs: ours knows --grpc-token-file.
# No LIBGUESTFS_PATH and a cache of its own; the backend settings of the
# environment stay (this machine needs force_tcg).
answering_daemon() {
  local out
  out="$(env -u LIBGUESTFS_PATH LIBGUESTFS_CACHEDIR="$work/cache" \
           guestfish -a "$work/disk.img" run : debug sh \
           "guestfsd --help 2>&1 | grep -q -- --grpc-token-file && echo ours || echo original" 2>&1)"
  echo "$out" | tail -1
}
mkdir -p "$work/cache"
truncate -s 64M "$work/disk.img"

echo "--- build"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" > "$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb="$(ls "$work"/deb/guestfsd-cpp_*.deb)"
dpkg-deb -f "$deb" Package Version Depends Conflicts Replaces Provides
echo "--- files"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $1, $NF}'
echo "--- lintian"
lintian --no-tag-display-limit "$deb" > "$work/lintian.txt" 2>&1
cat "$work/lintian.txt"
grep -q '^E: ' "$work/lintian.txt" && fail "lintian reports errors"

echo "--- before: $(answering_daemon)"
[[ "$(answering_daemon)" == original ]] || fail "the original did not answer before the package"

echo "--- install"
apt-get install -y -qq --no-install-recommends "$deb" > "$work/install.log" 2>&1 \
  || { cat "$work/install.log"; echo "FAIL: apt-get install"; exit 1; }
dpkg-divert --list | grep guestfsd-cpp || fail "no diversion of $payload"
[[ -f "$diverted" && "$(sha256sum < "$diverted")" == "$original_sum" ]] \
  || fail "the original payload is not kept at $diverted"
[[ "$(sha256sum < "$payload")" != "$original_sum" ]] || fail "the payload is still the original"
/usr/sbin/guestfsd --help | grep -q 'guestfsd(8)' || fail "/usr/sbin/guestfsd is not ours"
man -P cat guestfsd 2> /dev/null | grep -q 'guestfsd-cpp' || fail "man guestfsd does not render ours"
who="$(answering_daemon)"
echo "--- with the package: $who"
[[ "$who" == ours ]] || fail "guestfish did not boot our daemon with the package installed"

echo "--- remove"
apt-get purge -y -qq guestfsd-cpp > "$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "apt-get purge"; }
dpkg-divert --list | grep -q guestfsd-cpp && fail "the diversion is still there"
[[ "$(sha256sum < "$payload")" == "$original_sum" ]] || fail "the original payload was not restored"
who="$(answering_daemon)"
echo "--- after removal: $who"
[[ "$who" == original ]] || fail "the original did not answer after removal"

((failed == 0)) && echo "PASS: installed, ours answered; removed, the original answered"
exit "$failed"
