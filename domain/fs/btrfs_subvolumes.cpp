// btrfs subvolumes: listing them needs the filesystem mounted, which is done
// on a private temporary directory of the appliance, never under the sysroot.
#include <regex>

#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

namespace {

// Runs `btrfs ARGS... MOUNTPOINT` with the mountable mounted somewhere.
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

}  // namespace

Result<std::vector<api::Btrfssubvolume>> btrfs_subvolume_list(Ctx& ctx, const api::Mountable& fs) {
  auto out = with_mounted_btrfs(ctx, fs, {"subvolume", "list"});
  if (!out) return forward(out.error());
  // "ID 256 gen 30 top level 5 path test1" (older btrfs has no "gen").
  static const std::regex line_re(R"(ID\s+(\d+).*\stop level\s+(\d+).*\spath\s(.*))");
  std::vector<api::Btrfssubvolume> vols;
  for (const auto& line : split_lines(*out)) {
    if (line.empty()) continue;
    std::smatch m;
    if (!std::regex_search(line, m, line_re))
      return fail("unexpected output from 'btrfs subvolume list' command: " + line);
    vols.push_back({std::stoull(m[1]), std::stoull(m[2]), m[3]});
  }
  return vols;
}

Result<int64_t> btrfs_subvolume_get_default(Ctx& ctx, const api::Mountable& fs) {
  auto out = with_mounted_btrfs(ctx, fs, {"subvolume", "get-default"});
  if (!out) return forward(out.error());
  // "ID 5 (FS_TREE)" or "ID 256 gen 9 top level 5 path a".
  static const std::regex id_re(R"(^ID\s*(-?\d+))");
  std::smatch m;
  const auto id = std::regex_search(*out, m, id_re) ? whole_integer(m[1].str(), 10) : std::nullopt;
  if (!id) return fail("unexpected output from 'btrfs subvolume get-default' command: " + *out);
  return *id;
}

}  // namespace gfsd::domain
