// Daemon housekeeping: liveness, feature groups, autosync at shutdown.
#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "domain/internal/features.hpp"
#include "domain/mount/mount_ops.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

Result<void> ping_daemon(Ctx&) { return {}; }

Result<std::string> echo_daemon(Ctx&, const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += ' ';
    out += words[i];
  }
  return out;
}

// Note the inverted sense: 0 = available, 1 = not available, 2 = unknown group.
Result<int32_t> internal_feature_available(Ctx& ctx, const std::string& group) {
  return static_cast<int32_t>(optgroup_availability(ctx, group));
}

Result<std::vector<std::string>> available_all_groups(Ctx&) { return all_optgroups(); }

// Called by the library at shutdown: unmount the guest (not in live mode,
// where the filesystems are the running system's) and flush the disks.
Result<void> internal_autosync(Ctx& ctx) {
  Result<void> r;
  if (!ctx.config.live) r = umount_all(ctx);
  sync_disks(ctx);
  return r;
}

// Reply first, then stop: the session ends after sending the reply.
Result<void> internal_exit(Ctx& ctx) {
  ctx.state.exit_requested = true;
  return {};
}

void register_internal(api::Handlers& h) {
  h.ping_daemon = &ping_daemon;
  h.echo_daemon = &echo_daemon;
  h.internal_feature_available = &internal_feature_available;
  h.available_all_groups = &available_all_groups;
  h.internal_autosync = &internal_autosync;
  h.internal_exit = &internal_exit;
}

}  // namespace gfsd::domain
