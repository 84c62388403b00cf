# Shared by the e2e comparisons (sourced): run a command with the original daemon or
# with ours, and compare the two outputs.
#   $work       scratch directory (set by the caller)
#   $appliance  our appliance directory (set by the caller)
# Commands may be shell functions; inside one, `with_stock CMD...` runs CMD with the
# original daemon whichever side is being run (to describe a result neutrally).

source "$(dirname "${BASH_SOURCE[0]}")/../../deploy/original-appliance.sh"

with_stock() {
  mkdir -p "$work/stock-cache"
  (use_original_appliance; export LIBGUESTFS_CACHEDIR="$work/stock-cache"; "$@")
}

with_ours() {
  mkdir -p "$work/ours-cache"  # its own: another test may run beside this one
  (export LIBGUESTFS_PATH="$appliance" LIBGUESTFS_CACHEDIR="$work/ours-cache"; "$@")
}

# run_tool LABEL stock|ours COMMAND... -> $work/LABEL.stock|ours: output + exit status
run_tool() {
  local label="$1" which="$2"; shift 2
  "with_$which" "$@" > "$work/$label.$which" 2>&1
  local status=$?
  # Output without a final newline (virt-cat of such a file) keeps its own line.
  [[ -s "$work/$label.$which" && -n "$(tail -c1 "$work/$label.$which")" ]] && echo >> "$work/$label.$which"
  echo "exit status $status" >> "$work/$label.$which"
}

# compare_tool LABEL COMMAND...: runs COMMAND with both daemons; the outputs must be
# identical and the command must succeed, else failed=1. If $before_run names a
# function, it is called before each run with "stock" or "ours" (fresh images).
#
# The appliance kernel probes its disks asynchronously: about one boot in four
# names the appliance disk sda and the guest disk sdb. The original daemon then
# leaks "/dev/sdb2" into pvs_full (ours translates it back), so a difference is
# retried on fresh boots of both, and said so.
# GFSD_E2E_ONLY=stock runs only the original's side and prints it (to check a new
# comparison before ours can pass it); the comparison then counts as failed.
compare_tool() {
  local label="$1"; shift
  local attempt which
  if [[ "${GFSD_E2E_ONLY:-}" == stock ]]; then
    [[ -n "${before_run:-}" ]] && "$before_run" stock
    run_tool "$label" stock "$@"
    echo "=== $label (original only)"; cat "$work/$label.stock"; failed=1
    return
  fi
  for attempt in 1 2 3; do
    for which in stock ours; do
      [[ -n "${before_run:-}" ]] && "$before_run" "$which"
      run_tool "$label" "$which" "$@"
    done
    diff -q "$work/$label.stock" "$work/$label.ours" > /dev/null && break
    ((attempt < 3)) && echo "retry: $label differed on attempt $attempt:" &&
      diff "$work/$label.stock" "$work/$label.ours" | sed 's/^/    /'
  done
  if diff -u "$work/$label.stock" "$work/$label.ours" > "$work/$label.diff"; then
    if ! grep -qx 'exit status 0' "$work/$label.ours"; then
      echo "FAIL: $label: the command failed with both daemons:"; cat "$work/$label.ours"; failed=1
    else
      echo "same: $label ($(($(wc -l < "$work/$label.ours") - 1)) lines)"
    fi
  else
    echo "DIFFERENT: $label (original vs ours):"; cat "$work/$label.diff"; failed=1
  fi
}
