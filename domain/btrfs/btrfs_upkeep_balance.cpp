// `btrfs balance` control and status on a mounted filesystem.
#include "domain/btrfs/btrfs_upkeep.hpp"
#include "domain/btrfs/btrfs_upkeep_parse.hpp"
#include "domain/btrfs/btrfs_tool.hpp"

namespace gfsd::domain {

Result<void> btrfs_balance_pause(Ctx& ctx, const std::string& path) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"balance", "pause"}, path));
  return {};
}

Result<void> btrfs_balance_cancel(Ctx& ctx, const std::string& path) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"balance", "cancel"}, path));
  return {};
}

Result<void> btrfs_balance_resume(Ctx& ctx, const std::string& path) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"balance", "resume"}, path));
  return {};
}

Result<api::Btrfsbalance> btrfs_balance_status(Ctx& ctx, const std::string& path) {
  auto out = run_btrfs_on_guest_path(ctx, {"balance", "status"}, path);
  if (!out) return forward(out.error());
  return parse_btrfs_balance_status(*out);
}

}  // namespace gfsd::domain
