#!/usr/bin/env bash
# Installs what is needed, builds, and runs the daemon listening on a Unix
# socket, in a private mount namespace with its own tmpfs as /sysroot (so it
# can never touch this machine's files). Ctrl-C stops it.
#
#   sudo deploy/run-listen.sh [SOCKET [DAEMON-OPTION...]]   (default /tmp/guestfsd.sock)
#   sudo deploy/run-listen.sh /tmp/guestfsd.sock --grpc unix:/tmp/guestfsd-console.sock
#                                                  (+ the gRPC debug console; see README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
SOCK=${1:-/tmp/guestfsd.sock}
shift || true

deploy/install-deps.sh
deploy/build.sh

mkdir -p /sysroot
rm -f "$SOCK"
cat <<MSG

guestfsd is listening on $SOCK (private tmpfs mounted at /sysroot).
Talk to it from another terminal with the bundled client, for example:

  build/tests/guestfsd-call $SOCK ping_daemon
  build/tests/guestfsd-call $SOCK internal_write /hello 'hello world'
  build/tests/guestfsd-call $SOCK download /hello -
  build/tests/guestfsd-call $SOCK statns /hello
  build/tests/guestfsd-call --list | less        (every action and its signature)

It serves one client after another; stop it with Ctrl-C. With --grpc unix:PATH it also
serves the gRPC debug console: sudo build/tests/guestfsd-console unix:PATH list (see README.md).
MSG
exec unshare -m --propagation private sh -c \
  'mount -t tmpfs -o size=256m guestfsd-sysroot /sysroot && exec "$0" "$@"' \
  build/guestfsd --verbose --listen --channel "$SOCK" "$@"
