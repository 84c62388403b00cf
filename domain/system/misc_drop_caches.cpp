// drop_caches: flush everything, then ask the kernel to drop its caches.
#include "domain/mount/mount_ops.hpp"
#include "domain/system/misc_actions.hpp"

namespace gfsd::domain {

namespace {
constexpr const char* kDropCaches = "/proc/sys/vm/drop_caches";
}

Result<void> drop_caches(Ctx& ctx, int32_t whattodrop) {
  // What is dirty must reach the disks first, or it cannot be dropped.
  sync_disks(ctx);
  // The kernel judges the number (1, 2, 3, 4 pass; 0 and -1 are EINVAL when
  // written). The original wrote through stdio, so a refused write and a
  // failed open both read "/proc/sys/vm/drop_caches: <strerror>".
  auto r = ctx.devices.write_file(kDropCaches, std::to_string(whattodrop));
  if (!r) return fail_errno(r.error().errnum, kDropCaches);
  return {};
}

}  // namespace gfsd::domain
