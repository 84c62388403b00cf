#!/usr/bin/env bash
# Makes a libguestfs appliance directory whose daemon is ours.
#
#   deploy/make-appliance.sh [--grpc-console] [DAEMON] [OUTDIR]
#                                  (defaults: build/guestfsd, build/appliance)
#
# OUTDIR/supermin.d is a copy of the stock supermin.d in which daemon.tar.gz holds
# DAEMON as usr/sbin/guestfsd plus every shared library it needs that the appliance
# packages do not bring. Use it with the unmodified library:
#
#   LIBGUESTFS_PATH=OUTDIR LIBGUESTFS_CACHEDIR=OUTDIR/cache guestfish ...
#
# supermin builds the real appliance from it on first launch (a few seconds) and
# reuses it until the daemon or the host's packages change.
# --grpc-console: also the debug console module (guestfsd-grpc-console.so, found beside
# DAEMON) with the libraries it needs, and its client as /usr/bin/guestfsd-console, for
# debugging; the daemon serves it when the kernel command line says guestfs_grpc=unix:PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
console=0
if [[ "${1:-}" == --grpc-console ]]; then console=1; shift; fi
daemon="$(realpath "${1:-$here/../build/guestfsd}")"
out="$(realpath -m "${2:-$here/../build/appliance}")"

[[ -x "$daemon" ]] || { echo "make-appliance: no daemon binary at $daemon" >&2; exit 2; }
if head -c 4 "$daemon" | grep -q '#!'; then
  echo "make-appliance: $daemon is a script; pass the ELF binary" >&2; exit 2
fi

# Where the installed library keeps its appliance input.
stock="${GUESTFSD_STOCK_APPLIANCE:-$(env -u LIBGUESTFS_PATH guestfish get-path)}"
[[ -d "$stock/supermin.d" ]] || { echo "make-appliance: no $stock/supermin.d (install libguestfs0)" >&2; exit 2; }

rm -rf "$out/supermin.d.new"
mkdir -p "$out/supermin.d.new" "$out/cache"
for f in "$stock"/supermin.d/*; do
  [[ "$(basename "$f")" == daemon.tar.gz ]] || cp -a "$f" "$out/supermin.d.new/"
done

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
# Debug info stays on the host: the appliance only needs the code.
install -D -m 0755 "$daemon" "$staging/usr/sbin/guestfsd"
strip --strip-debug "$staging/usr/sbin/guestfsd"
manifest="usr/sbin/guestfsd"
needs=("$daemon")
if ((console)); then
  module="$(dirname "$daemon")/guestfsd-grpc-console.so"
  client="$(dirname "$daemon")/tests/guestfsd-console"
  [[ -f "$module" && -x "$client" ]] \
    || { echo "make-appliance: no $module or $client (build with gRPC)" >&2; exit 2; }
  install -D -m 0644 "$module" "$staging/usr/sbin/guestfsd-grpc-console.so"
  install -D -m 0755 "$client" "$staging/usr/bin/guestfsd-console"
  strip --strip-debug "$staging/usr/sbin/guestfsd-grpc-console.so" "$staging/usr/bin/guestfsd-console"
  manifest+=" usr/sbin/guestfsd-grpc-console.so usr/bin/guestfsd-console"
  needs+=("$module" "$client")
fi
while read -r lib; do
  [[ -n "$lib" ]] || continue
  real="$(realpath "$lib")"
  dest="usr/lib/x86_64-linux-gnu"
  install -D -m 0644 "$real" "$staging/$dest/$(basename "$real")"
  manifest+=" $dest/$(basename "$real")"
  if [[ "$(basename "$lib")" != "$(basename "$real")" ]]; then
    ln -sf "$(basename "$real")" "$staging/$dest/$(basename "$lib")"
    manifest+=" $dest/$(basename "$lib")"
  fi
done < <(for bin in "${needs[@]}"; do python3 "$here/appliance_libs.py" "$bin" "$stock/supermin.d"; done | sort -u)

# Reproducible tarball: same inputs, same bytes, so supermin's cache stays valid.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$staging" -cf - usr \
  | gzip -n > "$out/supermin.d.new/daemon.tar.gz"

# Swap in atomically so a concurrent launch never sees half a directory.
rm -rf "$out/supermin.d.old"
[[ -d "$out/supermin.d" ]] && mv "$out/supermin.d" "$out/supermin.d.old"
mv "$out/supermin.d.new" "$out/supermin.d"
rm -rf "$out/supermin.d.old"
echo "appliance: $out (daemon.tar.gz: $manifest)"
