// For the few libraries and tools that can only be handed a host path name
// (hivex, the xfs shell scripts): the guest path with
// its symlinks resolved inside the sysroot first, so that the name they open
// has none left to lead them out. A runner GuestArg (a pinned descriptor) is
// stronger and is preferred wherever a program accepts /proc/self/fd paths.
#pragma once

#include <string>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// sysroot + the canonical guest path. A path that does not exist yet (a file
// to create) keeps its last component, after its resolved parent. An entry
// that exists but cannot be resolved (a dangling symlink, a loop) is an error:
// whatever it names is not to be created or opened.
Result<std::string> resolved_host_path(Ctx& ctx, const std::string& guest_path);

}  // namespace gfsd::domain
