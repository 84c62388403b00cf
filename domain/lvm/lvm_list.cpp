#include <algorithm>

#include "domain/core/run_tool.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_labels.hpp"
#include "domain/lvm/lvm_output.hpp"

namespace gfsd::domain {

namespace {

// lvm >= 2.02.107 can select LVs itself (-S); probed once.
Result<bool> lvs_has_select(Ctx& ctx) {
  if (ctx.state.lvs_has_select >= 0) return ctx.state.lvs_has_select == 1;
  auto help = run_or_fail_exit_status(ctx, {"lvm", "lvs", "--help"});
  if (!help) return forward(help.error());
  const bool has = help->find("-S") != std::string::npos;
  ctx.state.lvs_has_select = has ? 1 : 0;
  return has;
}

// Older lvm: "attr:vg:lv" lines, thin pools and LVs skipped at activation left out.
std::vector<std::string> lvs_from_attr_lines(const std::string& out) {
  std::vector<std::string> lvs;
  for (const auto& line : lvm_name_list(out)) {
    const size_t a = line.find(':');
    const size_t b = a == std::string::npos ? a : line.find(':', a + 1);
    if (b == std::string::npos || line.find(':', b + 1) != std::string::npos) continue;
    const std::string attr = line.substr(0, a);
    if (!attr.empty() && attr[0] == 't') continue;
    if (attr.size() > 9 && attr[9] == 'k') continue;
    lvs.push_back("/dev/" + line.substr(a + 1, b - a - 1) + "/" + line.substr(b + 1));
  }
  std::sort(lvs.begin(), lvs.end());
  return lvs;
}

}  // namespace

Result<std::vector<std::string>> pvs_from_lvm(Ctx& ctx) {
  auto out = run_lvm_or_fail_stderr(ctx, {"pvs", "-o", "pv_name", "--noheadings"});
  if (!out) return forward(out.error());
  return lvm_name_list(*out);
}

Result<std::vector<std::string>> vgs_from_lvm(Ctx& ctx) {
  auto out = run_lvm_or_fail_stderr(ctx, {"vgs", "-o", "vg_name", "--noheadings"});
  if (!out) return forward(out.error());
  return lvm_name_list(*out);
}

Result<std::vector<std::string>> lvs_from_lvm(Ctx& ctx) {
  auto has_select = lvs_has_select(ctx);
  if (!has_select) return forward(has_select.error());
  if (*has_select) {
    // Public LVs only: no thin pools, snapshots' internals or skipped LVs.
    auto out = run_or_fail_exit_status(ctx, {"lvm", "lvs", "-o", "vg_name,lv_name", "-S",
                                             "lv_role=public && lv_skip_activation!=yes",
                                             "--noheadings", "--separator", "/"});
    if (!out) return forward(out.error());
    return lvm_name_list(*out, "/dev/");
  }
  auto out = run_or_fail_exit_status(
      ctx, {"lvm", "lvs", "-o", "lv_attr,vg_name,lv_name", "--noheadings", "--separator", ":"});
  if (!out) return forward(out.error());
  return lvs_from_attr_lines(*out);
}

// Without a label or a mapping anywhere, what lvm would say is known: nothing.
Result<std::vector<std::string>> pvs(Ctx& ctx) {
  if (no_lvm_label_anywhere(ctx)) return std::vector<std::string>{};
  return pvs_from_lvm(ctx);
}

Result<std::vector<std::string>> vgs(Ctx& ctx) {
  if (no_lvm_label_anywhere(ctx)) return std::vector<std::string>{};
  return vgs_from_lvm(ctx);
}

Result<std::vector<std::string>> lvs(Ctx& ctx) {
  if (no_lvm_label_anywhere(ctx)) return std::vector<std::string>{};
  return lvs_from_lvm(ctx);
}

}  // namespace gfsd::domain
