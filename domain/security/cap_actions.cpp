// cap_get_file, cap_set_file: libcap on the file the guest path names.
#include <cerrno>

#include "domain/core/host_path.hpp"
#include "domain/security/library_errors.hpp"
#include "domain/security/security_actions.hpp"
#include "ports/capabilities.hpp"

namespace gfsd::domain {

Result<std::string> cap_get_file(Ctx& ctx, const std::string& path) {
  if (ctx.caps == nullptr) return security::no_library("linuxcaps");
  auto host = resolved_host_path(ctx, path);
  if (!host) return fail_errno(host.error().errnum, path);
  auto text = ctx.caps->get(*host);
  if (text) return text;
  // No capability attribute: an empty set, as getcap(8) shows it (RHBZ#989356).
  if (text.error().message.empty() && text.error().errnum == ENODATA) return std::string();
  return security::about_path(path, text.error());
}

Result<void> cap_set_file(Ctx& ctx, const std::string& path, const std::string& cap) {
  if (ctx.caps == nullptr) return security::no_library("linuxcaps");
  // The text is judged before the file is looked at, as the original did.
  auto parsed = ctx.caps->parse(cap);
  if (!parsed)
    return fail_with(parsed.error().errnum,
                     "could not parse cap string: " + cap + ": " + parsed.error().message);
  // libcap refuses a symlink rather than follow it: it must see the link.
  auto host = unfollowed_host_path(ctx, path);
  if (!host) return fail_errno(host.error().errnum, path);
  auto r = ctx.caps->set(*host, **parsed);
  if (!r) return security::about_path(path, r.error());
  return {};
}

}  // namespace gfsd::domain
