#!/usr/bin/env bash
# Builds a small Debian-like Linux guest disk for the tool comparisons:
#   GPT; partition 1 = /boot (ext4, LABEL=BOOT); partition 2 = LVM PV of VG "guestvg"
#   with LVs "root" (ext4, mounted by /dev/mapper name) and "home" (ext4, by UUID=).
# /etc/os-release, /etc/debian_version, /etc/hostname, /etc/fstab, a dpkg status file
# and real x86-64 binaries (for the architecture). Built with the ORIGINAL daemon, so
# the image does not depend on the code under test.
#
#   tests/e2e/images/make-linux-guest.sh OUT.img
set -euo pipefail
out="${1:?usage: make-linux-guest.sh OUT.img}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "$0")/../../../deploy/original-appliance.sh"
use_original_appliance
export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
export LIBGUESTFS_CACHEDIR="${LIBGUESTFS_CACHEDIR:-$tmp}"

home_uuid=6b1a3e0c-2f4d-4c55-9a0e-7d3c1b2a4f10
cat > "$tmp/fstab" <<FSTAB
# /etc/fstab: static file system information.
/dev/mapper/guestvg-root /      ext4 errors=remount-ro 0 1
LABEL=BOOT               /boot  ext4 defaults          0 2
UUID=$home_uuid /home  ext4 defaults 0 2
proc                     /proc  proc defaults          0 0
FSTAB
cat > "$tmp/os-release" <<'OSR'
PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
OSR
cat > "$tmp/status" <<'DPKG'
Package: base-files
Status: install ok installed
Priority: required
Section: admin
Installed-Size: 340
Maintainer: Santiago Vila <sanvila@debian.org>
Architecture: amd64
Version: 12.4+deb12u5
Description: Debian base system miscellaneous files

Package: bash
Status: install ok installed
Priority: required
Section: shells
Installed-Size: 7163
Maintainer: Matthias Klose <doko@debian.org>
Architecture: amd64
Version: 5.2.15-2+b2
Description: GNU Bourne Again SHell

DPKG
echo "testguest" > "$tmp/hostname"
echo "12.4" > "$tmp/debian_version"
echo "hello from the guest" > "$tmp/motd"

rm -f "$out"
truncate -s 300M "$out"
guestfish --rw -a "$out" <<GFS
run
part-init /dev/sda gpt
part-add /dev/sda p 2048 206847
part-add /dev/sda p 206848 -2048
mkfs ext4 /dev/sda1 label:BOOT
pvcreate /dev/sda2
vgcreate guestvg /dev/sda2
lvcreate root guestvg 128
lvcreate home guestvg 32
mkfs ext4 /dev/guestvg/root
mkfs ext4 /dev/guestvg/home
set-uuid /dev/guestvg/home $home_uuid
mount /dev/guestvg/root /
mkdir-p /boot
mkdir-p /home
mount /dev/sda1 /boot
mount /dev/guestvg/home /home
mkdir-p /etc
mkdir-p /bin
mkdir-p /usr/bin
mkdir-p /var/lib/dpkg
mkdir-p /home/user/docs
upload $tmp/fstab /etc/fstab
upload $tmp/os-release /etc/os-release
upload $tmp/hostname /etc/hostname
upload $tmp/debian_version /etc/debian_version
upload $tmp/motd /etc/motd
upload $tmp/status /var/lib/dpkg/status
upload /usr/bin/ls /bin/ls
upload /usr/bin/bash /bin/bash
upload /usr/bin/true /usr/bin/true
chmod 0755 /bin/ls
chmod 0755 /bin/bash
write /boot/vmlinuz-6.1.0-guest "not a kernel"
write /home/user/docs/note.txt "a note"
ln-s ../bin/bash /usr/bin/sh
umount-all
GFS
echo "made $out"
