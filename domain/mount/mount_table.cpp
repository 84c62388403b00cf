#include <cerrno>
#include <utility>

#include "domain/core/sysroot_mounts.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/mount/mount_actions.hpp"

namespace gfsd::domain {

namespace {

// The mounts at or below the sysroot, as (source, guest mount point), in
// kernel order.
Result<std::vector<std::pair<std::string, std::string>>> guest_mounts(Ctx& ctx) {
  auto list = sysroot_mounts(ctx);
  if (!list) return forward(list.error());
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& m : *list) out.emplace_back(std::move(m.source), std::move(m.guest_path));
  return out;
}

// LVs are reported as /dev/VG/LV, not as the /dev/mapper or /dev/dm-N name
// the kernel shows; other device-mapper devices (LUKS) keep theirs.
Result<void> canonical_lv_names(Ctx& ctx,
                                std::vector<std::pair<std::string, std::string>>& mounts) {
  for (auto& [source, mp] : mounts) {
    if (source.rfind("/dev/mapper/", 0) != 0 && source.rfind("/dev/dm-", 0) != 0) continue;
    auto lv = lvm_canonical_lv_name(ctx, source);
    if (lv) {
      source = std::move(*lv);
    } else if (lv.error().errnum != EINVAL) {  // EINVAL: not an LV
      return forward(lv.error());
    }
  }
  return {};
}

}  // namespace

Result<std::vector<std::string>> mounts(Ctx& ctx) {
  auto ms = guest_mounts(ctx);
  if (!ms) return forward(ms.error());
  GFSD_TRY(canonical_lv_names(ctx, *ms));
  std::vector<std::string> out;
  for (auto& [source, mp] : *ms) out.push_back(std::move(source));
  return out;
}

Result<api::Hashtable> mountpoints(Ctx& ctx) {
  auto ms = guest_mounts(ctx);
  if (!ms) return forward(ms.error());
  GFSD_TRY(canonical_lv_names(ctx, *ms));
  return api::Hashtable(ms->begin(), ms->end());
}

}  // namespace gfsd::domain
