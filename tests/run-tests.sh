#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test (unit + integration).
#   sudo tests/run-tests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
CMAKE_ARGS="-DGUESTFSD_WERROR=ON" deploy/build.sh
mkdir -p /sysroot   # integration tests mount a private tmpfs here
ctest --test-dir build --output-on-failure -j2 "$@"
