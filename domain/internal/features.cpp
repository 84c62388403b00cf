#include "domain/internal/features.hpp"

#include <string_view>

namespace gfsd::domain {

namespace {

// How the presence of a group is decided. Groups backed by a library (or by
// the kernel alone) are always there; others need a program in the appliance.
struct Group {
  std::string_view name;
  std::string_view program;  // "" = always available
  std::string_view kernel_fs = {};  // also needs this filesystem in the kernel
};

// Sorted by name; also the list available_all_groups returns.
constexpr Group kGroups[] = {
    {"acl", ""},
    {"augeas", ""},  // retired group, always there
    {"blkdiscard", ""},
    {"blkdiscardzeroes", ""},
    {"btrfs", "btrfs", "btrfs"},
    {"extlinux", "extlinux"},
    {"f2fs", "resize.f2fs"},
    {"fstrim", "fstrim"},
    {"gdisk", "sgdisk"},
    {"grub", "grub-install"},
    {"hivex", ""},
    {"inotify", ""},
    {"journal", ""},
    {"ldm", "ldmtool"},
    {"libtsk", ""},
    {"libyara", ""},
    {"linuxcaps", ""},
    {"linuxfsuuid", ""},
    {"linuxmodules", "modprobe"},
    {"linuxxattrs", ""},
    {"luks", "cryptsetup"},
    {"lvm2", "lvm"},
    {"mdadm", "mdadm"},
    {"mknod", ""},
    {"ntfs3g", "ntfs-3g.probe"},
    {"ntfsprogs", "ntfsresize"},
    {"realpath", ""},  // retired group, always there
    {"rsync", "rsync"},
    {"scrub", "scrub"},
    {"selinux", ""},
    {"selinuxrelabel", "setfiles"},
    {"sleuthkit", "icat"},
    {"squashfs", "mksquashfs"},
    {"syslinux", "syslinux"},
    {"wipefs", "wipefs"},
    {"xfs", "mkfs.xfs"},
    {"xz", "xz"},
    {"zerofree", "zerofree"},
};

bool probe(Ctx& ctx, const Group& g) {
  // Without /proc/modules the kernel has no module support: modprobe is moot.
  if (g.name == "linuxmodules" && !ctx.host.path_exists("/proc/modules")) return false;
  if (!g.program.empty() && !ctx.host.program_exists(std::string(g.program))) return false;
  if (!g.kernel_fs.empty() && !ctx.host.kernel_has_filesystem(std::string(g.kernel_fs)))
    return false;
  return true;
}

}  // namespace

Availability optgroup_availability(Ctx& ctx, const std::string& group) {
  for (const auto& g : kGroups)
    if (g.name == group) return probe(ctx, g) ? Availability::Available : Availability::Unavailable;
  return Availability::UnknownGroup;
}

std::vector<std::string> all_optgroups() {
  std::vector<std::string> out;
  for (const auto& g : kGroups) out.emplace_back(g.name);
  return out;
}

}  // namespace gfsd::domain
