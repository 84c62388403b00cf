#include "domain/btrfs/btrfs_volumes_tool.hpp"

#include "domain/core/run_tool.hpp"

namespace gfsd::domain {

Result<std::string> run_btrfs_tool(Ctx& ctx, const std::vector<std::string>& argv,
                                   const std::string& what,
                                   std::vector<ports::GuestArg> guest_args) {
  ports::RunOptions opts;
  opts.guest_args = std::move(guest_args);
  return run_or_fail_prefixed(ctx, argv, what + ": ", opts);
}

}  // namespace gfsd::domain
