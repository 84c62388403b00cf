// btrfs quota groups: create, destroy, limit, nest, and list them.
#include <string>

#include "domain/btrfs/btrfs_upkeep.hpp"
#include "domain/btrfs/btrfs_upkeep_parse.hpp"
#include "domain/btrfs/btrfs_tool.hpp"

namespace gfsd::domain {

namespace {

// btrfs-progs 3.18.2 began to print sizes with units by default and added
// --raw for plain bytes, which is what the parser reads; older ones print bytes
// and know no --raw. The help text says which this one is. A help that could
// not run at all tells of no --raw, as in the original.
bool qgroup_show_has_raw(Ctx& ctx) {
  auto help = ctx.runner.run({"btrfs", "qgroup", "show", "--help"});
  return help && help->out.find("--raw") != std::string::npos;
}

}  // namespace

Result<void> btrfs_qgroup_limit(Ctx& ctx, const std::string& subvolume, int64_t size) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"qgroup", "limit", std::to_string(size)}, subvolume));
  return {};
}

Result<void> btrfs_qgroup_create(Ctx& ctx, const std::string& qgroupid,
                                 const std::string& subvolume) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"qgroup", "create", qgroupid}, subvolume));
  return {};
}

Result<void> btrfs_qgroup_destroy(Ctx& ctx, const std::string& qgroupid,
                                  const std::string& subvolume) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"qgroup", "destroy", qgroupid}, subvolume));
  return {};
}

Result<std::vector<api::Btrfsqgroup>> btrfs_qgroup_show(Ctx& ctx, const std::string& path) {
  std::vector<std::string> args{"qgroup", "show"};
  if (qgroup_show_has_raw(ctx)) args.push_back("--raw");
  auto out = run_btrfs_on_guest_path(ctx, args, path);
  if (!out) return forward(out.error());
  return parse_btrfs_qgroup_show(*out);
}

Result<void> btrfs_qgroup_assign(Ctx& ctx, const std::string& src, const std::string& dst,
                                 const std::string& path) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"qgroup", "assign", src, dst}, path));
  return {};
}

Result<void> btrfs_qgroup_remove(Ctx& ctx, const std::string& src, const std::string& dst,
                                 const std::string& path) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"qgroup", "remove", src, dst}, path));
  return {};
}

}  // namespace gfsd::domain
