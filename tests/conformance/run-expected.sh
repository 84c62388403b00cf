#!/usr/bin/env bash
# Runs libguestfs's own C API test suite (the conformance kit in ../shared/conformance)
# with our daemon in the real appliance, on the tests listed in expected-pass.txt, and
# fails unless every one of them passes.
#
#   tests/conformance/run-expected.sh DAEMON [OUTDIR]
#
# The kit is found at $GUESTFSD_CONFORMANCE_KIT, else ../shared/conformance next to
# the checkout, else /work/shared/conformance. For the whole suite (550 tests, ~35 min):
#   KIT/run-capi.sh build/guestfsd
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
daemon="$(realpath "${1:?usage: run-expected.sh DAEMON [OUTDIR]}")"
out="$(realpath -m "${2:-$here/../../build/conformance}")"

kit="${GUESTFSD_CONFORMANCE_KIT:-}"
for candidate in "$here/../../../shared/conformance" /work/shared/conformance; do
  [[ -n "$kit" ]] && break
  [[ -x "$candidate/run-capi.sh" ]] && kit="$(realpath "$candidate")"
done
[[ -n "$kit" && -x "$kit/run-capi.sh" ]] || {
  echo "conformance: kit not found (set GUESTFSD_CONFORMANCE_KIT)" >&2; exit 1; }

mapfile -t expected < <(grep -v '^\s*#' "$here/expected-pass.txt" | awk 'NF{print $1}')
((${#expected[@]})) || { echo "conformance: expected-pass.txt is empty" >&2; exit 1; }

rm -rf "$out"
# The kit exits 1 when any selected test fails; we judge by the summary instead.
CONFORMANCE_TESTS="${expected[*]}" "$kit/run-capi.sh" "$daemon" "$out" || true
summary="$out/summary.txt"
[[ -f "$summary" ]] || { echo "conformance: no summary written" >&2; exit 1; }
grep '^# RESULT' "$summary" || true

failed=0
for t in "${expected[@]}"; do
  status="$(awk -v t="$t" '$1==t{print $2}' "$summary")"
  if [[ "$status" != PASS ]]; then
    echo "conformance: $t: ${status:-missing} $(grep "^$t " "$summary" | sed 's/^[^#]*#//')"
    failed=$((failed + 1))
  fi
done
echo "conformance: ${#expected[@]} expected to pass, $((${#expected[@]} - failed)) passed, $failed did not"
((failed == 0))
