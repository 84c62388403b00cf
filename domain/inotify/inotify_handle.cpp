// inotify_init, inotify_close: the descriptor's life.
#include "domain/core/arg_checks.hpp"
#include "domain/inotify/inotify_actions.hpp"
#include "ports/inotify.hpp"

namespace gfsd::domain {

namespace inotify {

Result<ports::Inotify*> need_inotify(Ctx& ctx, const char* function) {
  if (ctx.inotify == nullptr || !ctx.inotify->is_open())
    return fail(std::string(function) +
                ": you must call 'inotify_init' first to initialize inotify");
  return ctx.inotify;
}

}  // namespace inotify

namespace {
constexpr const char* kMaxQueuedEvents = "/proc/sys/fs/inotify/max_queued_events";
}

Result<void> inotify_init(Ctx& ctx, int32_t maxevents) {
  // The original asks for a mounted root here, though nothing below needs it.
  GFSD_TRY(check_root_mounted(ctx, "do_inotify_init"));
  if (maxevents < 0) return fail("max_events < 0");
  if (ctx.inotify == nullptr) return fail_with(ENOTSUP, "feature 'inotify' is not available");
  // The limit is the kernel's, for every descriptor made from now on.
  if (maxevents > 0) {
    auto r = ctx.inotify->set_max_queued_events(maxevents);
    if (!r) return fail_errno(r.error().errnum, kMaxQueuedEvents);
  }
  // A second init starts afresh: the old watches and unread events go.
  if (ctx.inotify->is_open()) {
    auto r = ctx.inotify->close();
    if (!r) return fail_errno(r.error().errnum, "close");
  }
  auto r = ctx.inotify->open();
  if (!r) return fail_errno(r.error().errnum, "inotify_init1");
  return {};
}

Result<void> inotify_close(Ctx& ctx) {
  auto port = inotify::need_inotify(ctx, "do_inotify_close");
  if (!port) return forward(port.error());
  auto r = (*port)->close();
  if (!r) return fail_errno(r.error().errnum, "close");
  return {};
}

}  // namespace gfsd::domain
