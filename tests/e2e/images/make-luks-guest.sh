#!/usr/bin/env bash
# Builds a small LUKS-encrypted Linux guest for the tool comparisons:
#   MBR; partition 1 = /boot (ext4, LABEL=BOOT); partition 2 = LUKS (passphrase
#   below) holding the root ext4 with /etc/os-release, /etc/fstab, /etc/hostname, a
#   dpkg status file and a real x86-64 /bin/ls (for the architecture). Built with the
#   ORIGINAL daemon, so the image does not depend on the code under test.
#
#   tests/e2e/images/make-luks-guest.sh OUT.img
# The passphrase is printed by `make-luks-guest.sh --passphrase`.
set -euo pipefail
passphrase="e2e-luks-Passphrase"
[[ "${1:-}" == --passphrase ]] && { echo "$passphrase"; exit 0; }
out="${1:?usage: make-luks-guest.sh OUT.img | --passphrase}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "$0")/../../../deploy/original-appliance.sh"
use_original_appliance
export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
export LIBGUESTFS_CACHEDIR="${LIBGUESTFS_CACHEDIR:-$tmp}"

root_uuid=2c9d7e51-8a3f-4b6e-9d21-5f0a7c3e1b84
cat > "$tmp/fstab" <<FSTAB
UUID=$root_uuid /      ext4 errors=remount-ro 0 1
LABEL=BOOT      /boot  ext4 defaults          0 2
FSTAB
cat > "$tmp/os-release" <<'OSR'
PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
OSR
echo "lukstest" > "$tmp/hostname"
echo "12.4" > "$tmp/debian_version"
# Inspection of a Debian guest reads the package database.
cat > "$tmp/status" <<'DPKG'
Package: base-files
Status: install ok installed
Architecture: amd64
Version: 12.4+deb12u5
Description: Debian base system miscellaneous files

DPKG

rm -f "$out"
truncate -s 200M "$out"
# With --keys-from-stdin guestfish reads each key as the line after its command
# (stdin is the script), so the passphrase never reaches a command line.
guestfish --keys-from-stdin --rw -a "$out" <<GFS
run
part-init /dev/sda mbr
part-add /dev/sda p 2048 104447
part-add /dev/sda p 104448 -2048
mkfs ext4 /dev/sda1 label:BOOT
luks-format /dev/sda2 0
$passphrase
cryptsetup-open /dev/sda2 cryptroot
$passphrase
mkfs ext4 /dev/mapper/cryptroot
set-uuid /dev/mapper/cryptroot $root_uuid
mount /dev/mapper/cryptroot /
mkdir-p /boot
mount /dev/sda1 /boot
mkdir-p /etc
mkdir-p /bin
mkdir-p /var/lib/dpkg
upload $tmp/status /var/lib/dpkg/status
upload $tmp/fstab /etc/fstab
upload $tmp/os-release /etc/os-release
upload $tmp/hostname /etc/hostname
upload $tmp/debian_version /etc/debian_version
upload /usr/bin/ls /bin/ls
chmod 0755 /bin/ls
write /etc/motd "hello from the encrypted guest"
umount-all
cryptsetup-close /dev/mapper/cryptroot
GFS
echo "made $out"
