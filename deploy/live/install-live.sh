#!/usr/bin/env bash
# Installs the daemon for libguestfs live inside a guest (run as root in the guest):
#   deploy/live/install-live.sh [DAEMON]      (default: build/guestfsd)
# Installs /usr/sbin/guestfsd, the systemd unit and the udev rules, then reloads them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
daemon="${1:-$here/../../build/guestfsd}"
install -D -m 0755 "$daemon" /usr/sbin/guestfsd
install -D -m 0644 "$here/guestfsd.service" /etc/systemd/system/guestfsd.service
install -D -m 0644 "$here/99-guestfsd-live.rules" /etc/udev/rules.d/99-guestfsd-live.rules
install -D -m 0644 "$here/99-guestfs-disk-serial.rules" /etc/udev/rules.d/99-guestfs-serial.rules
systemctl daemon-reload 2>/dev/null || true
udevadm control --reload 2>/dev/null || true
udevadm trigger --subsystem-match=virtio-ports 2>/dev/null || true
echo "installed; the daemon starts when the org.libguestfs.channel.0 port appears"
