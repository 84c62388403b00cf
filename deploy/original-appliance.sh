# Sourced. use_original_appliance: sets the environment so that the library boots
# libguestfs's ORIGINAL daemon, for every comparison with it and for building test
# images independently of our code.
#
# Normally that is the library's own appliance (LIBGUESTFS_PATH unset). With the
# guestfsd-cpp package installed, the library's appliance runs our daemon: the
# original payload is diverted to $GUESTFSD_DIVERTED_PAYLOAD, and a LIBGUESTFS_PATH
# directory is made whose supermin.d is the library's with the original payload.
GUESTFSD_SUPERMIN_D="${GUESTFSD_SUPERMIN_D:-/usr/lib/x86_64-linux-gnu/guestfs/supermin.d}"
GUESTFSD_DIVERTED_PAYLOAD="${GUESTFSD_DIVERTED_PAYLOAD:-/usr/lib/x86_64-linux-gnu/guestfs/daemon.tar.gz.distrib}"

use_original_appliance() {
  if [[ ! -e "$GUESTFSD_DIVERTED_PAYLOAD" ]]; then
    unset LIBGUESTFS_PATH
    return 0
  fi
  local dir="${TMPDIR:-/var/tmp}/guestfsd-original-appliance-$(id -u)" f
  mkdir -p "$dir/supermin.d" || return 1
  for f in "$GUESTFSD_SUPERMIN_D"/*; do
    [[ "$(basename "$f")" == daemon.tar.gz ]] || ln -sfn "$f" "$dir/supermin.d/"
  done
  ln -sfn "$GUESTFSD_DIVERTED_PAYLOAD" "$dir/supermin.d/daemon.tar.gz"
  export LIBGUESTFS_PATH="$dir"
}
