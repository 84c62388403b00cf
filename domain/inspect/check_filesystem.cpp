#include "domain/inspect/check_filesystem.hpp"

#include "domain/inspect/guest_files.hpp"
#include "domain/inspect/unix_roots.hpp"
#include "domain/inspect/windows.hpp"

namespace gfsd::domain::inspect {

namespace {

bool is_symlink_to(Ctx& ctx, const std::string& path, const std::string& target) {
  if (!guest_is_symlink(ctx, path)) return false;
  auto link = ctx.fs.readlink(path);
  return link && *link == target;
}

bool is_dir(Ctx& ctx, const char* path) { return guest_is_dir(ctx, path); }
bool is_file(Ctx& ctx, const char* path) { return guest_is_file(ctx, path); }

// Mounts read-only on the sysroot; BSD ufs needs its variant named.
bool mount_for_inspection(InspectDeps& deps, const api::Mountable& m,
                          const std::string& vfs_type) {
  if (vfs_type == "ufs") {
    // FreeBSD uses ufs2; NetBSD and OpenBSD 44bsd.
    return deps.mount_root("ro,ufstype=ufs2", "ufs", m).has_value() ||
           deps.mount_root("ro,ufstype=44bsd", "ufs", m).has_value();
  }
  return deps.mount_root("ro", "", m).has_value();
}

}  // namespace

Result<std::optional<Fs>> check_for_filesystem_on(Ctx& ctx, InspectDeps& deps,
                                                  const api::Mountable& mountable,
                                                  const std::string& vfs_type) {
  ctx.log.debug("check_for_filesystem_on: " + mountable_to_string(mountable) + " (" + vfs_type +
                ")");
  if (vfs_type == "swap") return std::optional<Fs>(Fs{mountable, vfs_type, Role::Swap, {}});
  if (!mount_for_inspection(deps, mountable, vfs_type)) return std::optional<Fs>();
  auto fs = check_filesystem(ctx, deps, mountable);
  if (!fs) return forward(fs.error());
  GFSD_TRY(deps.umount_all());
  fs->vfs_type = vfs_type;
  return std::optional<Fs>(std::move(*fs));
}

Result<Fs> check_filesystem(Ctx& ctx, InspectDeps& deps, const api::Mountable& mountable) {
  Fs fs{mountable, "", Role::Other, {}};
  InspectionData& data = fs.data;
  auto matched = [&](const char* what) {
    ctx.log.debug("check_filesystem: " + mountable_to_string(mountable) + " matched " + what);
  };
  Result<void> r;

  if (is_file(ctx, "/grub/menu.lst") || is_file(ctx, "/grub/grub.conf") ||
      is_file(ctx, "/grub2/grub.cfg")) {
    matched("Grub /boot");
  } else if (is_dir(ctx, "/etc") && is_dir(ctx, "/bin") &&
             is_file(ctx, "/etc/freebsd-update.conf") && is_file(ctx, "/etc/fstab")) {
    fs.role = Role::Root;
    matched("FreeBSD root");
    r = check_freebsd_root(ctx, deps, mountable, data);
  } else if (is_dir(ctx, "/etc") && is_dir(ctx, "/bin") && is_file(ctx, "/netbsd") &&
             is_file(ctx, "/etc/fstab") && is_file(ctx, "/etc/release")) {
    fs.role = Role::Root;
    matched("NetBSD root");
    r = check_netbsd_root(ctx, deps, mountable, data);
  } else if (is_dir(ctx, "/etc") && is_dir(ctx, "/bin") && is_file(ctx, "/bsd") &&
             is_file(ctx, "/etc/fstab") && is_file(ctx, "/etc/motd")) {
    fs.role = Role::Root;
    matched("OpenBSD root");
    r = check_openbsd_root(ctx, deps, mountable, data);
  } else if (is_file(ctx, "/hurd/console") && is_file(ctx, "/hurd/hello") &&
             is_file(ctx, "/hurd/null")) {
    fs.role = Role::Root;
    matched("Hurd root");
    r = check_hurd_root(ctx, deps, mountable, data);
  } else if (is_dir(ctx, "/etc") && is_dir(ctx, "/bin") && is_file(ctx, "/service/vm") &&
             is_file(ctx, "/etc/fstab") && is_file(ctx, "/etc/version")) {
    fs.role = Role::Root;
    matched("Minix root");
    check_minix_root(ctx, data);
  } else if (is_dir(ctx, "/etc") && (is_dir(ctx, "/bin") || is_symlink_to(ctx, "/bin", "usr/bin")) &&
             (is_file(ctx, "/etc/fstab") || is_file(ctx, "/etc/hosts"))) {
    fs.role = Role::Root;
    matched("Linux root");
    r = check_linux_root(ctx, deps, mountable, data);
  } else if (is_dir(ctx, "/etc") && is_dir(ctx, "/root") && is_dir(ctx, "/home") &&
             is_dir(ctx, "/usr") && is_file(ctx, "/etc/coreos/update.conf")) {
    fs.role = Role::Root;
    matched("CoreOS root");
    r = check_coreos_root(ctx, mountable, data);
  } else if (is_dir(ctx, "/etc") && is_dir(ctx, "/bin") && is_dir(ctx, "/share") &&
             !is_dir(ctx, "/local") && !is_file(ctx, "/etc/fstab")) {
    matched("Linux /usr/local");
  } else if (is_dir(ctx, "/bin") && is_dir(ctx, "/local") && is_dir(ctx, "/share") &&
             is_dir(ctx, "/src") && !is_file(ctx, "/etc/fstab")) {
    fs.role = Role::Usr;
    matched("Linux /usr");
    check_linux_usr(ctx, data);
  } else if (is_dir(ctx, "/bin") && is_dir(ctx, "/share") && is_dir(ctx, "/local") &&
             is_dir(ctx, "/share/coreos")) {
    fs.role = Role::Usr;
    matched("CoreOS /usr");
    check_coreos_usr(ctx, mountable, data);
  } else if (is_dir(ctx, "/log") && is_dir(ctx, "/run") && is_dir(ctx, "/spool")) {
    matched("Linux /var");
  } else if (get_windows_systemroot(ctx)) {
    fs.role = Role::Root;
    matched("Windows root");
    r = check_windows_root(ctx, deps, data);
  } else if (is_dir_nocase(ctx, "/System Volume Information") &&
             is_dir_nocase(ctx, "/Program Files")) {
    matched("Windows volume with installed applications");
  } else if (is_dir_nocase(ctx, "/System Volume Information")) {
    matched("Windows volume without installed applications");
  } else if (is_dir_nocase(ctx, "/FDOS") && is_file_nocase(ctx, "/FDOS/FREEDOS.BSS")) {
    fs.role = Role::Root;
    matched("FreeDOS");
    data.os_type = OsType::Dos;
    data.distro = Distro::FreeDos;
    data.arch = "i386";  // a 16/32-bit mix: assume a 32-bit processor
  } else if (is_dir_nocase(ctx, "/DOS") && is_file_nocase(ctx, "/DOS/COMMAND.COM")) {
    fs.role = Role::Root;
    matched("MS-DOS");
    data.os_type = OsType::Dos;
    data.distro = Distro::MsDos;
    data.arch = "i386";
  } else {
    matched("no known OS partition");
  }
  if (!r) return forward(r.error());

  data.package_format = package_format_of(data);
  data.package_management = package_management_of(ctx, data);
  return fs;
}

}  // namespace gfsd::domain::inspect
