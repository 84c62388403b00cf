#include "domain/btrfs/btrfs_upkeep_run.hpp"

#include "domain/core/run_tool.hpp"

namespace gfsd::domain {

Result<std::string> run_btrfs_on_guest_path(Ctx& ctx, const std::vector<std::string>& args,
                                            const std::string& path) {
  std::vector<std::string> argv{"btrfs"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(path);
  ports::RunOptions pinned;
  pinned.guest_args = {{argv.size() - 1, ports::GuestArg::Last::Follow}};
  return run_or_fail_prefixed(ctx, argv, path + ": ", pinned);
}

}  // namespace gfsd::domain
