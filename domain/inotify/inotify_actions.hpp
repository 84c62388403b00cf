// inotify_*: the daemon's one inotify descriptor (kept by the port's
// adapter between calls), watches on guest paths and the events read back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

Result<void> inotify_init(Ctx& ctx, int32_t maxevents);
Result<void> inotify_close(Ctx& ctx);
Result<int64_t> inotify_add_watch(Ctx& ctx, const std::string& path, int32_t mask);
Result<void> inotify_rm_watch(Ctx& ctx, int32_t wd);
Result<std::vector<api::InotifyEvent>> inotify_read(Ctx& ctx);
Result<std::vector<std::string>> inotify_files(Ctx& ctx);

namespace inotify {

// The port, once inotify_init has opened a descriptor; otherwise the
// original's error, naming its C function (function: "do_inotify_read" ...).
Result<ports::Inotify*> need_inotify(Ctx& ctx, const char* function);

}  // namespace inotify

}  // namespace gfsd::domain
