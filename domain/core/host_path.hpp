// Host names of guest paths. Two helpers, and only these two, may join the
// sysroot to a guest path (tests/tools/check_sysroot_joins.sh enforces it):
//
//  - resolved_host_path: for the few libraries and tools that can only be
//    handed a host path name (augeas, hivex, umount(8), the xfs shell
//    scripts). The guest path has its symlinks resolved inside the sysroot
//    first, so the name they get has none left to lead them out. Anything
//    that cannot be resolved is an error, never a fallback. A runner GuestArg
//    (a pinned descriptor) is stronger and is preferred wherever a program
//    accepts /proc/self/fd paths.
//    unfollowed_host_path is its variant for the calls that must see a symlink
//    in the last component itself (libcap's cap_set_file, an inotify watch
//    with IN_DONT_FOLLOW): the directory resolved, the last name kept.
//  - host_name_for_message: only shapes the name the original daemon prints
//    in an error message ("/sysroot/a/b"). Never opened, never passed on.
#pragma once

#include <string>
#include <string_view>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// sysroot + the canonical guest path. A path that does not exist yet (a file
// to create) keeps its last component, after its resolved parent. An entry
// that exists but cannot be resolved (a dangling symlink, a loop) is an error:
// whatever it names is not to be created or opened.
Result<std::string> resolved_host_path(Ctx& ctx, const std::string& guest_path);

// The host name of the entry a guest path names itself: its directory resolved
// as above, its last component kept as it is. A path ending in "/", "." or ".."
// names a directory and is resolved whole, as the kernel would follow it anyway.
Result<std::string> unfollowed_host_path(Ctx& ctx, const std::string& guest_path);

// sysroot + guest_path as text, for messages only.
std::string host_name_for_message(const Ctx& ctx, std::string_view guest_path);

}  // namespace gfsd::domain
