#!/usr/bin/env bash
# aug_* and hivex_* through guestfish on the phony guests, with the original
# daemon and with ours (APPLIANCE_DIR): outputs (values, orders, error texts)
# must be identical. The images come from tests/e2e/images/.
#
#   tests/e2e/aug_hivex_compare.sh APPLIANCE_DIR
set -uo pipefail
appliance="${1:?usage: aug_hivex_compare.sh APPLIANCE_DIR}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/gfsd-e2e-aughivex-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"
mkdir -p "$work/stock-cache" "$work/ours-cache"
source "$here/../../deploy/original-appliance.sh"

LIBGUESTFS_CACHEDIR="$work/stock-cache" "$here/images/make-linux-guest.sh" "$work/linux.img" > "$work/make.log" 2>&1 \
  || { cat "$work/make.log"; echo "FAIL: could not build the Linux image"; exit 1; }
LIBGUESTFS_CACHEDIR="$work/stock-cache" "$here/images/make-windows-guest.sh" "$work/windows.img" > "$work/make.log" 2>&1 \
  || { cat "$work/make.log"; echo "FAIL: could not build the Windows image"; exit 1; }

# Commands prefixed with '-' may fail: the error text is part of the output.
cat > "$work/aug.fish" <<'FISH'
-aug-get /files/etc/hostname/hostname
aug-init / 0
aug-ls /files/etc/fstab
aug-get /files/etc/hostname/hostname
aug-match /files/etc/fstab/*/file
-aug-get /files/etc/nothing
-aug-get /files/etc/fstab/*/file
-aug-get /augeas
-aug-ls /files/etc/fstab/
-aug-ls /files/etc/fstab/*
-aug-match /files/etc/fstab/[
aug-defvar fs /files/etc/fstab/*
-aug-defvar nothing
aug-defnode newnode /files/etc/hosts/99/ipaddr 10.0.0.9
aug-label /files/etc/fstab/1
-aug-label /files/etc/nothing
aug-set /files/etc/hostname/hostname renamed
aug-get /files/etc/hostname/hostname
aug-insert /files/etc/fstab/1 #comment true
aug-set /files/etc/fstab/#comment "inserted"
aug-match /files/etc/fstab/*
aug-setm /files/etc/fstab/*[file] dump 7
aug-match /files/etc/fstab/*/dump
aug-rm /files/etc/fstab/#comment
-aug-mv /files/etc/nothing /files/etc/x
aug-clear /files/etc/hosts/99/ipaddr
aug-transform Hostname /etc/hostname2
aug-transform Hostname /etc/hostname2 remove:true
-aug-transform NoSuchLens /etc/x
aug-save
aug-load
aug-get /files/etc/hostname/hostname
aug-close
-aug-close
-aug-ls /
-aug-init relative 0
cat /etc/hostname
FISH
cat > "$work/hivex.fish" <<'FISH'
-hivex-root
-hivex-open /nope
hivex-open /Windows/System32/config/SOFTWARE
hivex-root
hivex-node-name 4128
hivex-node-children 4128
hivex-node-get-child 4128 Microsoft
hivex-node-get-child 4128 NoSuchKey
-hivex-node-name 12345678
hivex-close
hivex-open /Windows/System32/config/SYSTEM write:true
hivex-node-values 4128
-hivex-node-parent 4128
hivex-node-add-child 4128 NewKey
hivex-commit /Windows/System32/config/SYSTEM.new
-hivex-commit relative
hivex-close
hivex-open /Windows/System32/config/SYSTEM.new
hivex-node-children 4128
hivex-close
FISH

run() {  # run LABEL stock|ours ARGS...
  local label="$1" which="$2"; shift 2
  if [[ "$which" == stock ]]; then
    (use_original_appliance; LIBGUESTFS_CACHEDIR="$work/stock-cache" guestfish "$@") > "$work/$label.$which" 2>&1
  else
    LIBGUESTFS_PATH="$appliance" LIBGUESTFS_CACHEDIR="$work/ours-cache" guestfish "$@" > "$work/$label.$which" 2>&1
  fi
  echo "exit status $?" >> "$work/$label.$which"
}

failed=0
check() {  # check LABEL ARGS...
  local label="$1"; shift
  run "$label" stock "$@"
  run "$label" ours "$@"
  if diff -u "$work/$label.stock" "$work/$label.ours" > "$work/$label.diff"; then
    echo "same: $label ($(($(wc -l < "$work/$label.ours") - 1)) lines)"
  else
    echo "DIFFERENT: $label (original vs ours):"; cat "$work/$label.diff"; failed=1
  fi
}

cp "$work/linux.img" "$work/linux-rw.img"
check augeas --rw -a "$work/linux-rw.img" -i -f "$work/aug.fish"
cp "$work/windows.img" "$work/windows-rw.img"
check hivex --rw -a "$work/windows-rw.img" -m /dev/sda2 -f "$work/hivex.fish"
# Values: their handles are hive offsets, so list them once (original daemon)
# and then read each one with both daemons.
cv_values() {
  (use_original_appliance; LIBGUESTFS_CACHEDIR="$work/stock-cache" guestfish --ro -a "$work/windows.img" \
    -m /dev/sda2 download /Windows/System32/config/SOFTWARE "$work/SOFTWARE") || return
  perl -MWin::Hivex -e '
    my $h = Win::Hivex->open(shift);
    my $n = $h->root();
    $n = $h->node_get_child($n, $_) for ("Microsoft", "Windows NT", "CurrentVersion");
    print join(" ", $h->node_values($n)), "\n";' "$work/SOFTWARE"
}
{
  echo "hivex-open /Windows/System32/config/SOFTWARE"
  for v in $(cv_values); do
    echo "hivex-value-key $v"
    echo "hivex-value-type $v"
    echo "-hivex-value-string $v"
    echo "-hivex-value-utf8 $v"
    echo "hivex-value-value $v"
  done
  echo "-hivex-value-key 4128"
  echo "hivex-close"
} > "$work/hivex-values.fish"
check hivex-values --ro -a "$work/windows.img" -m /dev/sda2 -f "$work/hivex-values.fish"
cat > "$work/inspect-linux.fish" <<'FISH'
run
-inspect-get-roots
-inspect-get-type /dev/guestvg/root
inspect-os
inspect-get-roots
inspect-get-mountpoints /dev/guestvg/root
inspect-get-filesystems /dev/guestvg/root
inspect-get-format /dev/guestvg/root
inspect-is-live /dev/guestvg/root
inspect-is-netinst /dev/guestvg/root
inspect-is-multipart /dev/guestvg/root
inspect-get-drive-mappings /dev/guestvg/root
-inspect-get-windows-systemroot /dev/guestvg/root
-inspect-get-windows-current-control-set /dev/guestvg/root
-inspect-get-windows-software-hive /dev/guestvg/root
-inspect-get-windows-system-hive /dev/guestvg/root
-inspect-get-type /dev/sda1
-inspect-get-type /dev/sdb1
FISH
cat > "$work/inspect-windows.fish" <<'FISH'
run
inspect-os
inspect-get-type /dev/sda2
inspect-get-distro /dev/sda2
inspect-get-arch /dev/sda2
inspect-get-product-name /dev/sda2
inspect-get-product-variant /dev/sda2
inspect-get-major-version /dev/sda2
inspect-get-minor-version /dev/sda2
inspect-get-hostname /dev/sda2
inspect-get-package-format /dev/sda2
inspect-get-package-management /dev/sda2
inspect-get-mountpoints /dev/sda2
inspect-get-filesystems /dev/sda2
inspect-get-drive-mappings /dev/sda2
inspect-get-windows-systemroot /dev/sda2
inspect-get-windows-software-hive /dev/sda2
inspect-get-windows-system-hive /dev/sda2
inspect-get-windows-current-control-set /dev/sda2
FISH
check inspect-linux --ro -a "$work/linux.img" -f "$work/inspect-linux.fish"
check inspect-windows --ro -a "$work/windows.img" -f "$work/inspect-windows.fish"

((failed == 0)) && echo "PASS: augeas, hivex and inspection answers are the same with both daemons"
exit "$failed"
