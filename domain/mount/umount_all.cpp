#include <algorithm>
#include <string>
#include <vector>

#include "domain/core/sysroot_mounts.hpp"
#include "domain/mount/mount_ops.hpp"

namespace gfsd::domain {

Result<void> umount_all(Ctx& ctx) {
  auto mounts = sysroot_mounts(ctx);
  if (!mounts) return forward(mounts.error());
  std::vector<std::string> targets;
  for (const auto& m : *mounts) targets.push_back(m.host_target);
  // Deepest first, so that nested mounts go before their parents.
  std::stable_sort(targets.begin(), targets.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const auto& t : targets) {
    auto r = ctx.mounts.umount(t, false, false);
    if (!r) return fail_with(r.error().errnum, "umount: " + t + ": " + r.error().message);
  }
  return {};
}

void sync_disks(Ctx& ctx) {
  (void)ctx.fs.sync();
  ctx.devices.flush_all_disks();
}

}  // namespace gfsd::domain
