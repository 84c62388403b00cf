#include "domain/mount/mount_actions.hpp"

#include <cstring>

#include "domain/core/host_path.hpp"
#include "domain/mount/mount_helpers.hpp"

namespace gfsd::domain {

Result<void> mount(Ctx& ctx, const api::Mountable& mountable, const std::string& mountpoint) {
  return mount_mountable(ctx, "", "", mountable, mountpoint);
}

Result<void> mount_ro(Ctx& ctx, const api::Mountable& mountable, const std::string& mountpoint) {
  return mount_mountable(ctx, "ro", "", mountable, mountpoint);
}

Result<void> mount_options(Ctx& ctx, const std::string& options, const api::Mountable& mountable,
                           const std::string& mountpoint) {
  return mount_mountable(ctx, options, "", mountable, mountpoint);
}

Result<void> mount_vfs(Ctx& ctx, const std::string& options, const std::string& vfstype,
                       const api::Mountable& mountable, const std::string& mountpoint) {
  return mount_mountable(ctx, options, vfstype, mountable, mountpoint);
}

Result<void> umount(Ctx& ctx, const api::DevOrPath& pathordevice, const api::opt::umount& opts) {
  // umount(8) rather than umount(2), as the original: it also handles loop devices.
  std::vector<std::string> argv{"umount"};
  if (opts.force.value_or(false)) argv.push_back("-f");
  if (opts.lazyunmount.value_or(false)) argv.push_back("-l");
  if (pathordevice.is_device) {
    argv.push_back(pathordevice.name);
  } else {
    // The mount point as resolved inside the sysroot, so that a guest symlink
    // on the way cannot lead umount(8) to an appliance mount. (Not pinned by
    // a descriptor as mount is: an open descriptor would make it busy.) What
    // cannot be resolved (a dangling link, a loop) is refused: it names no
    // mount point inside the guest.
    auto real = resolved_host_path(ctx, pathordevice.name);
    if (!real) return fail_with(real.error().errnum, pathordevice.name + ": " +
                                                         std::strerror(real.error().errnum));
    argv.push_back(*real);
  }
  auto r = ctx.runner.run(argv);
  if (!r) return forward(r.error());
  if (r->status != 0) return fail(pathordevice.name + ": " + r->err);
  return {};
}

}  // namespace gfsd::domain
