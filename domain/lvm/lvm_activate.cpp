#include "domain/core/run_tool.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_output.hpp"

namespace gfsd::domain {

Result<void> vg_activate(Ctx& ctx, bool activate, const std::vector<std::string>& volgroups) {
  std::vector<std::string> args{"vgchange", "-a", activate ? "y" : "n"};
  args.insert(args.end(), volgroups.begin(), volgroups.end());
  auto r = run_lvm_or_fail_stderr(ctx, args);
  if (!r) return fail("vgchange: " + r.error().message);
  ctx.devices.settle("");
  return {};
}

Result<void> vg_activate_all(Ctx& ctx, bool activate) { return vg_activate(ctx, activate, {}); }

Result<void> lvm_scan(Ctx& ctx, bool activate) {
  // Not in the lvm2 group for historical reasons: without lvm there is nothing to scan.
  if (!ctx.host.program_exists("lvm")) return {};
  std::vector<std::string> args{"pvscan", "--cache"};
  if (activate) args.insert(args.end(), {"--activate", "ay"});
  auto r = run_lvm_or_fail_stderr(ctx, args);
  if (!r) return forward(r.error());
  return {};
}

Result<void> vgscan(Ctx& ctx) { return lvm_scan(ctx, false); }

}  // namespace gfsd::domain
