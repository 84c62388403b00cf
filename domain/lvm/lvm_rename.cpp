#include "domain/core/run_tool.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_output.hpp"

namespace gfsd::domain {

namespace {

// "OLD -> NEW: <stderr>"
Result<void> rename_with(Ctx& ctx, const char* command, const std::string& from,
                         const std::string& to) {
  auto r = run_lvm_or_fail_stderr(ctx, {command, from, to});
  if (!r) return fail(from + " -> " + to + ": " + r.error().message);
  ctx.devices.settle("");
  return {};
}

}  // namespace

Result<void> lvrename(Ctx& ctx, const std::string& logvol, const std::string& newlogvol) {
  return rename_with(ctx, "lvrename", logvol, newlogvol);
}

Result<void> vgrename(Ctx& ctx, const std::string& volgroup, const std::string& newvolgroup) {
  return rename_with(ctx, "vgrename", volgroup, newvolgroup);
}

}  // namespace gfsd::domain
