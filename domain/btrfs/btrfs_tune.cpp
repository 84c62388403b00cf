// btrfstune on an unmounted device: the seeding flag and feature bits.
#include <string>
#include <vector>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "domain/btrfs/btrfs_tool.hpp"

namespace gfsd::domain {

Result<void> btrfs_set_seeding(Ctx& ctx, const std::string& device, bool seeding) {
  // The original looked at btrfstune's exit status not at all: whatever
  // btrfstune says (clearing the flag without -f is refused, a device that
  // is not btrfs is refused, a btrfstune that cannot start exits 1 in the
  // original's child), the action succeeds. Only a btrfstune killed by a
  // signal is an error. btrfstune_seeding is the action that checks.
  auto r = ctx.runner.run({"btrfstune", "-S", seeding ? "1" : "0", device});
  if (r && r->status < 0) return fail(device + ": " + r->err);
  return {};
}

Result<void> btrfstune_seeding(Ctx& ctx, const std::string& device, bool seeding) {
  std::vector<std::string> argv{"btrfstune", "-S", seeding ? "1" : "0"};
  if (!seeding) argv.push_back("-f");  // clearing the flag is refused without it
  argv.push_back(device);
  GFSD_TRY(run_btrfs_tool(ctx, argv, device));
  return {};
}

Result<void> btrfstune_enable_extended_inode_refs(Ctx& ctx, const std::string& device) {
  GFSD_TRY(run_btrfs_tool(ctx, {"btrfstune", "-r", device}, device));
  return {};
}

Result<void> btrfstune_enable_skinny_metadata_extent_refs(Ctx& ctx, const std::string& device) {
  GFSD_TRY(run_btrfs_tool(ctx, {"btrfstune", "-x", device}, device));
  return {};
}

}  // namespace gfsd::domain
