// How the library-backed actions of this area word their errors, as the
// original's reply_with_perror did.
#pragma once

#include <cerrno>
#include <string>

#include "ports/result.hpp"

namespace gfsd::domain::security {

// A failure of the library's call on the file comes from the port with an
// empty message (ports/acl.hpp, ports/capabilities.hpp): "<guest path>:
// <strerror>". Any other step's error is already worded.
inline tl::unexpected<Error> about_path(const std::string& path, const Error& e) {
  if (e.message.empty()) return fail_errno(e.errnum, path);
  return forward(e);
}

// Without the port (never in the daemon: the dispatcher refuses the group first).
inline tl::unexpected<Error> no_library(const char* group) {
  return fail_with(ENOTSUP, std::string("feature '") + group + "' is not available");
}

}  // namespace gfsd::domain::security
