// The BSDs, the Hurd and Minix.
#include <regex>

#include "domain/inspect/architecture.hpp"
#include "domain/inspect/fstab.hpp"
#include "domain/inspect/guest_files.hpp"
#include "domain/inspect/hostname.hpp"
#include "domain/inspect/unix_roots.hpp"

namespace gfsd::domain::inspect {

namespace {

// Architecture, fstab (known to exist: the caller checked) and rc.conf host name.
Result<void> bsd_common(Ctx& ctx, InspectDeps& deps, const api::Mountable& root, OsType os_type,
                        InspectionData& data) {
  data.arch = check_architecture(ctx);
  auto fstab = check_fstab(ctx, deps, root, os_type, false);
  if (!fstab) return forward(fstab.error());
  data.fstab = std::move(*fstab);
  data.hostname = check_hostname_freebsd(ctx);
  return {};
}

}  // namespace

// FreeBSD has no release file; the first line of /etc/motd names the version.
Result<void> check_freebsd_root(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                                InspectionData& data) {
  data.os_type = OsType::FreeBsd;
  data.distro = Distro::FreeBsd;
  if (guest_is_file(ctx, "/etc/motd", true))
    (void)parse_generic_file(ctx, "/etc/motd", Distro::FreeBsd, nullptr, data);
  return bsd_common(ctx, deps, root, OsType::FreeBsd, data);
}

Result<void> check_netbsd_root(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                               InspectionData& data) {
  static const std::regex netbsd(R"(^NetBSD (\d+)\.(\d+))");
  data.os_type = OsType::NetBsd;
  data.distro = Distro::NetBsd;
  if (guest_is_file(ctx, "/etc/release", true))
    (void)parse_generic_file(ctx, "/etc/release", Distro::NetBsd, &netbsd, data);
  return bsd_common(ctx, deps, root, OsType::NetBsd, data);
}

// The original reports OpenBSD guests as FreeBSD ones (type and distro), and
// we answer the same.
Result<void> check_openbsd_root(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                                InspectionData& data) {
  return check_freebsd_root(ctx, deps, root, data);
}

// Minix: version from /etc/version (no distro), no fstab mapping.
void check_minix_root(Ctx& ctx, InspectionData& data) {
  static const std::regex minix(R"(^(\d+)\.(\d+)(\.(\d+))?)");
  data.os_type = OsType::Minix;
  if (guest_is_file(ctx, "/etc/version", true)) {
    (void)parse_generic_file(ctx, "/etc/version", Distro::Meego, &minix, data);
    data.distro.reset();
  }
  data.arch = check_architecture(ctx);
  data.hostname = hostname_from_file(ctx, "/etc/hostname.file");
}

}  // namespace gfsd::domain::inspect
