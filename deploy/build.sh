#!/usr/bin/env bash
# Configures and builds into build/ (the daemon ends up at build/guestfsd).
#   deploy/build.sh [TARGET...]   (default: everything, the test suites included)
#   BUILD_TYPE (default RelWithDebInfo), CMAKE_ARGS (more -D options, split on spaces),
#   GUESTFSD_DEBUG_INFO=0: RelWithDebInfo's -O2 without the debug information, as the
#   test build uses it (a quarter less compile time, much lighter links).
set -euo pipefail
cd "$(dirname "$0")/.."
debug=-g
[[ "${GUESTFSD_DEBUG_INFO:-1}" == 0 ]] && debug=-g0
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 $debug -DNDEBUG" \
  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 $debug -DNDEBUG" ${CMAKE_ARGS:-} >/dev/null
ninja -C build "$@"
