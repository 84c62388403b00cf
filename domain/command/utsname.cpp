#include "domain/command/command_actions.hpp"

namespace gfsd::domain {

Result<api::Utsname> utsname(Ctx& ctx) {
  auto u = ctx.host.uname();
  if (!u) return forward(u.error());
  return api::Utsname{u->sysname, u->release, u->version, u->machine};
}

}  // namespace gfsd::domain
