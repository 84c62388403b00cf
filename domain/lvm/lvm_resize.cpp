#include "domain/core/run_tool.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_output.hpp"

namespace gfsd::domain {

namespace {

// lvresize fails when the size does not change; that is no error here (RHBZ#834712).
Result<void> lvresize_tolerant(Ctx& ctx, const std::vector<std::string>& args) {
  auto r = run_lvm_or_fail_stderr(ctx, args);
  if (r) return {};
  const std::string& err = r.error().message;
  if (err.find("New size (") != std::string::npos &&
      err.find("extents) matches existing size (") != std::string::npos)
    return {};
  return forward(r.error());
}

Result<void> pvresize_with(Ctx& ctx, const std::string& device,
                           const std::vector<std::string>& args) {
  auto r = run_lvm_or_fail_stderr(ctx, args);
  if (!r) return fail(device + ": " + r.error().message);
  return {};
}

}  // namespace

Result<void> check_percent(int32_t percent) {
  if (percent < 0 || percent > 100)
    return fail("percentage must be [0..100] (was " + std::to_string(percent) + ")");
  return {};
}

Result<void> lvresize(Ctx& ctx, const std::string& device, int32_t mbytes) {
  return lvresize_tolerant(ctx, {"lvresize", "--force", "-L", std::to_string(mbytes), device});
}

Result<void> lvresize_free(Ctx& ctx, const std::string& lv, int32_t percent) {
  GFSD_TRY(check_percent(percent));
  return lvresize_tolerant(ctx, {"lvresize", "-l", "+" + std::to_string(percent) + "%FREE", lv});
}

Result<void> pvresize(Ctx& ctx, const std::string& device) {
  return pvresize_with(ctx, device, {"pvresize", device});
}

Result<void> pvresize_size(Ctx& ctx, const std::string& device, int64_t size) {
  return pvresize_with(ctx, device,
                       {"pvresize", "--yes", "--setphysicalvolumesize",
                        std::to_string(size) + "b", device});
}

}  // namespace gfsd::domain
