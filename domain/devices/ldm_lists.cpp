// Windows dynamic disk (LDM) volumes and partitions, as ldmtool made them:
// every /dev/mapper/ldm_vol_* and ldm_part_* node (ldmtool cannot say which
// names it made), sorted.
#include <algorithm>

#include "domain/devices/device_actions.hpp"

namespace gfsd::domain {

namespace {

Result<std::vector<std::string>> mapper_names_with_prefix(Ctx& ctx, const std::string& prefix) {
  std::vector<std::string> out;
  // No device-mapper at all is no error.
  if (ctx.devices.kind("/dev/mapper") != ports::DeviceKind::Directory) return out;
  auto names = ctx.devices.list_dir("/dev/mapper");
  // The original read the directory with OCaml's Sys.readdir: no errno.
  if (!names) return fail(names.error().message);
  for (const auto& n : *names)
    if (n.rfind(prefix, 0) == 0) out.push_back("/dev/mapper/" + n);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Result<std::vector<std::string>> list_ldm_volumes(Ctx& ctx) {
  return mapper_names_with_prefix(ctx, "ldm_vol_");
}

Result<std::vector<std::string>> list_ldm_partitions(Ctx& ctx) {
  return mapper_names_with_prefix(ctx, "ldm_part_");
}

}  // namespace gfsd::domain
