#include "domain/core/host_path.hpp"

namespace gfsd::domain {

Result<std::string> resolved_host_path(Ctx& ctx, const std::string& guest_path) {
  const std::string& root = ctx.config.sysroot;
  auto whole = ctx.fs.realpath(guest_path);
  if (whole) return root + *whole;
  if (ctx.fs.stat(guest_path, false)) return forward(whole.error());  // exists, unresolvable
  const size_t slash = guest_path.find_last_of('/');
  if (slash == std::string::npos) return forward(whole.error());
  const std::string base = guest_path.substr(slash + 1);
  if (base.empty() || base == "." || base == "..") return forward(whole.error());
  auto parent = ctx.fs.realpath(slash == 0 ? "/" : guest_path.substr(0, slash));
  if (!parent) return forward(parent.error());
  return root + (*parent == "/" ? "" : *parent) + "/" + base;
}

}  // namespace gfsd::domain

namespace gfsd::domain {

std::string host_name_for_message(const Ctx& ctx, std::string_view guest_path) {
  std::string name = ctx.config.sysroot;
  name += guest_path;
  return name;
}

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
