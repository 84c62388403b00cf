#!/usr/bin/env bash
# btrfs guests and the archive commands, with the original daemon and with ours
# (APPLIANCE_DIR), on images this test builds with the original: every output must be
# identical, and a tool's result image is described with the ORIGINAL daemon.
#
#   guest    a Debian guest on btrfs subvolumes (images/make-btrfs-guest.sh):
#            virt-inspector, virt-filesystems --all --long, virt-ls -lR of /home
#   resize   virt-resize --expand of the btrfs partition (btrfs_filesystem_resize)
#   makefs   virt-make-fs -t btrfs of a directory tree
#   session  guestfish over the btrfs commands (subvolumes, snapshots, devices,
#            balance, scrub, quotas, tuning, fsck) and the archive commands
#            (compress-out, compress-device-out, cpio-out, mksquashfs), errors included
#
#   tests/e2e/btrfs_tools_compare.sh APPLIANCE_DIR [CASE...]
set -uo pipefail
appliance="${1:?usage: btrfs_tools_compare.sh APPLIANCE_DIR [CASE...]}"
shift
cases=("$@")
((${#cases[@]})) || cases=(guest resize makefs session)
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/gfsd-e2e-btrfs-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
source "$here/compare_lib.sh"
failed=0

guest_image() {  # built once, with the original daemon
  [[ -f "$work/btrfs.img" ]] && return
  with_stock "$here/images/make-btrfs-guest.sh" "$work/btrfs.img" > "$work/make.log" 2>&1 \
    || { cat "$work/make.log"; echo "FAIL: could not build the btrfs guest"; exit 1; }
}

# UUIDs, creation times and generation numbers differ from one mkfs to the next.
neutral() {
  sed -E -e 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<uuid>/g' \
         -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}( [+-][0-9]{4})?/<time>/g'
}

case_guest() {
  guest_image
  compare_tool btrfs.virt-inspector virt-inspector -a "$work/btrfs.img"
  compare_tool btrfs.virt-filesystems virt-filesystems -a "$work/btrfs.img" --all --long
  compare_tool btrfs.virt-ls virt-ls -lR -a "$work/btrfs.img" /home
}

case_resize() {
  guest_image
  fresh_target() { rm -f "$work/resized.img"; truncate -s 600M "$work/resized.img"; }
  resize_and_describe() {
    virt-resize --quiet --expand /dev/sda2 "$work/btrfs.img" "$work/resized.img" || return
    with_stock guestfish --ro -a "$work/resized.img" -i \
      part-list /dev/sda : cat /home/user/docs/note.txt : btrfs-subvolume-list / |
      neutral
    # The filesystem fills the grown partition: its size as statvfs reports it.
    with_stock guestfish --ro -a "$work/resized.img" -i statvfs / | grep -E '^(bsize|blocks):'
    return "${PIPESTATUS[0]}"
  }
  before_run=fresh_target compare_tool virt-resize.btrfs resize_and_describe
}

case_makefs() {
  mkdir -p "$work/tree/etc" "$work/tree/data/deep"
  echo "made by virt-make-fs" > "$work/tree/etc/motd"
  head -c 300000 /usr/bin/ls > "$work/tree/data/deep/blob"
  fresh_out() { rm -f "$work/made.img"; }
  make_and_describe() {
    virt-make-fs --type=btrfs --size=+100M "$work/tree" "$work/made.img" || return
    with_stock guestfish --ro -a "$work/made.img" run : vfs-type /dev/sda : \
      mount /dev/sda / : cat /etc/motd : checksum sha256 /data/deep/blob : ls /data
  }
  before_run=fresh_out compare_tool virt-make-fs.btrfs make_and_describe
}

case_session() {
  printf 'one\ntwo\n' > "$work/a.txt"
  cat > "$work/session.gfs" <<GFS
run
echo "--- mkfs-btrfs and subvolumes"
mkfs-btrfs /dev/sda label:sess nodesize:16384 sectorsize:4096
vfs-type /dev/sda
vfs-label /dev/sda
mount /dev/sda /
btrfs-subvolume-create /vol1
btrfs-subvolume-create /vol2 qgroupid:0/300
upload $work/a.txt /vol1/a.txt
btrfs-subvolume-snapshot /vol1 /snap1
btrfs-subvolume-snapshot /vol1 /snap-ro ro:true
btrfs-subvolume-list /
-btrfs-subvolume-create /snap-ro/inner
-btrfs-subvolume-snapshot /missing /snap2
btrfs-subvolume-delete /snap1
-btrfs-subvolume-delete /snap1
btrfs-subvolume-list /
btrfs-subvolume-set-default 256 /
btrfs-subvolume-get-default /
btrfs-subvolume-set-default 5 /
-btrfs-subvolume-set-default 9999 /
btrfs-subvolume-show /vol1
-btrfs-subvolume-show /vol1/a.txt
echo "--- filesystem"
btrfs-filesystem-sync /
btrfs-filesystem-defragment / flush:true compress:zlib
btrfs-filesystem-balance /
btrfs-balance-status /
-btrfs-balance-pause /
-btrfs-balance-cancel /
-btrfs-balance-resume /
btrfs-scrub-start /
btrfs-scrub-status /
-btrfs-scrub-cancel /
-btrfs-scrub-resume /
-btrfs-filesystem-resize / size:200M
-btrfs-filesystem-resize / size:900M
btrfs-filesystem-resize /
echo "--- devices"
btrfs-device-add /dev/sdb /
btrfs-filesystem-show /dev/sda
btrfs-device-delete /dev/sdb /
-btrfs-device-delete /dev/sda /
btrfs-filesystem-show /dev/sda
btrfs-replace /dev/sda /dev/sdb /
btrfs-filesystem-show /dev/sdb
echo "--- quotas"
btrfs-quota-enable /dev/sdb true
btrfs-quota-rescan /
-btrfs-qgroup-create 0/1000 /
-btrfs-qgroup-show /
-btrfs-qgroup-limit /vol1 1073741824
-btrfs-qgroup-assign 0/257 1/1000 /
-btrfs-qgroup-remove 0/257 1/1000 /
-btrfs-qgroup-destroy 0/1000 /
btrfs-quota-enable /dev/sdb false
echo "--- archives"
compress-out gzip /vol1/a.txt $work/SIDE-a.gz
compress-out xz /vol1/a.txt $work/SIDE-a.xz level:6
-compress-out nosuch /vol1/a.txt $work/SIDE-bad
-compress-out gzip /missing $work/SIDE-bad
cpio-out /vol1 $work/SIDE-vol1.cpio
cpio-out /vol1 $work/SIDE-vol1.crc format:crc
-cpio-out /vol1 $work/SIDE-bad format:nosuch
mksquashfs /vol1 $work/SIDE-vol1.sqfs compress:gzip
-mksquashfs /missing $work/SIDE-bad
umount-all
compress-device-out gzip /dev/sdc $work/SIDE-sdc.gz
echo "--- offline tools"
btrfs-fsck /dev/sdb
btrfs-rescue-super-recover /dev/sdb
btrfs-set-seeding /dev/sdb true
btrfs-set-seeding /dev/sdb false
btrfstune-enable-extended-inode-refs /dev/sdb
btrfstune-enable-skinny-metadata-extent-refs /dev/sdb
-btrfs-fsck /dev/sdc
-mkfs-btrfs /dev/sdc nodesize:3
GFS
  fresh_disks() {
    rm -f "$work/$side-"* "$work"/disk*.img
    truncate -s 300M "$work/disk1.img"; truncate -s 300M "$work/disk2.img"
    cp /usr/bin/ls "$work/disk3.img"; truncate -s 1M "$work/disk3.img"  # not btrfs
  }
  # Each side writes its own archive files (SIDE- becomes stock- or ours-), so that
  # one side cannot pass by reading what the other wrote.
  pick_side() { side="$1"; fresh_disks; }
  session() {
    # One script name for both sides: guestfish puts it in its error messages.
    sed "s/SIDE-/$side-/g" "$work/session.gfs" > "$work/session.run.gfs"
    guestfish --rw -a "$work/disk1.img" -a "$work/disk2.img" -a "$work/disk3.img" \
      -f "$work/session.run.gfs" 2>&1 | sed "s|$work/||" | neutral
    local status=${PIPESTATUS[0]}
    # What the archives hold, whatever the times and inode numbers in them.
    echo "a.gz: $(zcat "$work/$side-a.gz" | md5sum)"
    echo "a.xz: $(xzcat "$work/$side-a.xz" | md5sum)"
    echo "cpio: $(cpio -it --quiet < "$work/$side-vol1.cpio" | sort | paste -sd' ')"
    echo "crc: $(cpio -it --quiet < "$work/$side-vol1.crc" | sort | paste -sd' ')"
    echo "squashfs: $(unsquashfs -lc "$work/$side-vol1.sqfs" | sort | paste -sd' ')"
    echo "sdc.gz: $(zcat "$work/$side-sdc.gz" | cmp - "$work/disk3.img" && echo same bytes)"
    return "$status"
  }
  before_run=pick_side compare_tool guestfish-btrfs session
}

for c in "${cases[@]}"; do
  declare -F "case_$c" > /dev/null || { echo "unknown case: $c"; exit 2; }
  "case_$c"
done

((failed == 0)) && echo "PASS: every tool gave the same output with both daemons"
exit "$failed"
