#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_output.hpp"

namespace gfsd::domain {

namespace {

// lvm CMD --unbuffered --noheadings -o FIELD NAME; errors "NAME: <stderr>".
Result<std::string> lvm_field(Ctx& ctx, const char* command, const char* field,
                              const std::string& name) {
  auto out =
      run_lvm_or_fail_stderr(ctx, {command, "--unbuffered", "--noheadings", "-o", field, name});
  if (!out) return fail(name + ": " + out.error().message);
  return out;
}

Result<std::vector<std::string>> lvm_field_lines(Ctx& ctx, const char* field,
                                                 const std::string& vgname) {
  auto out = lvm_field(ctx, "vgs", field, vgname);
  if (!out) return forward(out.error());
  auto lines = split_lines(*out);
  for (auto& l : lines) l = trim(l);
  return lines;
}

Result<std::string> lvm_field_trimmed(Ctx& ctx, const char* command, const char* field,
                                      const std::string& name) {
  auto out = lvm_field(ctx, command, field, name);
  if (!out) return forward(out.error());
  return trim(*out);
}

// "NAME: <stderr>" for the per-object uuid changes, stderr alone for "all".
Result<void> change_uuid(Ctx& ctx, std::vector<std::string> args, const std::string& name) {
  auto r = run_lvm_or_fail_stderr(ctx, args);
  if (!r) return fail(name.empty() ? r.error().message : name + ": " + r.error().message);
  ctx.devices.settle("");
  return {};
}

}  // namespace

Result<std::string> pvuuid(Ctx& ctx, const std::string& device) {
  return lvm_field_trimmed(ctx, "pvs", "pv_uuid", device);
}

Result<std::string> vguuid(Ctx& ctx, const std::string& vgname) {
  return lvm_field_trimmed(ctx, "vgs", "vg_uuid", vgname);
}

Result<std::string> lvuuid(Ctx& ctx, const std::string& device) {
  return lvm_field_trimmed(ctx, "lvs", "lv_uuid", device);
}

Result<std::vector<std::string>> vgpvuuids(Ctx& ctx, const std::string& vgname) {
  return lvm_field_lines(ctx, "pv_uuid", vgname);
}

Result<std::vector<std::string>> vglvuuids(Ctx& ctx, const std::string& vgname) {
  return lvm_field_lines(ctx, "lv_uuid", vgname);
}

Result<void> pvchange_uuid(Ctx& ctx, const std::string& device) {
  return change_uuid(ctx, {"pvchange", "-u", device}, device);
}

Result<void> pvchange_uuid_all(Ctx& ctx) { return change_uuid(ctx, {"pvchange", "-u", "-a"}, ""); }

Result<void> vgchange_uuid(Ctx& ctx, const std::string& vg) {
  return change_uuid(ctx, {"vgchange", "-u", vg}, vg);
}

Result<void> vgchange_uuid_all(Ctx& ctx) { return change_uuid(ctx, {"vgchange", "-u"}, ""); }

}  // namespace gfsd::domain
