#!/usr/bin/env bash
# The tools that change or decrypt disks, with the original daemon and with ours
# (APPLIANCE_DIR), on images this test builds with the original: every output must be
# identical, and a tool's result image is described with the ORIGINAL daemon, so that
# what ours wrote is judged by the daemon it replaces.
#
#   virt-resize --expand (pread/pwrite_device, copy_device_to_device), virt-sparsify
#   --in-place (fstrim, blkdiscard on the VG's free space), a LUKS guest read with
#   --key by virt-cat and virt-inspector (luks_uuid, cryptsetup_open), an MD RAID1 guest
#   (virt-filesystems, list_md_devices, md_detail, md_stat), and a guestfish session of
#   grep, file-architecture, copy-*, dd, pread/pwrite-device and the offset transfers.
#
#   tests/e2e/write_tools_compare.sh APPLIANCE_DIR [CASE...]
# CASE: resize sparsify luks md session (default: all of them).
set -uo pipefail
appliance="${1:?usage: write_tools_compare.sh APPLIANCE_DIR [CASE...]}"
shift
cases=("$@")
((${#cases[@]})) || cases=(resize sparsify luks md session)
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/gfsd-e2e-write-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
source "$here/compare_lib.sh"
failed=0

build_image() {  # SCRIPT OUT...
  local script="$1"; shift
  with_stock "$here/images/$script" "$@" > "$work/make.log" 2>&1 \
    || { cat "$work/make.log"; echo "FAIL: could not build an image with $script"; exit 1; }
}

linux_image() {  # the plain guest of tools_compare.sh, built once
  [[ -f "$work/linux.img" ]] || build_image make-linux-guest.sh "$work/linux.img"
}

# --- virt-resize --expand, the result described by the original daemon
case_resize() {
  linux_image
  fresh_resize_target() { rm -f "$work/resized.img"; truncate -s 400M "$work/resized.img"; }
  resize_and_describe() {
    virt-resize --quiet --expand /dev/sda2 --LV-expand /dev/guestvg/home \
      "$work/linux.img" "$work/resized.img" || return
    with_stock guestfish --ro -a "$work/resized.img" -i \
      part-list /dev/sda : lvs : blockdev-getsize64 /dev/guestvg/home : \
      cat /home/user/docs/note.txt : checksum sha256 /bin/ls : statvfs /home
  }
  before_run=fresh_resize_target compare_tool virt-resize resize_and_describe
}

# --- virt-sparsify --in-place: a deleted 40 MiB file is given back to the host, and
# the VG's free extents are discarded through a temporary LV that must be gone after.
case_sparsify() {
  linux_image
  with_stock guestfish --rw -a "$work/linux.img" -i \
    fill 0x55 41943040 /junk : sync : rm /junk > "$work/junk.log" 2>&1 \
    || { cat "$work/junk.log"; echo "FAIL: could not write the junk file"; exit 1; }
  fresh_sparsify_copy() { cp --sparse=never "$work/linux.img" "$work/sparsify.img"; }
  sparsify_and_describe() {
    local before after
    before=$(du -k "$work/sparsify.img" | cut -f1)
    virt-sparsify --quiet --in-place "$work/sparsify.img" || return
    after=$(du -k "$work/sparsify.img" | cut -f1)
    echo "host allocation shrank by 40 MiB or more: $(( before - after >= 40960 ? 1 : 0 ))"
    with_stock guestfish --ro -a "$work/sparsify.img" -i lvs : cat /home/user/docs/note.txt
  }
  before_run=fresh_sparsify_copy compare_tool virt-sparsify sparsify_and_describe
}

# --- a LUKS-encrypted guest, opened with --key
case_luks() {
  build_image make-luks-guest.sh "$work/luks.img"
  key="/dev/sda2:key:$("$here/images/make-luks-guest.sh" --passphrase)"
  compare_tool luks.virt-cat virt-cat --key "$key" -a "$work/luks.img" /etc/motd
  compare_tool luks.virt-inspector virt-inspector --key "$key" -a "$work/luks.img"
}

# --- an MD RAID1 guest on two disks. The kernel assembles the mirror from its halves
# in the order it probes the disks, which changes from boot to boot with either
# daemon (/proc/mdstat says "sdb1[1] sda1[0]" or "sda1[0] sdb1[1]"), so member lists
# are put in order before they are compared.
md_filesystems() {
  virt-filesystems --all --long -a "$work/md1.img" -a "$work/md2.img" |
    perl -pe 's{(\S+,\S+)$}{join ",", sort split /,/, $1}e'
  return "${PIPESTATUS[0]}"
}
md_guestfish() {
  guestfish --ro -a "$work/md1.img" -a "$work/md2.img" \
    run : list-md-devices : md-detail /dev/md0 : mount-ro /dev/md0 / : cat /data/note.txt
  # md-stat's records, one line each, without their list positions, in order
  guestfish --ro -a "$work/md1.img" -a "$work/md2.img" run : md-stat /dev/md0 |
    paste -sd' ' | sed 's/} /}\n/g' | sed 's/^\[[0-9]*\] = //' | sort
  return "${PIPESTATUS[0]}"
}
case_md() {
  build_image make-md-guest.sh "$work/md1.img" "$work/md2.img"
  compare_tool md.virt-filesystems md_filesystems
  compare_tool md.guestfish md_guestfish
}

# --- guestfish: grep, file-architecture, copies, device and offset I/O, and errors
case_session() {
  printf 'alpha\nbeta\nBeta\ngamma\n' > "$work/t.txt"
  gzip -n -c "$work/t.txt" > "$work/t.txt.gz"
  printf 'XY' > "$work/xy.txt"
  cat > "$work/session.gfs" <<GFS
run
part-disk /dev/sda mbr
mkfs ext4 /dev/sda1
mount /dev/sda1 /
echo "--- grep"
upload $work/t.txt /t.txt
upload $work/t.txt.gz /t.txt.gz
grep beta /t.txt
grep B /t.txt insensitive:true
grep 'a(l|m)' /t.txt extended:true
grep a.p /t.txt fixed:true
egrep 'ta$' /t.txt
fgrepi BETA /t.txt
zgrep gamma /t.txt.gz
grep gamma /t.txt.gz compressed:true
-grep x /missing
-grep x /
echo "--- file-architecture"
upload /usr/bin/ls /ls
file-architecture /ls
echo "--- whole devices"
is-whole-device /dev/sda
is-whole-device /dev/sda1
echo "--- copies"
copy-file-to-file /ls /ls.copy
checksum sha256 /ls.copy
copy-file-to-file /ls /ls.part srcoffset:1000 size:5000
checksum sha256 /ls.part
copy-file-to-file /ls.copy /ls.part append:true
filesize /ls.part
copy-size /ls /ls.size 777
filesize /ls.size
dd /ls /ls.dd
checksum sha256 /ls.dd
fallocate64 /zeros 1048576
pwrite /zeros "end" 1048576
copy-file-to-file /zeros /zeros.sparse sparse:true
filesize /zeros.sparse
du /zeros.sparse
echo "--- device I/O in the gap before the first partition"
pwrite-device /dev/sda "hello device" 4096
pread-device /dev/sda 12 4096
copy-device-to-device /dev/sda /dev/sda srcoffset:4096 destoffset:8192 size:12
pread-device /dev/sda 12 8192
copy-device-to-file /dev/sda /gap.bin srcoffset:4096 size:12
cat /gap.bin
copy-file-to-device /gap.bin /dev/sda destoffset:12288
pread-device /dev/sda 12 12288
echo "--- offset transfers"
upload-offset $work/xy.txt /t.txt 2
cat /t.txt
download-offset /ls $work/dl.bin 100 5000
echo "--- errors (expected)"
-pread-device /dev/sda 10 999999999999
-pwrite-device /dev/sda "x" -1
-copy-size /ls /ls.size2 999999999
-copy-file-to-file /missing /x
-download-offset /ls $work/dl2.bin -1 10
umount-all
GFS
  fresh_session_disk() { rm -f "$work/session.img" "$work/dl.bin"; truncate -s 64M "$work/session.img"; }
  session() {
    guestfish --rw -a "$work/session.img" -f "$work/session.gfs" 2>&1
    echo "download-offset: $(tail -c +101 /usr/bin/ls | head -c 5000 | cmp - "$work/dl.bin" && echo same bytes)"
  }
  before_run=fresh_session_disk compare_tool guestfish-block session
}

for c in "${cases[@]}"; do
  declare -F "case_$c" > /dev/null || { echo "unknown case: $c"; exit 2; }
  "case_$c"
done

((failed == 0)) && echo "PASS: every tool gave the same output with both daemons"
exit "$failed"
