#include "adapters/selinux/lib_selinux.hpp"

#include <selinux/selinux.h>

#include <cerrno>

#include "adapters/posix/lazy_library.hpp"

namespace gfsd::adapters {

namespace {

#define SELINUX_FUNCTIONS(X) \
  X(freecon) \
  X(getcon) \
  X(setcon)

// Loaded on first use: library().get() in every entry point, then lib().
GFSD_LAZY_API(SELinuxApi, SELINUX_FUNCTIONS, "libselinux.so.1")

}  // namespace

bool LibSELinux::available() { return library().get().has_value(); }

Result<std::string> LibSELinux::current_context() {
  if (auto api = library().get(); !api) return forward(api.error());
  char* context = nullptr;
  if (lib().getcon(&context) == -1) return fail_with(errno, "");
  // With no module answering, libselinux reports success and no context
  // (where the original would have crashed): an empty one.
  std::string out(context != nullptr ? context : "");
  lib().freecon(context);
  return out;
}

Result<void> LibSELinux::set_context(const std::string& context) {
  if (auto api = library().get(); !api) return forward(api.error());
  if (lib().setcon(context.c_str()) == -1) return fail_with(errno, "");
  return {};
}

}  // namespace gfsd::adapters
