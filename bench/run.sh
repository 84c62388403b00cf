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
# Never ours against ours: with guestfsd-cpp installed, /usr/sbin/guestfsd is our daemon.
if grep -q -- "--grpc-token-file" "$orig"; then
  echo "bench: $orig is this project's daemon (guestfsd-cpp installed?); pass the original" >&2
  exit 2
fi
client="$(realpath "$build/tests/bench_client")"
raw="$(realpath "$build/tests/raw_client")"
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

# The daemon's instructions per ping, counted by callgrind (perf's hardware
# counters are missing in most VMs): 2000 pings less a session with none.
instructions_per_ping() {  # $1 = daemon
  command -v valgrind >/dev/null || return 0
  local n ir0 ir1
  for n in 0 2000; do
    in_namespace env BENCH_WRAP="valgrind --tool=callgrind --callgrind-out-file=$work/cg.$n" \
      "$raw" repeat "$1" ping "$n" 2>/dev/null
  done
  ir0=$(awk '/^summary:/ {print $2}' "$work/cg.0"); ir1=$(awk '/^summary:/ {print $2}' "$work/cg.2000")
  echo "instructions_per_ping $(( (ir1 - ir0) / 2000 )) instr"
  rm -f "$work"/cg.*
}

run_one() {  # $1 = daemon, $2 = its appliance payload; output: figure lines
  in_namespace "$client" launch-word "$1"
  LIBGUESTFS_CACHEDIR="$work" "$client" session "$1" "$app" "$hv"
  in_namespace "$raw" measure "$1"
  instructions_per_ping "$1"
  if [[ -f "$2" ]]; then echo "payload_bytes $(stat -c %s "$2") bytes"; fi
}

# The appliance payloads: the original's from libguestfs0, ours as
# deploy/make-appliance.sh builds it (OURS_PAYLOAD overrides).
orig_payload=/usr/lib/x86_64-linux-gnu/guestfs/supermin.d/daemon.tar.gz
ours_payload="${OURS_PAYLOAD:-$build/appliance/supermin.d/daemon.tar.gz}"

# exec + launch word with no daemon: the start-up target is relative to it.
echo "floor:    launch_floor"
in_namespace "$client" launch-word "$(realpath "$build/tests/launch_floor")" | sed 's/^launch_word/launch_floor/' | tee "$work/floor.txt"

echo "original: $orig"; run_one "$orig" "$orig_payload" | tee "$work/original.txt"
echo "ours:     $ours"; run_one "$ours" "$ours_payload" | tee "$work/ours.txt"

echo
printf '%-18s %14s %14s %8s\n' figure original ours ratio
join <(sort "$work/original.txt") <(sort "$work/ours.txt") \
  | awk '{ r = ($2 > 0) ? $4 / $2 : 0; printf "%-18s %11.4g %-2s %11.4g %-2s %8.3f\n", $1, $2, "", $4, "", r }' \
  | sed 's/  */ /g' | column -t
echo "(units: $(awk '{print $1"="$3}' "$work/ours.txt" | paste -sd' '))"
# The ping target is relative to the floor measured in the same run.
above() { awk '$1=="floor_p50"{f=$2} $1=="ping_p50"{p=$2} $1=="floor_p99"{f9=$2} $1=="ping_p99"{p9=$2}
               END{printf "p50 %.1f us above the floor, p99 %.2f x the floor'"'"'s", p-f, p9/f9}' "$1"; }
echo "ping: original $(above "$work/original.txt"); ours $(above "$work/ours.txt")"
start() { awk -v f="$(awk '{print $2}' "$work/floor.txt")" '$1=="launch_word"{printf "%.2f ms above exec alone", ($2-f)/1000}' "$1"; }
echo "launch word: original $(start "$work/original.txt"); ours $(start "$work/ours.txt")"
