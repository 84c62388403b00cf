// inotify_add_watch, inotify_rm_watch.
#include "domain/core/host_path.hpp"
#include "domain/inotify/inotify_actions.hpp"
#include "ports/inotify.hpp"

namespace gfsd::domain {

Result<int64_t> inotify_add_watch(Ctx& ctx, const std::string& path, int32_t mask) {
  auto port = inotify::need_inotify(ctx, "do_inotify_add_watch");
  if (!port) return forward(port.error());
  const auto bits = static_cast<uint32_t>(mask);
  // The kernel is handed a name with no symlink left to lead it out of the
  // sysroot (the original's sysroot + path let an absolute link reach the
  // appliance's own files). With IN_DONT_FOLLOW the link itself is watched.
  auto host = (bits & ports::kInotifyDontFollow) != 0 ? unfollowed_host_path(ctx, path)
                                                       : resolved_host_path(ctx, path);
  if (!host) return fail_errno(host.error().errnum, path);
  auto wd = (*port)->add_watch(*host, bits);
  if (!wd) return fail_errno(wd.error().errnum, path);
  return wd;
}

Result<void> inotify_rm_watch(Ctx& ctx, int32_t wd) {
  auto port = inotify::need_inotify(ctx, "do_inotify_rm_watch");
  if (!port) return forward(port.error());
  auto r = (*port)->rm_watch(wd);
  if (!r) return fail_errno(r.error().errnum, std::to_string(wd));
  return {};
}

}  // namespace gfsd::domain
