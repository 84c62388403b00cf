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
mkdir -p "$work/stock-cache"

# run_tool LABEL DAEMON(stock|ours) COMMAND... -> $work/<label>.<daemon>
run_tool() {
  local label="$1" which="$2"; shift 2
  if [[ "$which" == stock ]]; then
    env -u LIBGUESTFS_PATH LIBGUESTFS_CACHEDIR="$work/stock-cache" "$@" > "$work/$label.$which" 2>&1
  else
    LIBGUESTFS_PATH="$appliance" LIBGUESTFS_CACHEDIR="$appliance/cache" "$@" > "$work/$label.$which" 2>&1
  fi
  local status=$?
  # Output without a final newline (virt-cat of such a file) keeps its own line.
  [[ -s "$work/$label.$which" && -n "$(tail -c1 "$work/$label.$which")" ]] && echo >> "$work/$label.$which"
  echo "exit status $status" >> "$work/$label.$which"
}

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
    # The appliance kernel probes its disks asynchronously: about one boot in
    # four names the appliance disk sda and the guest disk sdb. The original
    # daemon then leaks "/dev/sdb2" into pvs_full (ours translates it back), so
    # a difference is retried on fresh boots of both, and said so.
    for attempt in 1 2 3; do
      run_tool "$label" stock "${cmd[@]}"
      run_tool "$label" ours "${cmd[@]}"
      diff -q "$work/$label.stock" "$work/$label.ours" > /dev/null && break
      ((attempt < 3)) && echo "retry: $label differed on attempt $attempt:" &&
        diff "$work/$label.stock" "$work/$label.ours" | sed 's/^/    /'
    done
    if diff -u "$work/$label.stock" "$work/$label.ours" > "$work/$label.diff"; then
      if ! grep -qx 'exit status 0' "$work/$label.ours"; then
        echo "FAIL: $label: the tool failed with both daemons:"; cat "$work/$label.ours"; failed=1
      else
        echo "same: $label ($(($(wc -l < "$work/$label.ours") - 1)) lines)"
      fi
    else
      echo "DIFFERENT: $label (original vs ours):"; cat "$work/$label.diff"; failed=1
    fi
  done
done
((failed == 0)) && echo "PASS: every tool gave the same output with both daemons"
exit "$failed"
