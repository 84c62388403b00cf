#include "adapters/acl/lib_acl.hpp"

#include <sys/acl.h>

#include <cerrno>
#include <memory>
#include <type_traits>

#include "adapters/posix/lazy_library.hpp"

namespace gfsd::adapters {

namespace {

#define ACL_FUNCTIONS(X) \
  X(acl_delete_def_file) \
  X(acl_free) \
  X(acl_from_text) \
  X(acl_get_file) \
  X(acl_set_file) \
  X(acl_to_text)

// Loaded on first use: library().get() in every entry point, then lib().
GFSD_LAZY_API(AclApi, ACL_FUNCTIONS, "libacl.so.1")

// A failure of the call on the file itself: the errno alone (ports/acl.hpp).
tl::unexpected<Error> file_failure() { return fail_with(errno, ""); }

acl_type_t native(ports::AclType type) {
  return type == ports::AclType::Default ? ACL_TYPE_DEFAULT : ACL_TYPE_ACCESS;
}

class LibParsedAcl final : public ports::ParsedAcl {
 public:
  explicit LibParsedAcl(acl_t acl) : acl_(acl) {}
  ~LibParsedAcl() override { lib().acl_free(acl_); }
  LibParsedAcl(const LibParsedAcl&) = delete;
  LibParsedAcl& operator=(const LibParsedAcl&) = delete;
  acl_t handle() const { return acl_; }

 private:
  acl_t acl_;
};

// An object libacl allocated, freed with acl_free when the scope ends.
struct AclFree {
  void operator()(void* p) const { lib().acl_free(p); }
};
template <class T>
using AclOwned = std::unique_ptr<std::remove_pointer_t<T>, AclFree>;

}  // namespace

bool LibAcl::available() { return library().get().has_value(); }

Result<std::unique_ptr<ports::ParsedAcl>> LibAcl::parse(const std::string& text) {
  if (auto api = library().get(); !api) return forward(api.error());
  errno = 0;
  acl_t acl = lib().acl_from_text(text.c_str());
  if (acl == nullptr) return fail_errno(errno, "acl_from_text");
  return std::unique_ptr<ports::ParsedAcl>(std::make_unique<LibParsedAcl>(acl));
}

Result<std::string> LibAcl::get(const std::string& host_path, ports::AclType type) {
  if (auto api = library().get(); !api) return forward(api.error());
  const AclOwned<acl_t> acl(lib().acl_get_file(host_path.c_str(), native(type)));
  if (!acl) return file_failure();
  // The long form, with no flags: what the original daemon answers.
  const AclOwned<char*> text(lib().acl_to_text(acl.get(), nullptr));
  if (!text) return fail_errno(errno, "acl_to_text");
  return std::string(text.get());
}

Result<void> LibAcl::set(const std::string& host_path, ports::AclType type,
                         const ports::ParsedAcl& acl) {
  if (auto api = library().get(); !api) return forward(api.error());
  // Only this adapter makes ParsedAcl objects.
  const auto& parsed = static_cast<const LibParsedAcl&>(acl);
  if (lib().acl_set_file(host_path.c_str(), native(type), parsed.handle()) == -1)
    return file_failure();
  return {};
}

Result<void> LibAcl::delete_default(const std::string& host_path) {
  if (auto api = library().get(); !api) return forward(api.error());
  if (lib().acl_delete_def_file(host_path.c_str()) == -1) return file_failure();
  return {};
}

}  // namespace gfsd::adapters
