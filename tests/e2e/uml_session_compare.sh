#!/usr/bin/env bash
# One guestfish session, run twice against our daemon (APPLIANCE_DIR): in User-Mode Linux
# through deploy/uml/uml-hv (the channel is UML's emulated serial line /dev/ttyS1, the
# disks are ubd devices) and in the usual qemu appliance (virtio-serial, virtio-scsi).
# The two transcripts must be identical; the times of both and their ratio are printed.
#
#   tests/e2e/uml_session_compare.sh APPLIANCE_DIR
#
# The session covers what differs under UML: disk names (/dev/ubda must be /dev/sda to
# the caller, partitions too), a raw serial line (a file with every byte value, runs of
# XON/XOFF, NUL, 0xff and newlines, in more than one 8 KiB chunk, both ways), and an
# error reply (errno and message). Exit status 77 if there is no UML kernel (a failure
# with GUESTFSD_NO_SKIP=1).
set -euo pipefail
appliance="$(realpath "${1:?usage: uml_session_compare.sh APPLIANCE_DIR}")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
uml_kernel="${UML_HV_KERNEL:-/usr/bin/linux}"
if [[ ! -x "$uml_kernel" ]]; then
  if [[ "${GUESTFSD_NO_SKIP:-0}" == 1 ]]; then
    echo "FAIL: no UML kernel at $uml_kernel (apt-get install user-mode-linux)"; exit 1
  fi
  echo "SKIP: no UML kernel at $uml_kernel (apt-get install user-mode-linux)"; exit 77
fi
work="$(mktemp -d /tmp/gfsd-e2e-uml-XXXXXX)"
trap 'rm -rf "$work"' EXIT

export LIBGUESTFS_BACKEND=direct LIBGUESTFS_PATH="$appliance"
export LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
# Each side its own cache: the hypervisor's probe results are cached per binary.
cache_base="${LIBGUESTFS_CACHEDIR:-$work}"

# Every byte value, in runs that a tty not fully raw would eat or change (XON 0x11,
# XOFF 0x13, NUL, 0xff, \n, \r, ^C, ^D, ^Z), in 8 KiB + 1 pieces: 1 MiB + 7 KiB.
python3 - "$work/bytes.bin" <<'PY'
import sys
every = bytes(range(256))
runs = b"".join(bytes([b]) * 3000 for b in (0x11, 0x13, 0x00, 0xff, 0x0a, 0x0d, 0x03, 0x04, 0x1a))
with open(sys.argv[1], "wb") as f:
    f.write(every * 2048 + runs + every[::-1] * 1024)
    f.write(every[:8193 % 256])
PY
host_sum="$(sha256sum < "$work/bytes.bin" | cut -d' ' -f1)"

# session WHICH: the transcript on stdout, the time in $work/WHICH.time
session() {
  local which="$1" dir="$work/$1" start end
  mkdir -p "$dir" "$cache_base/$which-cache"
  truncate -s 128M "$dir/disk.img"
  truncate -s 16M "$dir/second.img"
  start="$(date +%s.%N)"
  LIBGUESTFS_CACHEDIR="$cache_base/$which-cache" guestfish --rw -a "$dir/disk.img" \
      -a "$dir/second.img" <<GFS 2>&1
run
echo "--- devices"
part-disk /dev/sda mbr
list-devices
list-partitions
part-list /dev/sda
blockdev-getsize64 /dev/sdb
mkfs ext4 /dev/sda1 label:uml
vfs-type /dev/sda1
vfs-label /dev/sda1
findfs-label uml
mount /dev/sda1 /
mounts
echo "--- write and read back"
write /hello.txt "hello over the serial line"
cat /hello.txt
write-append /hello.txt "\n\x11\x13 end"
hexdump /hello.txt
echo "--- upload and download, every byte value"
upload $work/bytes.bin /bytes.bin
filesize /bytes.bin
checksum sha256 /bytes.bin
download /bytes.bin $dir/download.bin
pread /bytes.bin 16 8184 | od -An -tx1
echo "--- expected failures"
-cat /missing
-mkdir /hello.txt
-mount /dev/sdz1 /mnt
echo "--- done"
umount-all
GFS
  end="$(date +%s.%N)"
  awk -v a="$start" -v b="$end" 'BEGIN { print b - a }' > "$work/$which.time"
  echo "--- host checksum of the download"
  sha256sum < "$dir/download.bin" | cut -d' ' -f1
}

failed=0
LIBGUESTFS_HV="$root/deploy/uml/uml-hv" session uml > "$work/uml.txt" || failed=1
session qemu > "$work/qemu.txt" || failed=1
cat "$work/uml.txt"
if ! diff -u "$work/qemu.txt" "$work/uml.txt"; then
  echo "FAIL: the transcripts differ (qemu vs UML)"; failed=1
fi
# Sanity: the session did its work (a broken run on both sides must not pass).
[[ "$(grep -cx "$host_sum" "$work/uml.txt")" == 2 ]] ||
  { echo "FAIL: the daemon's checksum or the download differs from the host's $host_sum"; failed=1; }
grep -qx '/dev/sda1' "$work/uml.txt" || { echo "FAIL: no /dev/sda1"; failed=1; }
grep -q 'error: download: /missing: No such file or directory' "$work/uml.txt" ||
  { echo "FAIL: no ENOENT message for /missing"; failed=1; }
grep -q 'error: mkdir: /hello.txt: File exists' "$work/uml.txt" ||
  { echo "FAIL: no EEXIST message for mkdir"; failed=1; }
grep -qx -- '--- done' "$work/uml.txt" || { echo "FAIL: the session stopped early"; failed=1; }
if grep -v -e 'download: /missing: No such' -e 'mkdir: /hello.txt: File exists' \
     -e 'mount_stub: /dev/sdz1: No such' "$work/uml.txt" | grep -qi 'error'; then
  echo "FAIL: an unexpected error"; failed=1
fi
uml_t="$(cat "$work/uml.time")" qemu_t="$(cat "$work/qemu.time")"
awk -v u="$uml_t" -v q="$qemu_t" \
  'BEGIN { printf "times: UML %.1f s, qemu (TCG) %.1f s, ratio UML/qemu %.2f\n", u, q, u / q }'
((failed == 0)) && echo "PASS: identical transcripts (UML and qemu)"
exit "$failed"
