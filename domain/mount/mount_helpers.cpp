#include "domain/mount/mount_helpers.hpp"

#include "domain/core/run_tool.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

// The mount point as a guest path ("mnt" is "/mnt", as the original's
// Filename.concat with the sysroot makes it).
std::string guest_mountpoint(const std::string& mountpoint) {
  return !mountpoint.empty() && mountpoint[0] == '/' ? mountpoint : "/" + mountpoint;
}

}  // namespace

std::vector<std::string> mount_argv(const std::string& options, const std::string& vfstype,
                                    const api::Mountable& mountable,
                                    const std::string& mountpoint) {
  std::vector<std::string> argv{"mount"};
  std::string opts = options;
  if (mountable.type == api::MountableType::Btrfsvol)
    opts = "subvol=" + mountable.volume + (options.empty() ? "" : "," + options);
  if (!opts.empty()) {
    argv.push_back("-o");
    argv.push_back(opts);
  }
  if (!vfstype.empty()) {
    argv.push_back("-t");
    argv.push_back(vfstype);
  }
  argv.push_back(mountable.device);
  argv.push_back(guest_mountpoint(mountpoint));
  return argv;
}

Result<void> mount_mountable(Ctx& ctx, const std::string& options, const std::string& vfstype,
                             const api::Mountable& mountable, const std::string& mountpoint) {
  // The mount point must be a directory (symlinks followed).
  auto st = ctx.fs.stat(guest_mountpoint(mountpoint), true);
  if (!st || !files::has_type(st->mode, files::kTypeDirectory))
    return fail("mount: " + mountpoint + ": mount point is not a directory");
  // The mount point is pinned inside the sysroot by the runner: a guest
  // symlink on the way (/mnt -> /etc) cannot put the mount on the appliance.
  const auto argv = mount_argv(options, vfstype, mountable, mountpoint);
  ports::RunOptions opts;
  opts.guest_args = {{argv.size() - 1, ports::GuestArg::Last::Follow}};
  auto r = run_or_fail_exit_status(ctx, argv, opts);
  if (!r) return forward(r.error());
  return {};
}

}  // namespace gfsd::domain
