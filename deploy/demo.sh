#!/usr/bin/env bash
# The main command: installs what is needed, builds the daemon, puts it into a
# libguestfs appliance (build/appliance), and runs a short guestfish session with it
# against a small disk image it creates, printing the results.
#
#   sudo deploy/demo.sh
#
# Under qemu TCG (no KVM) the appliance boots in about 20-40 seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
deploy/build.sh
deploy/make-appliance.sh build/guestfsd build/appliance
echo "running guestfish with our daemon in the appliance (TCG boot: ~20-40 s) ..."
time deploy/guestfish-session.sh build/appliance build/demo
