#include "domain/mount/mount_actions.hpp"
#include "domain/mount/mount_ops.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_mount(api::Handlers& h) {
  h.umount_all = &umount_all;
  h.mount = &mount;
  h.mount_ro = &mount_ro;
  h.mount_options = &mount_options;
  h.mount_vfs = &mount_vfs;
  h.umount = &umount;
  h.mounts = &mounts;
  h.mountpoints = &mountpoints;
  h.mkmountpoint = &mkmountpoint;
  h.rmmountpoint = &rmmountpoint;
  h.mount_loop = &mount_loop;
  h.remount = &remount;
}

}  // namespace gfsd::domain
