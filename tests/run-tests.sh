#!/usr/bin/env bash
# Installs what is needed, builds, and runs the tests: unit, integration, fuzz corpus
# replay, end-to-end (real library + appliance) and the conformance list.
#   sudo tests/run-tests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
CMAKE_ARGS="-DGUESTFSD_WERROR=ON" deploy/build.sh
mkdir -p /sysroot   # integration tests mount a private tmpfs here
# Everything but the tests labelled "manual" (run those with: ctest --test-dir build -L manual).
ctest --test-dir build --output-on-failure -j2 -LE manual "$@"
