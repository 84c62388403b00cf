#!/usr/bin/env bash
# Builds a two-disk MD RAID1 guest for the tool comparisons: each disk has one
# partition, the two make /dev/md/md0 (RAID1) with an ext4 filesystem holding a few
# files. Built with the ORIGINAL daemon, so the images do not depend on the code
# under test.
#
#   tests/e2e/images/make-md-guest.sh OUT1.img OUT2.img
set -euo pipefail
out1="${1:?usage: make-md-guest.sh OUT1.img OUT2.img}"
out2="${2:?usage: make-md-guest.sh OUT1.img OUT2.img}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "$0")/../../../deploy/original-appliance.sh"
use_original_appliance
export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
export LIBGUESTFS_CACHEDIR="${LIBGUESTFS_CACHEDIR:-$tmp}"

rm -f "$out1" "$out2"
truncate -s 64M "$out1"
truncate -s 64M "$out2"
guestfish --rw -a "$out1" -a "$out2" <<GFS
run
part-disk /dev/sda mbr
part-disk /dev/sdb mbr
md-create md0 "/dev/sda1 /dev/sdb1" level:raid1
mkfs ext4 /dev/md/md0 label:MIRROR
mount /dev/md/md0 /
mkdir-p /data
write /data/note.txt "mirrored"
umount-all
md-stop /dev/md/md0
GFS
echo "made $out1 $out2"
