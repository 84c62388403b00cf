#!/usr/bin/env bash
# The actions the original serves from libraries linked into it (issue 16), with the
# original daemon and with ours (APPLIANCE_DIR), on an image this test builds with the
# original: every output must be identical.
#
#   log      virt-log of a Linux guest whose /var/log/journal holds a persistent journal
#   session  guestfish over the same guest: the journal (journal-get goes through
#            internal_journal_get), YARA rules loaded and scanned, The Sleuth Kit's
#            filesystem-walk, find-inode, download-inode and download-blocks, ACLs,
#            file capabilities, inotify, ldmtool on a disk without LDM, the debug
#            uploads; errors included (rules that do not compile, an ACL text that
#            does not parse, calls before their open/init)
#
#   tests/e2e/library_actions_compare.sh APPLIANCE_DIR [CASE...]
set -uo pipefail
appliance="${1:?usage: library_actions_compare.sh APPLIANCE_DIR [CASE...]}"
shift
cases=("$@")
((${#cases[@]})) || cases=(log session)
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/gfsd-e2e-libs-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
source "$here/compare_lib.sh"
failed=0

remote=/lib/systemd/systemd-journal-remote
[[ -x "$remote" ]] || { echo "FAIL: $remote missing (Debian package systemd-journal-remote)"; exit 1; }

# A journal of fixed entries (export format in, journal file out): its reading is the
# same on every run, whatever ids the file itself gets.
make_journal() {
  local t=1700000000000000 i
  for i in 1 2 3 4 5; do
    printf '__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n' $((t + i * 1000000)) $((i * 1000))
    printf '_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=testguest\n'
    printf 'SYSLOG_IDENTIFIER=unit%d\nPRIORITY=%d\nMESSAGE=entry number %d\n' "$i" $((i % 7)) "$i"
    # A longer field, still inside one 8 KiB chunk: the original's journal_get hangs on a
    # field that is not (ours streams it; README, differences).
    ((i == 3)) && printf 'LONG=%s\n' "$(head -c 4000 /dev/zero | tr '\0' 'b')"
    printf '\n'
  done > "$work/journal.export"
  "$remote" -o "$work/system.journal" - < "$work/journal.export" > /dev/null 2>&1
}

guest_image() {  # built once, with the original daemon
  [[ -f "$work/guest.img" ]] && return
  make_journal || { echo "FAIL: could not make the journal"; exit 1; }
  with_stock "$here/images/make-linux-guest.sh" "$work/guest.img" > "$work/make.log" 2>&1 &&
    with_stock guestfish --rw -a "$work/guest.img" -i >> "$work/make.log" 2>&1 <<GFS
write /etc/machine-id "0123456789abcdef0123456789abcdef\n"
mkdir-p /var/log/journal/0123456789abcdef0123456789abcdef
upload $work/system.journal /var/log/journal/0123456789abcdef0123456789abcdef/system.journal
write /home/user/docs/secret.txt "this text contains the word guestfsd-marker"
write /home/user/docs/deleted.txt "soon gone"
rm /home/user/docs/deleted.txt
GFS
  (($? == 0)) || { cat "$work/make.log"; echo "FAIL: could not build the guest"; exit 1; }
  # A second disk that nothing mounts: The Sleuth Kit reads it with both daemons as it
  # was made (a mounted filesystem's times, superblock and journal change from boot to boot).
  truncate -s 64M "$work/data.img"
  with_stock guestfish --rw -a "$work/data.img" >> "$work/make.log" 2>&1 <<GFS
run
mkfs ext4 /dev/sda
mount /dev/sda /
mkdir-p /dir/sub
write /dir/file.txt "tsk reads this"
upload /usr/bin/true /dir/sub/true
ln-s file.txt /dir/link
write /gone.txt "deleted before the walk"
rm /gone.txt
umount-all
GFS
  (($? == 0)) || { cat "$work/make.log"; echo "FAIL: could not build the data disk"; exit 1; }
}

case_log() {
  guest_image
  compare_tool virt-log virt-log -a "$work/guest.img"
}

case_session() {
  guest_image
  cat > "$work/rules.yar" <<'YARA'
rule marker { strings: $a = "guestfsd-marker" condition: $a }
rule elf_file { condition: uint32(0) == 0x464c457f }
YARA
  echo 'rule broken { condition: $undefined }' > "$work/broken.yar"
  printf 'debug upload content\n' > "$work/debug.txt"
  fresh_copy() {
    rm -f "$work/run.img" "$work/run-data.img"
    cp --sparse=always "$work/guest.img" "$work/run.img"
    cp --sparse=always "$work/data.img" "$work/run-data.img"
  }
  session() {
    guestfish --rw -a "$work/run.img" -a "$work/run-data.img" -i <<GFS 2>&1 | sed -E 's/[0-9]+\.[0-9]+ seconds/<n> seconds/'
echo "--- journal"
-journal-next
journal-open /var/log/journal
journal-get-data-threshold
journal-set-data-threshold 1000
journal-next
journal-get
journal-get-realtime-usec
journal-skip 1
journal-get
journal-set-data-threshold 0
journal-next
journal-get
journal-skip 10
journal-next
journal-close
-journal-close
-journal-open /etc
echo "--- yara"
-yara-scan /home/user/docs/secret.txt
-yara-load $work/broken.yar
yara-load $work/rules.yar
yara-scan /home/user/docs/secret.txt
yara-scan /bin/ls
-yara-scan /nonexistent
yara-destroy
-yara-destroy
echo "--- tsk"
filesystem-walk /dev/sdb
find-inode /dev/sdb 12
-find-inode /dev/sdb 99999
-filesystem-walk /dev/sda2
download-inode /dev/sdb 12 $work/inode.out
-download-inode /dev/sdb 99999 $work/inode-missing.out
download-blocks /dev/sdb 0 10 $work/blocks.out
download-blocks /dev/sdb 0 10 $work/blocks-unalloc.out unallocated:true
echo "--- acl"
acl-get-file /home/user/docs access
acl-set-file /home/user/docs access "u::rwx,u:500:r-x,g::r-x,m::r-x,o::---"
acl-get-file /home/user/docs access
acl-set-file /home/user/docs default "u::rwx,g::r-x,o::r-x"
acl-get-file /home/user/docs default
acl-delete-def-file /home/user/docs
acl-get-file /home/user/docs default
-acl-set-file /home/user/docs access "not an acl"
-acl-get-file /home/user/docs neither
-acl-get-file /nonexistent access
echo "--- capabilities"
cap-get-file /bin/ls
cap-set-file /bin/ls "cap_net_raw+ep"
cap-get-file /bin/ls
-cap-set-file /bin/ls "not a capability"
-cap-get-file /nonexistent
echo "--- inotify"
-inotify-read
inotify-init 0
inotify-add-watch /home/user/docs 4095
touch /home/user/docs/new.txt
write /home/user/docs/note.txt "changed"
inotify-files
inotify-close
echo "--- ldmtool"
ldmtool-scan
ldmtool-scan-devices "/dev/sda"
-ldmtool-diskgroup-name nosuchguid
-ldmtool-diskgroup-volumes nosuchguid
-ldmtool-volume-type nosuchguid vol
echo "--- debug uploads"
debug-upload $work/debug.txt /tmp/debug.txt 0640
debug sh "stat -c %a /tmp/debug.txt"
debug sh "cat /tmp/debug.txt"
-debug-upload $work/debug.txt /nonexistent-dir/x 0644
echo "--- after the errors the daemon still serves"
cat /etc/hostname
GFS
    local status="${PIPESTATUS[0]}"
    local f
    for f in inode.out blocks.out blocks-unalloc.out; do
      echo "$f: $(sha256sum < "$work/$f" | cut -d' ' -f1) $(stat -c %s "$work/$f")"
    done
    return "$status"
  }
  before_run=fresh_copy compare_tool guestfish-libraries session
}

for c in "${cases[@]}"; do
  declare -F "case_$c" > /dev/null || { echo "unknown case: $c"; exit 2; }
  "case_$c"
done

((failed == 0)) && echo "PASS: every tool gave the same output with both daemons"
exit "$failed"
