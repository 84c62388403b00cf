#include "domain/core/run_tool.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_labels.hpp"
#include "domain/lvm/lvm_output.hpp"

namespace gfsd::domain {

namespace {

// "lvremove: /dev/VG/LV: <stderr>"
Result<void> remove_named(Ctx& ctx, const char* what, const std::string& name,
                          std::vector<std::string> args) {
  auto r = run_lvm_or_fail_stderr(ctx, args);
  if (!r) return fail(std::string(what) + ": " + name + ": " + r.error().message);
  return {};
}

}  // namespace

// Removes every LV, VG and PV: meant for tests.
Result<void> lvm_remove_all(Ctx& ctx) {
  // One look at the devices for all three lists (lvm_labels.hpp).
  if (no_lvm_label_anywhere(ctx)) {
    ctx.devices.settle("");
    return {};
  }
  auto lv_list = lvs_from_lvm(ctx);
  if (!lv_list) return forward(lv_list.error());
  for (const auto& lv : *lv_list) {
    // Deactivate first: some lvm versions do not remove active LVs reliably even with -f.
    (void)run_lvm_or_fail_stderr(ctx, {"lvchange", "-an", lv});
    ctx.devices.settle("");
    GFSD_TRY(remove_named(ctx, "lvremove", lv, {"lvremove", "-f", lv}));
  }
  auto vg_list = vgs_from_lvm(ctx);
  if (!vg_list) return forward(vg_list.error());
  for (const auto& vg : *vg_list) {
    (void)run_lvm_or_fail_stderr(ctx, {"vgchange", "-an", vg});
    ctx.devices.settle("");
    GFSD_TRY(remove_named(ctx, "vgremove", vg, {"vgremove", "-f", vg}));
  }
  auto pv_list = pvs_from_lvm(ctx);
  if (!pv_list) return forward(pv_list.error());
  for (const auto& pv : *pv_list) GFSD_TRY(remove_named(ctx, "pvremove", pv, {"pvremove", "-f", pv}));
  ctx.devices.settle("");
  return {};
}

Result<void> lvremove(Ctx& ctx, const std::string& device) {
  return run_lvm_settled_or_fail_stderr(ctx, {"lvremove", "-f", device});
}

Result<void> vgremove(Ctx& ctx, const std::string& vgname) {
  return run_lvm_settled_or_fail_stderr(ctx, {"vgremove", "-f", vgname});
}

Result<void> pvremove(Ctx& ctx, const std::string& device) {
  return run_lvm_settled_or_fail_stderr(ctx, {"pvremove", "-ff", device});
}

}  // namespace gfsd::domain
