#include "domain/core/sysroot_mounts.hpp"

namespace gfsd::domain {

namespace {

// The guest path of a host mount point, or "" when it is not at or below root.
std::string guest_path_of(const std::string& target, const std::string& root) {
  if (!ports::mount_is_under(target, root)) return "";
  return target == root ? "/" : target.substr(root.size());
}

}  // namespace

Result<std::vector<SysrootMount>> sysroot_mounts(Ctx& ctx) {
  auto list = ctx.mounts.list();
  if (!list) return forward(list.error());
  std::vector<SysrootMount> out;
  for (const auto& m : *list) {
    std::string guest = guest_path_of(m.target, ctx.config.sysroot);
    if (!guest.empty()) out.push_back({m.source, m.target, std::move(guest), m.fstype});
  }
  return out;
}

bool anything_mounted_in_sysroot(Ctx& ctx) {
  auto mounted = ctx.mounts.has_mounts_under(ctx.config.sysroot);
  return mounted && *mounted;
}

}  // namespace gfsd::domain
