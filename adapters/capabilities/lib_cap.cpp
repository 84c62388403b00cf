#include "adapters/capabilities/lib_cap.hpp"

#include <sys/capability.h>

#include <cerrno>
#include <memory>
#include <type_traits>

#include "adapters/posix/lazy_library.hpp"

namespace gfsd::adapters {

namespace {

#define CAP_FUNCTIONS(X) \
  X(cap_free) \
  X(cap_from_text) \
  X(cap_get_file) \
  X(cap_set_file) \
  X(cap_to_text)

// Loaded on first use: library().get() in every entry point, then lib().
GFSD_LAZY_API(CapApi, CAP_FUNCTIONS, "libcap.so.2")

// A failure of the call on the file itself: the errno alone (ports/capabilities.hpp).
tl::unexpected<Error> file_failure() { return fail_with(errno, ""); }

class LibParsedCaps final : public ports::ParsedCaps {
 public:
  explicit LibParsedCaps(cap_t caps) : caps_(caps) {}
  ~LibParsedCaps() override { lib().cap_free(caps_); }
  LibParsedCaps(const LibParsedCaps&) = delete;
  LibParsedCaps& operator=(const LibParsedCaps&) = delete;
  cap_t handle() const { return caps_; }

 private:
  cap_t caps_;
};

// An object libcap allocated, freed with cap_free when the scope ends.
struct CapFree {
  void operator()(void* p) const { lib().cap_free(p); }
};
template <class T>
using CapOwned = std::unique_ptr<std::remove_pointer_t<T>, CapFree>;

}  // namespace

bool LibCap::available() { return library().get().has_value(); }

Result<std::unique_ptr<ports::ParsedCaps>> LibCap::parse(const std::string& text) {
  if (auto api = library().get(); !api) return forward(api.error());
  errno = 0;
  cap_t caps = lib().cap_from_text(text.c_str());
  if (caps == nullptr) return fail_errno(errno, "cap_from_text");
  return std::unique_ptr<ports::ParsedCaps>(std::make_unique<LibParsedCaps>(caps));
}

Result<std::string> LibCap::get(const std::string& host_path) {
  if (auto api = library().get(); !api) return forward(api.error());
  const CapOwned<cap_t> caps(lib().cap_get_file(host_path.c_str()));
  if (!caps) return file_failure();
  const CapOwned<char*> text(lib().cap_to_text(caps.get(), nullptr));
  if (!text) return fail_errno(errno, "cap_to_text");
  return std::string(text.get());
}

Result<void> LibCap::set(const std::string& host_path, const ports::ParsedCaps& caps) {
  if (auto api = library().get(); !api) return forward(api.error());
  // Only this adapter makes ParsedCaps objects.
  const auto& parsed = static_cast<const LibParsedCaps&>(caps);
  if (lib().cap_set_file(host_path.c_str(), parsed.handle()) == -1) return file_failure();
  return {};
}

}  // namespace gfsd::adapters
