// Creating, snapshotting and deleting subvolumes, and choosing the default one.
#include <string>
#include <vector>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "domain/btrfs/btrfs_tool.hpp"

namespace gfsd::domain {

Result<void> btrfs_subvolume_create(Ctx& ctx, const std::string& dest,
                                    const api::opt::btrfs_subvolume_create& o) {
  std::vector<std::string> argv{"btrfs", "subvolume", "create"};
  if (o.qgroupid) argv.insert(argv.end(), {"-i", *o.qgroupid});
  argv.push_back(dest);
  // btrfs makes the subvolume by name in the parent directory and refuses a
  // name that exists, a symlink too: the name is passed as it is.
  GFSD_TRY(run_btrfs_tool(ctx, argv, dest, {{argv.size() - 1, ports::GuestArg::Last::AsIs}}));
  return {};
}

Result<void> btrfs_subvolume_delete(Ctx& ctx, const std::string& subvolume) {
  GFSD_TRY(
      run_btrfs_tool(ctx, {"btrfs", "subvolume", "delete", subvolume}, subvolume, {followed(3)}));
  return {};
}

Result<void> btrfs_subvolume_snapshot(Ctx& ctx, const std::string& source, const std::string& dest,
                                      const api::opt::btrfs_subvolume_snapshot& o) {
  std::vector<std::string> argv{"btrfs", "subvolume", "snapshot"};
  if (o.ro.value_or(false)) argv.push_back("-r");
  if (o.qgroupid) argv.insert(argv.end(), {"-i", *o.qgroupid});
  argv.insert(argv.end(), {source, dest});
  // The destination is followed too: btrfs snapshots into it when it leads
  // to a directory and must never look through a link on the host.
  GFSD_TRY(run_btrfs_tool(ctx, argv, source + ": " + dest,
                          {followed(argv.size() - 2), followed(argv.size() - 1)}));
  return {};
}

Result<void> btrfs_subvolume_set_default(Ctx& ctx, int64_t id, const std::string& fs) {
  GFSD_TRY(run_btrfs_tool(ctx, {"btrfs", "subvolume", "set-default", std::to_string(id), fs}, fs,
                          {followed(4)}));
  return {};
}

}  // namespace gfsd::domain
