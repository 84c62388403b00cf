#!/usr/bin/env bash
# The guestfish session of deploy/guestfish-session.sh, run against the original daemon
# and against ours (APPLIANCE_DIR): the two transcripts must be identical.
set -euo pipefail
appliance="${1:?usage: guestfish_session.sh APPLIANCE_DIR}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/gfsd-e2e-gfish-XXXXXX)"
trap 'rm -rf "$work"' EXIT

"$root/deploy/guestfish-session.sh" stock "$work/stock" > "$work/stock.txt"
"$root/deploy/guestfish-session.sh" "$appliance" "$work/ours" > "$work/ours.txt"
cat "$work/ours.txt"
if ! diff -u "$work/stock.txt" "$work/ours.txt"; then
  echo "FAIL: guestfish transcripts differ (original vs ours)"; exit 1
fi
# Sanity: the session really did its work (a broken run on both sides must not pass).
grep -qx 'hello from guestfsd' "$work/ours.txt" || { echo "FAIL: read-back missing"; exit 1; }
[[ "$(grep -c '^[0-9a-f]\{64\}  -$' "$work/ours.txt")" == 2 ]] || { echo "FAIL: checksums missing"; exit 1; }
sum="$(sha256sum < "$work/ours/upload.bin" | cut -d' ' -f1)"
[[ "$(grep -c "^$sum" "$work/ours.txt")" == 3 ]] || { echo "FAIL: daemon checksum or download differs"; exit 1; }
echo "PASS: identical transcripts"
