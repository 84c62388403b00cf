#!/usr/bin/env bash
# Runs libguestfs's own C API test suite (the conformance kit in ../shared/conformance)
# with our daemon in the real appliance, on the tests listed in expected-pass.txt and
# expected-skip.txt, and fails unless every test of the first passes and every test of
# the second skips because its feature group is reported unavailable.
#
#   tests/conformance/run-expected.sh DAEMON [OUTDIR]
#
# The suite runs its tests in one TCG appliance, which keeps one core busy, so
# the list is split in CONFORMANCE_JOBS parts (default 2: the CI machine's
# cores) run side by side, after a run of the first family alone that sets the
# kit and the appliance up for them. A family (test_utimens_0, _1, ...) stays in
# one part, in order: some tests use what an earlier one of theirs left on the
# shared scratch filesystem (test_utimens_3 links to utimens_2's file).
# The kit is found at $GUESTFSD_CONFORMANCE_KIT, else ../shared/conformance next to
# the checkout, else /work/shared/conformance. For the whole suite (550 tests, ~40 min):
#   KIT/run-capi.sh build/guestfsd
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
daemon="$(realpath "${1:?usage: run-expected.sh DAEMON [OUTDIR]}")"
out="$(realpath -m "${2:-$here/../../build/conformance}")"
jobs="${CONFORMANCE_JOBS:-2}"
[[ "$jobs" =~ ^[1-9]$ ]] || { echo "conformance: CONFORMANCE_JOBS must be 1-9" >&2; exit 1; }

kit="${GUESTFSD_CONFORMANCE_KIT:-}"
for candidate in "$here/../../../shared/conformance" /work/shared/conformance; do
  [[ -n "$kit" ]] && break
  [[ -x "$candidate/run-capi.sh" ]] && kit="$(realpath "$candidate")"
done
[[ -n "$kit" && -x "$kit/run-capi.sh" ]] || {
  echo "conformance: kit not found (set GUESTFSD_CONFORMANCE_KIT)" >&2; exit 1; }

mapfile -t expected < <(grep -v '^\s*#' "$here/expected-pass.txt" | awk 'NF{print $1}')
((${#expected[@]})) || { echo "conformance: expected-pass.txt is empty" >&2; exit 1; }
# test -> the group it waits for
declare -A skip_group
nskip=0  # ${#skip_group[@]} of an empty array is an unbound variable under set -u
while read -r t g; do
  [[ -n "$t" && "$t" != \#* ]] || continue
  [[ -n "$g" ]] || { echo "conformance: expected-skip.txt: $t names no group" >&2; exit 1; }
  skip_group[$t]="$g"
  nskip=$((nskip + 1))
done < "$here/expected-skip.txt"
selected=("${expected[@]}" "${!skip_group[@]}")

rm -rf "$out"
mkdir -p "$out"
start=$(date +%s)
# The kit exits 1 when any selected test fails; we judge by the summaries instead.
# Families in list order; family k goes to part 1 + k % jobs, family 0 to part 0.
declare -A family_of part_of
families=()
for t in "${selected[@]}"; do
  f="${t%_[0-9]*}"
  [[ -n "${part_of[$f]+x}" ]] || { part_of[$f]=$(( ${#families[@]} == 0 ? 0 : 1 + ${#families[@]} % jobs )); families+=("$f"); }
  family_of[$t]="$f"
done
tests_of_part() {  # $1 = part number -> the tests of that part, in list order
  local t
  for t in "${selected[@]}"; do ((part_of[${family_of[$t]}] == $1)) && echo "$t"; done
  return 0
}
# Part 0: the first family alone (kit setup, appliance built into its cache);
# parts 1..jobs then only reuse that appliance.
mapfile -t part < <(tests_of_part 0)
CONFORMANCE_TESTS="${part[*]}" "$kit/run-capi.sh" "$daemon" "$out/part0" > "$out/part0.log" 2>&1 || true
pids=()
for ((p = 1; p <= jobs; p++)); do
  mapfile -t part < <(tests_of_part "$p")
  ((${#part[@]})) || continue
  CONFORMANCE_SKIP_SETUP=1 CONFORMANCE_TESTS="${part[*]}" \
    "$kit/run-capi.sh" "$daemon" "$out/part$p" > "$out/part$p.log" 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done

summaries=("$out"/part*/summary.txt)
for s in "${summaries[@]}"; do
  [[ -f "$s" ]] || { echo "conformance: no summary in $(dirname "$s")" >&2; exit 1; }
  echo "$(basename "$(dirname "$s")"): $(grep '^# RESULT' "$s" || echo '# RESULT missing')"
done
# Every part's summary lists all 550 tests, those of other parts as SKIP because
# of the kit's environment variable: keep the lines of the tests each part ran.
cat "${summaries[@]}" | grep -v '^#' | grep -v ' SKIP .*environment variable set' > "$out/summary.txt"

failed=0
for t in "${expected[@]}"; do
  line="$(awk -v t="$t" '$1==t{print; exit}' "$out/summary.txt")"
  status="$(awk '{print $2}' <<< "$line")"
  if [[ "$status" != PASS ]]; then
    echo "conformance: $t: ${status:-missing (or skipped)} ${line#*#}"
    failed=$((failed + 1))
  fi
done
not_skipped=0
for t in "${!skip_group[@]}"; do
  line="$(awk -v t="$t" '$1==t{print; exit}' "$out/summary.txt")"
  status="$(awk '{print $2}' <<< "$line")"
  if [[ "$status" != SKIP || "$line" != *"group ${skip_group[$t]} not available in daemon"* ]]; then
    echo "conformance: $t: ${status:-missing}, expected a skip (group ${skip_group[$t]} unavailable) ${line#*#}"
    not_skipped=$((not_skipped + 1))
  fi
done
echo "conformance: ${#expected[@]} expected to pass, $((${#expected[@]} - failed)) passed," \
     "$failed did not; $nskip expected to skip, $((nskip - not_skipped))" \
     "skipped ($jobs parts, $(($(date +%s) - start)) s)"
((failed == 0 && not_skipped == 0))
