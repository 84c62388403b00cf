// Temporary mount points come from the appliance's `mktemp -d` through the runner,
// so that the unit tests see every step and the same clean-up order.
#include "domain/btrfs/btrfs_mount.hpp"

#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"

namespace gfsd::domain {

Result<std::string> with_mounted_btrfs(Ctx& ctx, const api::Mountable& fs,
                                       const std::vector<std::string>& btrfs_args) {
  auto run_btrfs = [&](const std::string& mp, const ports::RunOptions& opts) {
    std::vector<std::string> argv{"btrfs"};
    argv.insert(argv.end(), btrfs_args.begin(), btrfs_args.end());
    argv.push_back(mp);
    return run_or_fail_exit_status(ctx, argv, opts);
  };
  // A path names a directory of what is mounted under the sysroot already:
  // a guest argument, pinned inside the sysroot by the runner.
  if (fs.type == api::MountableType::Path) {
    ports::RunOptions pinned;
    pinned.guest_args = {{btrfs_args.size() + 1, ports::GuestArg::Last::Follow}};
    return run_btrfs(fs.device, pinned);
  }

  auto tmp = run_or_fail_exit_status(ctx, {"mktemp", "-d", "/tmp/btrfsXXXXXX"});
  if (!tmp) return forward(tmp.error());
  const std::string dir = split_lines(*tmp).empty() ? "" : split_lines(*tmp)[0];
  std::vector<std::string> mount{"mount"};
  if (fs.type == api::MountableType::Btrfsvol) mount.insert(mount.end(), {"-o", "subvol=" + fs.volume});
  mount.insert(mount.end(), {fs.device, dir});
  Result<std::string> out = run_or_fail_exit_status(ctx, mount);
  if (out) {
    out = run_btrfs(dir, {});
    (void)ctx.runner.run({"umount", dir});
  }
  (void)ctx.runner.run({"rmdir", dir});
  return out;
}

}  // namespace gfsd::domain
