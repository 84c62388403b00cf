#!/usr/bin/env bash
# Builds a phony Windows Server 2019 guest disk for the tool comparisons:
#   partition 1 = "System Reserved" (NTFS), partition 2 = C: (NTFS) holding
#   \Windows\System32\{cmd.exe, config\SOFTWARE, config\SYSTEM}.
# The registry hives are made from scratch (windows_files.py) and filled with
# hivexregedit: product name, version, installation type, current control set,
# host name and the MountedDevices drive letters. With "mbr" (the default) the
# disk gets a fixed disk signature and the letters are MBR (signature, offset)
# blobs; with "gpt" they are "DMIO:ID:" + partition GUID blobs.
# Built with the ORIGINAL daemon, so the image does not depend on the code under test.
#
#   tests/e2e/images/make-windows-guest.sh OUT.img [mbr|gpt]
# Needs: guestfish, hivexregedit (libwin-hivex-perl), python3; the appliance
# needs ntfs-3g (mkntfs).
set -euo pipefail
out="${1:?usage: make-windows-guest.sh OUT.img [mbr|gpt]}"
label="${2:-mbr}"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

source "$(dirname "$0")/../../../deploy/original-appliance.sh"
use_original_appliance
export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
export LIBGUESTFS_CACHEDIR="${LIBGUESTFS_CACHEDIR:-$tmp}"

# Partition 1: sectors 2048..104447, partition 2: from 104448 (byte 0x3300000).
disk_sig_hex='de,ad,be,ef'
c_guid=A0B1C2D3-E4F5-4607-8899-AABBCCDDEEFF
if [[ "$label" == gpt ]]; then
  # "DMIO:ID:" then the GUID with its first three fields little endian.
  c_blob='44,4d,49,4f,3a,49,44,3a,d3,c2,b1,a0,f5,e4,07,46,88,99,aa,bb,cc,dd,ee,ff'
  e_blob='44,4d,49,4f,3a,49,44,3a,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,01'
  disk_setup="part-set-gpt-guid /dev/sda 2 $c_guid"
else
  c_blob="$disk_sig_hex,00,00,30,03,00,00,00,00"
  e_blob="$disk_sig_hex,00,00,10,00,00,00,00,00"
  disk_setup='pwrite-device /dev/sda "\xde\xad\xbe\xef" 440'
fi

python3 "$here/windows_files.py" hive "$tmp/SOFTWARE"
python3 "$here/windows_files.py" hive "$tmp/SYSTEM"
python3 "$here/windows_files.py" pe32plus "$tmp/cmd.exe"

cat > "$tmp/software.reg" <<'REG'
Windows Registry Editor Version 5.00

[\Microsoft]

[\Microsoft\Windows NT]

[\Microsoft\Windows NT\CurrentVersion]
"ProductName"="Windows Server 2019 Standard"
"CurrentVersion"="6.3"
"CurrentMajorVersionNumber"=dword:0000000a
"CurrentMinorVersionNumber"=dword:00000000
"CurrentBuildNumber"="17763"
"InstallationType"="Server"
"EditionID"="ServerStandard"

[\Microsoft\Windows]

[\Microsoft\Windows\CurrentVersion]

[\Microsoft\Windows\CurrentVersion\Uninstall]

[\Microsoft\Windows\CurrentVersion\Uninstall\Notepad++]
"DisplayName"="Notepad++ (64-bit x64)"
"DisplayVersion"="8.6"
"Publisher"="Notepad++ Team"
REG
cat > "$tmp/system.reg" <<REG
Windows Registry Editor Version 5.00

[\Select]
"Current"=dword:00000001
"Default"=dword:00000001

[\ControlSet001]

[\ControlSet001\Services]

[\ControlSet001\Services\Tcpip]

[\ControlSet001\Services\Tcpip\Parameters]
"Hostname"="WIN-E2E-GUEST"
"Domain"=""

[\MountedDevices]
"\\\\DosDevices\\\\C:"=hex:$c_blob
"\\\\DosDevices\\\\E:"=hex:$e_blob
"\\\\??\\\\Volume{0d2e6a4c-0000-0000-0000-100000000000}"=hex:$c_blob
REG
hivexregedit --merge "$tmp/SOFTWARE" "$tmp/software.reg"
hivexregedit --merge "$tmp/SYSTEM" "$tmp/system.reg"

rm -f "$out"
truncate -s 200M "$out"
guestfish --rw -a "$out" <<GFS
run
part-init /dev/sda $label
part-add /dev/sda p 2048 104447
part-add /dev/sda p 104448 -2048
$disk_setup
mkfs ntfs /dev/sda1 label:System_Reserved
mkfs ntfs /dev/sda2
mount /dev/sda1 /
mkdir-p /Boot
write /bootmgr "phony boot manager"
umount-all
mount /dev/sda2 /
mkdir-p /Windows/System32/config
mkdir-p "/Program Files/Notepad++"
mkdir-p /Users/Administrator/Documents
upload $tmp/SOFTWARE /Windows/System32/config/SOFTWARE
upload $tmp/SYSTEM /Windows/System32/config/SYSTEM
upload $tmp/cmd.exe /Windows/System32/cmd.exe
write /Users/Administrator/Documents/note.txt "a note"
umount-all
GFS
echo "made $out"
