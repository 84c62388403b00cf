#include "domain/btrfs/btrfs_tool.hpp"

#include "domain/core/run_tool.hpp"

namespace gfsd::domain {

Result<std::string> run_btrfs_tool(Ctx& ctx, const std::vector<std::string>& argv,
                                   const std::string& what,
                                   std::vector<ports::GuestArg> guest_args) {
  ports::RunOptions opts;
  opts.guest_args = std::move(guest_args);
  return run_or_fail_prefixed(ctx, argv, what + ": ", opts);
}

Result<std::string> run_btrfs_on_guest_path(Ctx& ctx, const std::vector<std::string>& args,
                                            const std::string& path) {
  std::vector<std::string> argv{"btrfs"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(path);
  return run_btrfs_tool(ctx, argv, path, {followed(argv.size() - 1)});
}

}  // namespace gfsd::domain
