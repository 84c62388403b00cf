// findfs_label, findfs_uuid: the device holding a filesystem, by findfs(8).
// An LV comes back under its /dev/VG/LV name, as the original gave it.
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/fs/fs_actions.hpp"
#include "domain/lvm/lvm_actions.hpp"

namespace gfsd::domain {

namespace {

Result<std::string> findfs(Ctx& ctx, const std::string& tag, const std::string& value) {
  // blkid's caches could name devices as they were: findfs must probe.
  ctx.devices.remove_file("/etc/blkid/blkid.tab");
  ctx.devices.remove_file("/run/blkid/blkid.tab");
  auto out = run_or_fail_exit_status(ctx, {"findfs", tag + "=" + value});
  if (!out) return forward(out.error());
  std::string device = trim_ocaml(*out);
  if (device.rfind("/dev/mapper/", 0) != 0 && device.rfind("/dev/dm-", 0) != 0) return device;
  auto lv = lv_canonical(ctx, device);
  if (!lv) return forward(lv.error());
  // A device-mapper device that is no LV (LUKS, say) is returned as it is.
  return lv->value_or(device);
}

}  // namespace

Result<std::string> findfs_uuid(Ctx& ctx, const std::string& uuid) {
  return findfs(ctx, "UUID", uuid);
}

Result<std::string> findfs_label(Ctx& ctx, const std::string& label) {
  return findfs(ctx, "LABEL", label);
}

}  // namespace gfsd::domain
