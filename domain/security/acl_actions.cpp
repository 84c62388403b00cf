// acl_get_file, acl_set_file, acl_delete_def_file: libacl on the file the
// guest path names, its symlinks resolved inside the sysroot.
#include "domain/core/host_path.hpp"
#include "domain/security/library_errors.hpp"
#include "domain/security/security_actions.hpp"
#include "ports/acl.hpp"

namespace gfsd::domain {

namespace {

Result<ports::AclType> acl_type(const std::string& acltype) {
  if (acltype == "access") return ports::AclType::Access;
  if (acltype == "default") return ports::AclType::Default;
  return fail("invalid acltype parameter: " + acltype);
}

// The host name libacl is given; an error is worded as libacl's own would be.
Result<std::string> acl_host_path(Ctx& ctx, const std::string& path) {
  auto host = resolved_host_path(ctx, path);
  if (!host) return fail_errno(host.error().errnum, path);
  return host;
}

}  // namespace

Result<std::string> acl_get_file(Ctx& ctx, const std::string& path, const std::string& acltype) {
  auto type = acl_type(acltype);
  if (!type) return forward(type.error());
  if (ctx.acls == nullptr) return security::no_library("acl");
  auto host = acl_host_path(ctx, path);
  if (!host) return forward(host.error());
  auto text = ctx.acls->get(*host, *type);
  if (!text) return security::about_path(path, text.error());
  return text;
}

Result<void> acl_set_file(Ctx& ctx, const std::string& path, const std::string& acltype,
                          const std::string& acl) {
  auto type = acl_type(acltype);
  if (!type) return forward(type.error());
  if (ctx.acls == nullptr) return security::no_library("acl");
  // The text is judged before the file is looked at, as the original did.
  auto parsed = ctx.acls->parse(acl);
  if (!parsed)
    return fail_with(parsed.error().errnum,
                     "could not parse acl string: " + acl + ": " + parsed.error().message);
  auto host = acl_host_path(ctx, path);
  if (!host) return forward(host.error());
  auto r = ctx.acls->set(*host, *type, **parsed);
  if (!r) return security::about_path(path, r.error());
  return {};
}

Result<void> acl_delete_def_file(Ctx& ctx, const std::string& dir) {
  if (ctx.acls == nullptr) return security::no_library("acl");
  auto host = acl_host_path(ctx, dir);
  if (!host) return forward(host.error());
  auto r = ctx.acls->delete_default(*host);
  if (!r) return security::about_path(dir, r.error());
  return {};
}

}  // namespace gfsd::domain
