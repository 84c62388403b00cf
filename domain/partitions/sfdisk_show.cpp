// sfdisk_l, sfdisk_kernel_geometry, sfdisk_disk_geometry: `sfdisk FLAG DEVICE`.
// With util-linux 2.38, -G only warns that it now means -g; the warning goes
// to stderr, so the answer is -g's.
#include "domain/core/run_tool.hpp"
#include "domain/partitions/sfdisk_actions.hpp"

namespace gfsd::domain {

namespace {

// Errors read "DEVICE: <stderr>", without errno, also when sfdisk could not
// be run (the original's child reported that on stderr).
Result<std::string> sfdisk_query(Ctx& ctx, const char* flag, const std::string& device) {
  auto out = run_or_fail_prefixed(ctx, {"sfdisk", flag, device}, device + ": ");
  if (!out) return out;
  ctx.devices.settle("");
  return out;
}

}  // namespace

Result<std::string> sfdisk_l(Ctx& ctx, const std::string& device) {
  return sfdisk_query(ctx, "-l", device);
}

Result<std::string> sfdisk_kernel_geometry(Ctx& ctx, const std::string& device) {
  return sfdisk_query(ctx, "-g", device);
}

Result<std::string> sfdisk_disk_geometry(Ctx& ctx, const std::string& device) {
  return sfdisk_query(ctx, "-G", device);
}

}  // namespace gfsd::domain
