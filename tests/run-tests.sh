#!/usr/bin/env bash
# Installs what is needed, builds, and runs the tests: unit, integration, fuzz corpus
# replay, end-to-end (real library + appliance) and the conformance list.
#   sudo tests/run-tests.sh
# A test that would skip for a missing prerequisite (root, the original daemon, loop
# devices...) fails instead (GUESTFSD_NO_SKIP=1, read by tests/integration/fixture.hpp):
# CTest counts a skip as a pass. Run with GUESTFSD_NO_SKIP=0 to allow the skips.
set -euo pipefail
cd "$(dirname "$0")/.."
export GUESTFSD_NO_SKIP="${GUESTFSD_NO_SKIP:-1}"
deploy/install-deps.sh
# The shipped optimisation without debug information: a quarter less compile time
# and much lighter links, which CI's budget needs (the tests run ~25 min of appliances).
GUESTFSD_DEBUG_INFO=0 CMAKE_ARGS="-DGUESTFSD_WERROR=ON" deploy/build.sh
mkdir -p /sysroot   # integration tests mount a private tmpfs here

# A suite that was not built (libguestfs-dev or gRPC not found) is a skip too.
if [[ "$GUESTFSD_NO_SKIP" == 1 ]]; then
  for label in unit integration grpc fuzz e2e conformance; do
    n="$(ctest --test-dir build -N -L "^$label\$" | sed -n 's/^Total Tests: //p')"
    if [[ "${n:-0}" == 0 ]]; then
      echo "run-tests: no tests labelled '$label' were built (GUESTFSD_NO_SKIP=1)" >&2
      exit 1
    fi
  done
fi

# Everything but the tests labelled "manual" (run those with: ctest --test-dir build -L manual).
ctest --test-dir build --output-on-failure -j2 -LE manual "$@"
