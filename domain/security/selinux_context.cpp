// getcon, setcon: the daemon process's own SELinux context (deprecated
// actions, kept for old callers of selinux_relabel's predecessors).
#include "domain/security/library_errors.hpp"
#include "domain/security/security_actions.hpp"
#include "ports/selinux.hpp"

namespace gfsd::domain {

Result<std::string> getcon(Ctx& ctx) {
  if (ctx.selinux == nullptr) return security::no_library("selinux");
  auto context = ctx.selinux->current_context();
  if (!context) return fail_errno(context.error().errnum, "getcon");
  return context;
}

Result<void> setcon(Ctx& ctx, const std::string& context) {
  if (ctx.selinux == nullptr) return security::no_library("selinux");
  auto r = ctx.selinux->set_context(context);
  if (!r) return fail_errno(r.error().errnum, "setcon");
  return {};
}

}  // namespace gfsd::domain
