#!/usr/bin/env bash
# Benchmarks our daemon against the original, side by side, through the real library
# (bench_client) and a stand-in hypervisor (fake-hv.py) that runs each daemon on this
# host in a private mount namespace with a tmpfs sysroot. Run as root, by hand:
#
#   sudo bench/run.sh [OURS] [ORIGINAL]     (defaults: build/guestfsd, /usr/sbin/guestfsd)
#
# BENCH_BUILD names another build directory (default: build) for the client and OURS.
# Prints each figure for both daemons and the ratio ours / original (below 1 = ours
# is faster or smaller). Needs a build with bench_client (deploy/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BENCH_BUILD:-build}"
ours="$(realpath "${1:-$build/guestfsd}")"
orig="$(realpath "${2:-/usr/sbin/guestfsd}")"
client="$(realpath "$build/tests/bench_client")"
hv="$(realpath bench/fake-hv.py)"
work="$(realpath -m "$build/bench")"
mkdir -p "$work"

# A fixed appliance: the library still wants kernel, initrd and an ext2 root whose
# UUID it reads, but nothing boots them.
app="$work/appliance"
if [[ ! -f "$app/root" ]]; then
  mkdir -p "$app"
  : > "$app/kernel"; : > "$app/initrd"; : > "$app/README.fixed"
  truncate -s 4M "$app/root"; mkfs.ext2 -q -F "$app/root"
fi

in_namespace() {
  unshare -m --propagation private sh -c \
    'set -e; mkdir -p /sysroot /dev/disk; mount -t tmpfs tmpfs /dev/disk; mkdir -p /dev/disk/by-path;
     mount -t tmpfs tmpfs /sysroot; exec "$0" "$@"' "$@"
}

run_one() {  # $1 = daemon, output: figure lines
  in_namespace "$client" launch-word "$1"
  LIBGUESTFS_CACHEDIR="$work" "$client" session "$1" "$app" "$hv"
}

echo "original: $orig"; run_one "$orig" | tee "$work/original.txt"
echo "ours:     $ours"; run_one "$ours" | tee "$work/ours.txt"

echo
printf '%-18s %14s %14s %8s\n' figure original ours ratio
join <(sort "$work/original.txt") <(sort "$work/ours.txt") \
  | awk '{ r = ($2 > 0) ? $4 / $2 : 0; printf "%-18s %11.4g %-2s %11.4g %-2s %8.3f\n", $1, $2, "", $4, "", r }' \
  | sed 's/  */ /g' | column -t
echo "(units: $(awk '{print $1"="$3}' "$work/ours.txt" | paste -sd' '))"
