// The ldmtool_* actions: ldmtool run with the original's arguments; a failure
// is its stderr as the reply, its stdout JSON is read by ldmtool_output.
#include <string>
#include <vector>

#include "domain/core/run_tool.hpp"
#include "domain/ldm/ldm_actions.hpp"
#include "domain/ldm/ldmtool_output.hpp"

namespace gfsd::domain {

namespace {

Result<std::string> ldmtool(Ctx& ctx, std::vector<std::string> args) {
  args.insert(args.begin(), "ldmtool");
  return run_or_fail_stderr(ctx, args);
}

Result<std::string> show_diskgroup(Ctx& ctx, const std::string& diskgroup) {
  return ldmtool(ctx, {"show", "diskgroup", diskgroup});
}

Result<std::string> show_volume(Ctx& ctx, const std::string& diskgroup, const std::string& volume) {
  return ldmtool(ctx, {"show", "volume", diskgroup, volume});
}

constexpr const char* kShowDiskgroup = "ldmtool show diskgroup";
constexpr const char* kShowVolume = "ldmtool show volume";

}  // namespace

Result<void> ldmtool_create_all(Ctx& ctx) {
  GFSD_TRY(ldmtool(ctx, {"create", "all"}));
  return {};
}

Result<void> ldmtool_remove_all(Ctx& ctx) {
  GFSD_TRY(ldmtool(ctx, {"remove", "all"}));
  return {};
}

Result<std::vector<std::string>> ldmtool_scan(Ctx& ctx) { return ldmtool_scan_devices(ctx, {}); }

Result<std::vector<std::string>> ldmtool_scan_devices(Ctx& ctx,
                                                      const std::vector<std::string>& devices) {
  std::vector<std::string> args{"scan"};
  args.insert(args.end(), devices.begin(), devices.end());
  auto out = ldmtool(ctx, std::move(args));
  if (!out) return forward(out.error());
  return ldm_string_list(*out, "ldmtool scan");
}

Result<std::string> ldmtool_diskgroup_name(Ctx& ctx, const std::string& diskgroup) {
  auto out = show_diskgroup(ctx, diskgroup);
  if (!out) return forward(out.error());
  return ldm_object_string(*out, "name", false, kShowDiskgroup);
}

Result<std::vector<std::string>> ldmtool_diskgroup_volumes(Ctx& ctx, const std::string& diskgroup) {
  auto out = show_diskgroup(ctx, diskgroup);
  if (!out) return forward(out.error());
  return ldm_object_string_list(*out, "volumes", kShowDiskgroup);
}

Result<std::vector<std::string>> ldmtool_diskgroup_disks(Ctx& ctx, const std::string& diskgroup) {
  auto out = show_diskgroup(ctx, diskgroup);
  if (!out) return forward(out.error());
  return ldm_object_string_list(*out, "disks", kShowDiskgroup);
}

Result<std::string> ldmtool_volume_type(Ctx& ctx, const std::string& diskgroup,
                                        const std::string& volume) {
  auto out = show_volume(ctx, diskgroup, volume);
  if (!out) return forward(out.error());
  return ldm_object_string(*out, "type", false, kShowVolume);
}

// A volume without a drive letter hint has null there: an empty string.
Result<std::string> ldmtool_volume_hint(Ctx& ctx, const std::string& diskgroup,
                                        const std::string& volume) {
  auto out = show_volume(ctx, diskgroup, volume);
  if (!out) return forward(out.error());
  return ldm_object_string(*out, "hint", true, kShowVolume);
}

Result<std::vector<std::string>> ldmtool_volume_partitions(Ctx& ctx, const std::string& diskgroup,
                                                           const std::string& volume) {
  auto out = show_volume(ctx, diskgroup, volume);
  if (!out) return forward(out.error());
  return ldm_object_string_list(*out, "partitions", kShowVolume);
}

}  // namespace gfsd::domain
