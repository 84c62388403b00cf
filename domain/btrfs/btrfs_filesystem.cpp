// The mounted filesystem as a whole: balance, defragment, resize, sync.
#include <string>
#include <vector>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "domain/btrfs/btrfs_tool.hpp"

namespace gfsd::domain {

Result<void> btrfs_filesystem_balance(Ctx& ctx, const std::string& fs) {
  // The old spelling of `btrfs balance start` (a full balance, at once).
  GFSD_TRY(run_btrfs_tool(ctx, {"btrfs", "balance", fs}, fs, {followed(2)}));
  return {};
}

Result<void> btrfs_filesystem_defragment(Ctx& ctx, const std::string& path,
                                         const api::opt::btrfs_filesystem_defragment& o) {
  std::vector<std::string> argv{"btrfs", "filesystem", "defragment", "-r"};
  if (o.flush.value_or(false)) argv.push_back("-f");
  if (o.compress) {
    if (*o.compress != "zlib" && *o.compress != "lzo")
      return fail("unknown compress method: " + *o.compress);
    argv.push_back("-c" + *o.compress);
  }
  argv.push_back(path);
  GFSD_TRY(run_btrfs_tool(ctx, argv, path, {followed(argv.size() - 1)}));
  return {};
}

Result<void> btrfs_filesystem_resize(Ctx& ctx, const std::string& mountpoint,
                                     const api::opt::btrfs_filesystem_resize& o) {
  std::string size = "max";
  if (o.size) {
    if (*o.size <= 0) return fail("size is zero or negative");
    size = std::to_string(*o.size);
  }
  GFSD_TRY(run_btrfs_tool(ctx, {"btrfs", "filesystem", "resize", size, mountpoint}, mountpoint,
                          {followed(4)}));
  return {};
}

Result<void> btrfs_filesystem_sync(Ctx& ctx, const std::string& fs) {
  GFSD_TRY(run_btrfs_tool(ctx, {"btrfs", "filesystem", "sync", fs}, fs, {followed(3)}));
  return {};
}

}  // namespace gfsd::domain
