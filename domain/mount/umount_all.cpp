#include <algorithm>
#include <string>
#include <vector>

#include "domain/mount/mount_ops.hpp"

namespace gfsd::domain {

namespace {

bool at_or_below(const std::string& target, const std::string& root) {
  if (!root.empty() && target == root) return true;
  return target.size() > root.size() && target.compare(0, root.size(), root) == 0 &&
         target[root.size()] == '/';
}

}  // namespace

Result<void> umount_all(Ctx& ctx) {
  auto mounts = ctx.mounts.list();
  if (!mounts) return forward(mounts.error());
  std::vector<std::string> targets;
  for (const auto& m : *mounts)
    if (at_or_below(m.target, ctx.config.sysroot)) targets.push_back(m.target);
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
