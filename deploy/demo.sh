#!/usr/bin/env bash
# The main command: installs what is needed, builds the daemon (and its man page, not
# the test suites: tests/run-tests.sh builds those), puts it into a libguestfs appliance
# (build/appliance), and runs a short guestfish session with it against a small disk
# image it creates, printing the results.
#
#   sudo deploy/demo.sh
#
# Under qemu TCG (no KVM) the appliance boots in about 20-40 seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

steps=4 step=0
run_step() {  # run_step NAME COMMAND...: one line before, one with the time after
  local name="$1" start=$SECONDS; shift
  step=$((step + 1))
  echo "== step $step/$steps: $name"
  if "$@"; then
    echo "== step $step/$steps: $name: done in $((SECONDS - start)) s"
  else
    local status=$?
    echo "== step $step/$steps: $name: FAILED (exit $status) after $((SECONDS - start)) s"
    exit "$status"
  fi
}

run_step "install the Debian packages it needs" deploy/install-deps.sh
run_step "build the daemon and its man page (build/guestfsd)" deploy/build.sh guestfsd man
run_step "make the appliance with our daemon (build/appliance)" \
  deploy/make-appliance.sh build/guestfsd build/appliance
run_step "guestfish session in the appliance (TCG boot: ~20-40 s)" \
  deploy/guestfish-session.sh build/appliance build/demo
echo "== all $steps steps done in $SECONDS s"
