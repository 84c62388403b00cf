// Is a device an LV? /dev/VG/LV, /dev/mapper/VG-LV and /dev/dm-N all name the
// same device-mapper node; the kernel knows nothing of LVM, so compare the
// device numbers with those of the LVs lvm lists.
#include <algorithm>
#include <cerrno>
#include <optional>

#include "domain/lvm/lvm_actions.hpp"

namespace gfsd::domain {

namespace {

Result<uint64_t> rdev_of(Ctx& ctx, const std::string& path) {
  auto r = ctx.devices.rdev(path);
  if (!r) return fail_errno(r.error().errnum, "stat: " + path);
  return r;
}

}  // namespace

Result<std::optional<std::string>> lv_canonical(Ctx& ctx, const std::string& device) {
  auto want = rdev_of(ctx, device);
  if (!want) return forward(want.error());
  auto lv_list = lvs(ctx);
  if (!lv_list) return forward(lv_list.error());
  for (const auto& lv : *lv_list) {
    auto have = rdev_of(ctx, lv);
    if (!have) return forward(have.error());
    if (*have == *want) return std::optional<std::string>(lv);
  }
  return std::optional<std::string>();
}

Result<bool> is_lv(Ctx& ctx, const api::Mountable& mountable) {
  if (mountable.type != api::MountableType::Device) return false;
  auto lv = lv_canonical(ctx, mountable.device);
  if (!lv) return forward(lv.error());
  return lv->has_value();
}

Result<std::string> lvm_canonical_lv_name(Ctx& ctx, const std::string& lvname) {
  // A plain string: /dev/mapper names need not exist, so check the form here.
  if (lvname.rfind("/dev/", 0) != 0) return fail(lvname + ": not a device name");
  auto lv = lv_canonical(ctx, lvname);
  if (!lv) return forward(lv.error());
  if (!lv->has_value()) return fail_with(EINVAL, lvname + ": not a logical volume");
  return **lv;
}

Result<std::vector<std::string>> list_dm_devices(Ctx& ctx) {
  auto names = ctx.devices.list_dir("/dev/mapper");
  if (!names) return fail(names.error().message);
  std::sort(names->begin(), names->end());
  std::vector<std::string> out;
  for (const auto& name : *names) {
    // "control" is device-mapper's own node.
    if (name == "control") continue;
    const std::string dev = "/dev/mapper/" + name;
    auto lv = lv_canonical(ctx, dev);
    if (!lv) return forward(lv.error());
    if (!lv->has_value()) out.push_back(dev);
  }
  return out;
}

}  // namespace gfsd::domain
