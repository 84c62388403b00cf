// vfs_minimum_size: how small a filesystem could be made, per type.
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>

#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/fs/fs_actions.hpp"
#include "domain/mount/mount_actions.hpp"

namespace gfsd::domain {

namespace {

// Where device is mounted (guest path), as mountpoints reports it.
Result<std::string> mount_point_of(Ctx& ctx, const std::string& device) {
  auto mps = mountpoints(ctx);
  if (!mps) return fail("cannot get mountpoints");
  for (const auto& [dev, mp] : *mps)
    if (dev == device) return mp;
  return fail("device not mounted: " + device);
}

// ntfsresize --info estimates; a full volume makes it fail, and then the
// current size rounded up to a cluster is the answer.
Result<int64_t> ntfs_minimum_size(Ctx& ctx, const std::string& device) {
  auto r = ctx.runner.run({"ntfsresize", "--info", "-ff", device});
  if (!r) return fail(r.error().message);
  const auto lines = split_lines(up_to_nul(r->out));
  if (r->status != 0) {
    bool full = false;
    int32_t cluster = 0;
    int64_t volume = 0;
    for (const auto& line : lines) {
      if (line.find("Volume is full") != std::string::npos) {
        full = true;
      } else if (line.rfind("Cluster size", 0) == 0) {
        if (std::sscanf(line.c_str() + 12, "%*[ ]:%d", &cluster) != 1)
          return fail("cannot parse cluster size");
      } else if (line.rfind("Current volume size:", 0) == 0) {
        auto v = leading_integer(std::string_view(line).substr(20), 10);  // gnulib xstrtol
        if (!v) return fail("cannot parse volume size");
        volume = *v;
      }
    }
    if (!full) return fail(r->err);
    if (cluster == 0) return fail("bad cluster size");
    return (volume + cluster - 1) / cluster * cluster;
  }
  static const std::string kPattern = "You might resize at ";
  for (const auto& line : lines) {
    if (line.rfind(kPattern, 0) != 0) continue;
    auto v = leading_integer(std::string_view(line).substr(kPattern.size()), 10);
    if (!v) return fail("cannot parse minimum size");
    return *v;
  }
  return fail("minimum size not found. Check output format:\n" + up_to_nul(r->out));
}

Result<int64_t> btrfs_minimum_size(Ctx& ctx, const std::string& path) {
  auto help = ctx.runner.run({"btrfs", "--help"});
  if (!help) return fail("btrfs: " + help.error().message);
  if (help->status < 0) return fail("btrfs: " + help->err);
  if (help->out.find("btrfs inspect-internal min-dev-size") == std::string::npos)
    return fail_with(ENOTSUP, "'btrfs inspect-internal min-dev-size' needs btrfs-progs >= 4.2");
  ports::RunOptions pinned;
  pinned.guest_args = {{3, ports::GuestArg::Last::Follow}};
  auto out = run_or_fail_prefixed(ctx, {"btrfs", "inspect-internal", "min-dev-size", path}, "",
                                  pinned);
  if (!out) return forward(out.error());
  // "12345 bytes (12.06KiB)"
  auto v = leading_integer(*out, 10);
  if (!v) return fail("cannot parse minimum size");
  return *v;
}

Result<int64_t> xfs_minimum_size(Ctx& ctx, const std::string& path) {
  auto info = xfs_info(ctx, api::DevOrPath{false, path});
  if (!info) return forward(info.error());
  // XFS cannot shrink: its current size.
  const auto bs = static_cast<int64_t>(info->xfs_blocksize);
  const auto blocks = static_cast<int64_t>(info->xfs_datablocks);
  if (bs == 0 || INT64_MAX / bs < blocks) return fail("filesystem size too big: overflow");
  return bs * blocks;
}

}  // namespace

Result<int64_t> vfs_minimum_size(Ctx& ctx, const api::Mountable& mountable) {
  auto type = vfs_type(ctx, mountable);
  if (!type) return forward(type.error());
  const std::string& t = *type;
  if (t == "ext2" || t == "ext3" || t == "ext4") return ext_minimum_size(ctx, mountable.device);
  if (t == "ntfs") return ntfs_minimum_size(ctx, mountable.device);
  if (t == "btrfs" || t == "xfs") {
    auto mp = mount_point_of(ctx, mountable.device);
    if (!mp) return forward(mp.error());
    return t == "btrfs" ? btrfs_minimum_size(ctx, *mp) : xfs_minimum_size(ctx, *mp);
  }
  return fail_with(ENOTSUP, "don't know how to get minimum size of '" + t + "' filesystems");
}

}  // namespace gfsd::domain
