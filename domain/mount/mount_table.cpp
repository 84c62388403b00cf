#include <cerrno>
#include <utility>

#include "domain/lvm/lvm_actions.hpp"
#include "domain/mount/mount_actions.hpp"

namespace gfsd::domain {

namespace {

// The mounts at or below the sysroot, as (source, guest mount point), in
// kernel order. With an empty sysroot (live mode) that is every mount.
Result<std::vector<std::pair<std::string, std::string>>> sysroot_mounts(Ctx& ctx) {
  auto list = ctx.mounts.list();
  if (!list) return forward(list.error());
  const std::string& root = ctx.config.sysroot;
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& m : *list) {
    if (!root.empty() && m.target == root) {
      out.emplace_back(m.source, "/");
    } else if (m.target.size() > root.size() && m.target.compare(0, root.size(), root) == 0 &&
               m.target[root.size()] == '/') {
      out.emplace_back(m.source, m.target.substr(root.size()));
    }
  }
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
  auto ms = sysroot_mounts(ctx);
  if (!ms) return forward(ms.error());
  GFSD_TRY(canonical_lv_names(ctx, *ms));
  std::vector<std::string> out;
  for (auto& [source, mp] : *ms) out.push_back(std::move(source));
  return out;
}

Result<api::Hashtable> mountpoints(Ctx& ctx) {
  auto ms = sysroot_mounts(ctx);
  if (!ms) return forward(ms.error());
  GFSD_TRY(canonical_lv_names(ctx, *ms));
  return api::Hashtable(ms->begin(), ms->end());
}

}  // namespace gfsd::domain
