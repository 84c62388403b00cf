#include "domain/mount/mount_actions.hpp"

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
  argv.push_back(pathordevice.is_device ? pathordevice.name
                                        : ctx.config.sysroot + pathordevice.name);
  auto r = ctx.runner.run(argv);
  if (!r) return forward(r.error());
  if (r->status != 0) return fail(pathordevice.name + ": " + r->err);
  return {};
}

}  // namespace gfsd::domain
