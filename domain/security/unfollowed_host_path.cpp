#include "domain/security/unfollowed_host_path.hpp"

#include "domain/core/host_path.hpp"

namespace gfsd::domain {

Result<std::string> unfollowed_host_path(Ctx& ctx, const std::string& guest_path) {
  const size_t slash = guest_path.find_last_of('/');
  if (slash == std::string::npos) return resolved_host_path(ctx, guest_path);
  const std::string base = guest_path.substr(slash + 1);
  if (base.empty() || base == "." || base == "..") return resolved_host_path(ctx, guest_path);
  auto dir = resolved_host_path(ctx, slash == 0 ? std::string("/") : guest_path.substr(0, slash));
  if (!dir) return dir;
  if (dir->empty() || dir->back() != '/') dir->push_back('/');
  return *dir + base;
}

}  // namespace gfsd::domain
