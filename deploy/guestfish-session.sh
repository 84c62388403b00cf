#!/usr/bin/env bash
# One short guestfish session against a small disk image it creates: partition, mkfs,
# mount, write, read back, upload/download with checksums, list, and an error.
# Prints what guestfish prints (stderr included), so two runs can be compared.
#
#   deploy/guestfish-session.sh APPLIANCE_DIR|stock [WORKDIR]
#
# APPLIANCE_DIR is what deploy/make-appliance.sh wrote (our daemon); "stock" runs the
# original daemon of the installed libguestfs.
set -euo pipefail
appliance="${1:?usage: guestfish-session.sh APPLIANCE_DIR|stock [WORKDIR]}"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"

export LIBGUESTFS_BACKEND=direct
# KVM does not work on every machine; TCG always does (the appliance boots in ~20-40 s).
export LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
if [[ "$appliance" == stock ]]; then
  source "$(dirname "$0")/original-appliance.sh"
  use_original_appliance
  export LIBGUESTFS_CACHEDIR="$work/stock-cache"
  mkdir -p "$LIBGUESTFS_CACHEDIR"
else
  export LIBGUESTFS_PATH="$appliance" LIBGUESTFS_CACHEDIR="$work/ours-cache"
  mkdir -p "$LIBGUESTFS_CACHEDIR"
fi

disk="$work/disk.img"
rm -f "$disk"
truncate -s 128M "$disk"
# Deterministic content, bigger than many 8 KiB chunks and not a multiple of one.
head -c 3000017 /dev/zero | tr '\0' 'g' > "$work/upload.bin"
rm -f "$work/download.bin"

guestfish --rw -a "$disk" <<GFS 2>&1
run
part-disk /dev/sda mbr
mkfs ext4 /dev/sda1 label:demo
mount /dev/sda1 /
echo "--- devices"
list-devices
list-partitions
vfs-type /dev/sda1
vfs-label /dev/sda1
echo "--- write and read back"
mkdir-p /data/sub
write /data/hello.txt "hello from guestfsd"
cat /data/hello.txt
filesize /data/hello.txt
echo "--- upload, checksum, download"
upload $work/upload.bin /data/upload.bin
filesize /data/upload.bin
checksum sha256 /data/upload.bin
download /data/upload.bin $work/download.bin
echo "--- list"
ls /data
is-file /data/hello.txt
is-dir /data/sub
echo "--- an error (expected)"
-rm /data/missing
umount-all
GFS
echo "--- local checksums of what was uploaded and downloaded"
sha256sum < "$work/upload.bin"
sha256sum < "$work/download.bin"
