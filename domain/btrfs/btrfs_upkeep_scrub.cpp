// `btrfs scrub` control and status on a mounted filesystem.
#include "domain/btrfs/btrfs_upkeep.hpp"
#include "domain/btrfs/btrfs_upkeep_parse.hpp"
#include "domain/btrfs/btrfs_tool.hpp"

namespace gfsd::domain {

Result<void> btrfs_scrub_start(Ctx& ctx, const std::string& path) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"scrub", "start"}, path));
  return {};
}

Result<void> btrfs_scrub_cancel(Ctx& ctx, const std::string& path) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"scrub", "cancel"}, path));
  return {};
}

Result<void> btrfs_scrub_resume(Ctx& ctx, const std::string& path) {
  GFSD_TRY(run_btrfs_on_guest_path(ctx, {"scrub", "resume"}, path));
  return {};
}

Result<api::Btrfsscrub> btrfs_scrub_status(Ctx& ctx, const std::string& path) {
  auto out = run_btrfs_on_guest_path(ctx, {"scrub", "status", "-R"}, path);
  if (!out) return forward(out.error());
  // The report is the only trace of what a scrub found: worth keeping in a
  // verbose log, as the original did.
  ctx.log.debug("output from 'btrfs scrub status -R " + path + "' is:\n" + *out);
  return parse_btrfs_scrub_status(*out);
}

}  // namespace gfsd::domain
