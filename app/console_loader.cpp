#include "app/console_loader.hpp"

#include <cerrno>
#include <climits>
#include <cstring>
#include <dlfcn.h>
#include <unistd.h>

#ifndef GUESTFSD_MODULE_DIR
#define GUESTFSD_MODULE_DIR "/usr/lib/guestfsd"
#endif

namespace gfsd::app {

namespace {

std::string executable_dir() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<size_t>(n));
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string describe(const adapters::ConsoleAbiStamp& s) {
  return "ABI " + std::to_string(s.abi) + ", " + std::to_string(s.ctx_size) + "/" +
         std::to_string(s.dispatcher_size) + "/" + std::to_string(s.request_size) +
         " bytes, compiler " + (s.compiler ? s.compiler : "?");
}

bool same(const adapters::ConsoleAbiStamp& a, const adapters::ConsoleAbiStamp& b) {
  return a.abi == b.abi && a.ctx_size == b.ctx_size && a.dispatcher_size == b.dispatcher_size &&
         a.request_size == b.request_size && a.compiler && b.compiler &&
         std::strcmp(a.compiler, b.compiler) == 0;
}

}  // namespace

std::vector<std::string> console_module_candidates() {
  std::vector<std::string> out;
  const std::string here = executable_dir();
  if (!here.empty()) out.push_back(here + "/" + adapters::kConsoleModuleFile);
  const std::string installed = std::string(GUESTFSD_MODULE_DIR) + "/" + adapters::kConsoleModuleFile;
  if (out.empty() || out.front() != installed) out.push_back(installed);
  return out;
}

Result<std::unique_ptr<adapters::DebugConsole>> start_console_module(
    const adapters::ConsoleRequest& request) {
  const auto candidates = console_module_candidates();
  std::string path;
  for (const auto& candidate : candidates)
    if (::access(candidate.c_str(), F_OK) == 0) {
      path = candidate;
      break;
    }
  if (path.empty()) {
    std::string looked;
    for (const auto& candidate : candidates) looked += (looked.empty() ? "" : ", ") + candidate;
    return fail_with(ENOENT, std::string("--grpc: the gRPC console module is not installed (looked for ") +
                            looked + "); build guestfsd with gRPC (CMake GUESTFSD_GRPC) and install " +
                            adapters::kConsoleModuleFile + " beside it");
  }
  // Never closed: its server threads and static objects live as long as the daemon.
  void* module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!module) return fail_with(ENOEXEC, "--grpc: cannot load " + path + ": " + ::dlerror());
  auto stamp = reinterpret_cast<adapters::ConsoleStampFn>(::dlsym(module, adapters::kConsoleStampSymbol));
  auto start = reinterpret_cast<adapters::ConsoleStartFn>(::dlsym(module, adapters::kConsoleStartSymbol));
  if (!stamp || !start)
    return fail_with(ENOEXEC, "--grpc: " + path + " is not a guestfsd console module");
  const adapters::ConsoleAbiStamp mine{};
  const adapters::ConsoleAbiStamp theirs = stamp();
  if (!same(mine, theirs))
    return fail_with(ENOEXEC, "--grpc: " + path + " was built for another guestfsd (" + describe(theirs) +
                             "; this daemon: " + describe(mine) + "); install the module built with it");
  return start(request);
}

}  // namespace gfsd::app
