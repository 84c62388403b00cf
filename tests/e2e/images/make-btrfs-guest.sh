#!/usr/bin/env bash
# Builds a small Debian guest installed on btrfs for the tool comparisons:
#   MBR; partition 1 = /boot (ext4, LABEL=BOOT); partition 2 = btrfs (LABEL=debian)
#   with subvolumes "@rootfs" (mounted on / by subvol=, as Debian's installer names it)
#   and "@home" (on /home), and a read-only snapshot of @home.
# /etc/os-release, /etc/fstab, /etc/hostname, a dpkg status file and a real x86-64
# binary (for the architecture). (A Fedora guest would need an RPM database: the
# original daemon's inspection fails without one.) Built with the ORIGINAL daemon, so the image does not depend on the
# code under test.
#
#   tests/e2e/images/make-btrfs-guest.sh OUT.img
set -euo pipefail
out="${1:?usage: make-btrfs-guest.sh OUT.img}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "$0")/../../../deploy/original-appliance.sh"
use_original_appliance
export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
export LIBGUESTFS_CACHEDIR="${LIBGUESTFS_CACHEDIR:-$tmp}"

cat > "$tmp/fstab" <<'FSTAB'
LABEL=debian /      btrfs defaults,subvol=@rootfs 0 0
LABEL=BOOT   /boot  ext4  defaults                0 2
LABEL=debian /home  btrfs defaults,subvol=@home   0 0
FSTAB
cat > "$tmp/os-release" <<'OSR'
PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
OSR
cat > "$tmp/status" <<'DPKG'
Package: btrfs-progs
Status: install ok installed
Priority: optional
Section: admin
Installed-Size: 4588
Maintainer: Adam Borowski <kilobyte@angband.pl>
Architecture: amd64
Version: 6.2-1+deb12u1
Description: Checksumming Copy on Write Filesystem utilities

DPKG
echo "btrfsguest" > "$tmp/hostname"
echo "12.4" > "$tmp/debian_version"

rm -f "$out"
truncate -s 400M "$out"
guestfish --rw -a "$out" <<GFS
run
part-init /dev/sda mbr
part-add /dev/sda p 2048 206847
part-add /dev/sda p 206848 -2048
mkfs ext4 /dev/sda1 label:BOOT
mkfs-btrfs /dev/sda2 label:debian
mount /dev/sda2 /
btrfs-subvolume-create /@rootfs
btrfs-subvolume-create /@home
umount /
mount btrfsvol:/dev/sda2/@rootfs /
mkdir-p /boot
mkdir-p /home
mount /dev/sda1 /boot
mount btrfsvol:/dev/sda2/@home /home
mkdir-p /etc
mkdir-p /usr/bin
ln-s usr/bin /bin
mkdir-p /home/user/docs
mkdir-p /var/lib/dpkg
upload $tmp/fstab /etc/fstab
upload $tmp/os-release /etc/os-release
upload $tmp/hostname /etc/hostname
upload $tmp/debian_version /etc/debian_version
upload $tmp/status /var/lib/dpkg/status
upload /usr/bin/ls /usr/bin/ls
chmod 0755 /usr/bin/ls
write /boot/vmlinuz-6.1.0-13-amd64 "not a kernel"
write /home/user/docs/note.txt "a note on btrfs"
umount-all
mount /dev/sda2 /
btrfs-subvolume-snapshot /@home /@home-snap ro:true
umount-all
GFS
echo "made $out"
