// The host name of the entry a guest path names itself, for the calls that
// must not follow a symlink in its last component (libcap's cap_set_file
// refuses one; an inotify watch with IN_DONT_FOLLOW watches the link).
#pragma once

#include <string>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// Its directory resolved inside the sysroot (resolved_host_path), its last
// component kept as it is. A path ending in "/", "." or ".." names a
// directory and is resolved whole, as the kernel would follow it anyway.
Result<std::string> unfollowed_host_path(Ctx& ctx, const std::string& guest_path);

}  // namespace gfsd::domain
