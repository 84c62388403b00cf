// Errno values travel as names ("ENOENT"), so they survive between systems.
#pragma once

#include <string>

namespace gfsd::proto {

// "" for 0; "EINVAL" for numbers the wire has no name for (as stock).
const char* errno_to_name(int errnum);
// 0 for ""; EINVAL for unknown names (as the library does).
int name_to_errno(const std::string& name);

}  // namespace gfsd::proto
