#include "domain/mount/mount_helpers.hpp"

#include "domain/command/run_command.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

// The original joins sysroot and mount point as OCaml's Filename.concat does.
std::string concat_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

}  // namespace

std::vector<std::string> mount_argv(const std::string& sysroot, const std::string& options,
                                    const std::string& vfstype, const api::Mountable& mountable,
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
  argv.push_back(concat_path(sysroot, mountpoint));
  return argv;
}

Result<void> mount_mountable(Ctx& ctx, const std::string& options, const std::string& vfstype,
                             const api::Mountable& mountable, const std::string& mountpoint) {
  // The mount point must be a directory (symlinks followed).
  auto st = ctx.fs.stat(!mountpoint.empty() && mountpoint[0] == '/' ? mountpoint : "/" + mountpoint, true);
  if (!st || !files::has_type(st->mode, files::kTypeDirectory))
    return fail("mount: " + mountpoint + ": mount point is not a directory");
  auto r = run_command(ctx, mount_argv(ctx.config.sysroot, options, vfstype, mountable,
                                       mountpoint));
  if (!r) return forward(r.error());
  return {};
}

}  // namespace gfsd::domain
