// POSIX ACLs (acl_*), Linux file capabilities (cap_*) and the daemon's own
// SELinux context (getcon, setcon), each over its library's port.
#pragma once

#include <string>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

Result<std::string> acl_get_file(Ctx& ctx, const std::string& path, const std::string& acltype);
Result<void> acl_set_file(Ctx& ctx, const std::string& path, const std::string& acltype,
                          const std::string& acl);
Result<void> acl_delete_def_file(Ctx& ctx, const std::string& dir);

Result<std::string> cap_get_file(Ctx& ctx, const std::string& path);
Result<void> cap_set_file(Ctx& ctx, const std::string& path, const std::string& cap);

Result<std::string> getcon(Ctx& ctx);
Result<void> setcon(Ctx& ctx, const std::string& context);

}  // namespace gfsd::domain
