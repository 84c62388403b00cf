// list_9p, mount_9p: libguestfs 1.48 removed 9p support and left the two
// actions failing. The original worded the failure like a system error, but
// with errno still 0 from the dispatcher: so the text ends in strerror(0)
// ("Success") and no errno travels with it.
#include "domain/system/misc_actions.hpp"

namespace gfsd::domain {

namespace {
constexpr const char* kRemoved = "9p support was removed in libguestfs 1.48: Success";
}

Result<std::vector<std::string>> list_9p(Ctx&) { return fail(kRemoved); }

Result<void> mount_9p(Ctx&, const std::string&, const std::string&, const api::opt::mount_9p&) {
  return fail(kRemoved);
}

}  // namespace gfsd::domain
