// lvm_set_filter, lvm_clear_filter: rewrite the devices section of the
// appliance's lvm.conf so that LVM sees only some devices, then rescan.
#include <cctype>

#include "domain/core/run_tool.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_output.hpp"

namespace gfsd::domain {

namespace {

// lvm2 with a "devices file" would ignore devices not listed there (RHBZ#1965941).
bool has_devices_file(Ctx& ctx) {
  if (ctx.state.lvm_has_devices_file < 0) {
    const bool has = run_or_fail_stderr(ctx, {"lvmdevices", "--help"}).has_value() ||
                     run_or_fail_stderr(ctx, {"vgimportdevices", "--help"}).has_value();
    ctx.state.lvm_has_devices_file = has ? 1 : 0;
  }
  return ctx.state.lvm_has_devices_file == 1;
}

// LVM's own regular expressions: a device and, for a whole disk, its partitions.
std::vector<std::string> filter_rules(const std::vector<std::string>& devices) {
  std::vector<std::string> rules;
  for (const auto& d : devices) {
    rules.push_back("a|^" + d + "$|");
    if (!d.empty() && !std::isdigit(static_cast<unsigned char>(d.back())))
      rules.push_back("a|^" + d + "[0-9]|");
  }
  rules.push_back("r|.*|");
  return rules;
}

std::string lvm_conf(Ctx& ctx, const std::vector<std::string>& rules) {
  std::string conf = "devices {\n";
  if (has_devices_file(ctx)) conf += "    use_devicesfile = 0\n";
  for (const char* kind : {"filter", "global_filter"}) {
    conf += std::string("    ") + kind + " = [\n        ";
    for (size_t i = 0; i < rules.size(); ++i)
      conf += (i > 0 ? ",\n        " : "") + ("\"" + rules[i] + "\"");
    conf += "\n    ]\n";
  }
  return conf + "}\n";
}

Result<void> vgchange_all(Ctx& ctx, const char* flag) {
  auto r = run_lvm_or_fail_stderr(ctx, {"vgchange", flag});
  if (!r) return fail(std::string("vgchange ") + flag + ": " + r.error().message);
  return {};
}

Result<void> apply_filter(Ctx& ctx, const std::vector<std::string>& rules) {
  GFSD_TRY(vgchange_all(ctx, "-an"));
  const std::string dir = ctx.devices.lvm_system_dir();
  const std::string conf = dir + "/lvm.conf";
  auto written = ctx.devices.write_file(conf, lvm_conf(ctx, rules));
  if (!written) return fail_errno(written.error().errnum, "open: " + conf);
  // The old device cache would keep the devices now filtered out.
  ctx.devices.remove_file(dir + "/cache/.cache");
  auto scan = run_lvm_or_fail_stderr(ctx, {"vgscan", "--cache"});
  if (!scan) return fail("vgscan: " + scan.error().message);
  return vgchange_all(ctx, "-ay");
}

}  // namespace

Result<void> lvm_set_filter(Ctx& ctx, const std::vector<std::string>& devices) {
  return apply_filter(ctx, filter_rules(devices));
}

Result<void> lvm_clear_filter(Ctx& ctx) { return apply_filter(ctx, {"a/.*/"}); }

}  // namespace gfsd::domain
