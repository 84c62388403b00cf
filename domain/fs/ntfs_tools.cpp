// NTFS through ntfs-3g / ntfsprogs, plus wipefs and zerofree.
#include "domain/core/run_tool.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

// ntfs-3g.probe's exit status is the answer (0: mountable).
Result<int32_t> ntfs_3g_probe(Ctx& ctx, bool rw, const std::string& device) {
  auto r = ctx.runner.run({"ntfs-3g.probe", rw ? "-w" : "-r", device});
  if (!r) return fail(device + ": " + r.error().message);
  if (r->status < 0) return fail(device + ": " + r->err);
  return r->status;
}

Result<void> ntfsresize(Ctx& ctx, const std::string& device, const api::opt::ntfsresize& o) {
  std::vector<std::string> argv{"ntfsresize", "-P"};
  if (o.size) {
    if (*o.size <= 0) return fail("size is zero or negative");
    argv.insert(argv.end(), {"--size", std::to_string(*o.size)});
  }
  if (o.force.value_or(false)) argv.push_back("--force");
  argv.push_back(device);
  return run_ok_or_fail_prefixed(ctx, argv, device + ": ", stdout_on_stderr());
}

Result<void> ntfsresize_size(Ctx& ctx, const std::string& device, int64_t size) {
  api::opt::ntfsresize o;
  o.size = size;
  return ntfsresize(ctx, device, o);
}

Result<void> ntfsfix(Ctx& ctx, const std::string& device, const api::opt::ntfsfix& o) {
  std::vector<std::string> argv{"ntfsfix"};
  if (o.clearbadsectors.value_or(false)) argv.push_back("-b");
  argv.push_back(device);
  return run_ok_or_fail_prefixed(ctx, argv, device + ": ");
}

Result<void> wipefs(Ctx& ctx, const std::string& device) {
  return run_ok_or_fail_prefixed(ctx, {"wipefs", "-a", "--force", device}, "");
}

Result<void> zerofree(Ctx& ctx, const std::string& device) {
  return run_ok_or_fail_prefixed(ctx, {"zerofree", device}, device + ": ");
}

}  // namespace gfsd::domain
