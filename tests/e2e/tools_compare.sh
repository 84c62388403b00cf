#!/usr/bin/env bash
# The virt-* tools and guestfish -i on a guest image this test builds, with the
# original daemon and with ours (APPLIANCE_DIR): every output must be identical.
#
#   tests/e2e/tools_compare.sh APPLIANCE_DIR [IMAGE_SCRIPT...]
# IMAGE_SCRIPT defaults to tests/e2e/images/make-linux-guest.sh.
set -uo pipefail
appliance="${1:?usage: tools_compare.sh APPLIANCE_DIR [IMAGE_SCRIPT...]}"
shift
here="$(cd "$(dirname "$0")" && pwd)"
scripts=("$@")
((${#scripts[@]})) || scripts=("$here/images/make-linux-guest.sh")
work="$(mktemp -d /tmp/gfsd-e2e-tools-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS:-force_tcg}"

source "$here/compare_lib.sh"
mkdir -p "$work/stock-cache"

failed=0
for script in "${scripts[@]}"; do
  img="$work/$(basename "$script" .sh).img"
  LIBGUESTFS_CACHEDIR="$work/stock-cache" "$script" "$img" > "$work/make.log" 2>&1 \
    || { cat "$work/make.log"; echo "FAIL: could not build the image with $script"; exit 1; }
  name="$(basename "$img" .img)"
  # A text file and a directory the image has. The Windows paths are spelled in
  # the wrong case on purpose: the tools resolve them (case_sensitive_path).
  if [[ "$name" == *windows* ]]; then
    cat_file=/users/ADMINISTRATOR/documents/Note.txt fish_root=/dev/sda2
    fish_dir=win:/windows/SYSTEM32   # guestfish's win: prefix: case_sensitive_path too
  else
    cat_file=/etc/fstab fish_root=/dev/guestvg/root fish_dir=/home/user/docs
  fi
  tools=(
    "virt-inspector|virt-inspector -a $img"
    "virt-ls|virt-ls -lR -a $img /"
    "virt-cat|virt-cat -a $img $cat_file"
    "virt-df|virt-df -a $img"
    "virt-filesystems|virt-filesystems -a $img --all --long"
    "guestfish-i|guestfish --ro -a $img -i mountpoints : inspect-get-mountpoints $fish_root : ls $fish_dir"
  )
  for entry in "${tools[@]}"; do
    label="$name.${entry%%|*}"
    read -r -a cmd <<< "${entry#*|}"
    compare_tool "$label" "${cmd[@]}"
  done
done
((failed == 0)) && echo "PASS: every tool gave the same output with both daemons"
exit "$failed"
