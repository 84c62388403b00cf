#include "domain/internal/features.hpp"

#include <algorithm>
#include <string_view>

#include "optgroups.hpp"
#include "ports/acl.hpp"
#include "ports/capabilities.hpp"
#include "ports/inotify.hpp"
#include "ports/journal.hpp"
#include "ports/selinux.hpp"
#include "ports/sleuthkit.hpp"
#include "ports/yara.hpp"

namespace gfsd::domain {

namespace {

// What a group needs in the appliance besides its handlers. Every group of
// api::kOptGroups has a row here (a unit test checks both directions).
struct Probe {
  std::string_view group;
  std::string_view program;         // "" = nothing to look for (a library, the kernel)
  std::string_view kernel_fs = {};  // also needs this filesystem in the kernel
};

constexpr Probe kProbes[] = {
    {"acl", ""},
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

// Groups whose actions became part of the core long ago: always available,
// still listed, as the original does.
constexpr std::string_view kRetiredGroups[] = {"augeas", "realpath"};

const Probe* find_probe(std::string_view group) {
  for (const auto& p : kProbes)
    if (p.group == group) return &p;
  return nullptr;
}

const api::OptGroup* find_group(std::string_view group) {
  for (const auto& g : api::kOptGroups)
    if (group == g.name) return &g;
  return nullptr;
}

// Groups served by a library the daemon loads on first use (or a kernel
// facility): available only when its port says the library is there.
template <class Port>
bool port_ready(Port* port) {
  return port != nullptr && port->available();
}

bool library_ready(Ctx& ctx, std::string_view group) {
  if (group == "acl") return port_ready(ctx.acls);
  if (group == "linuxcaps") return port_ready(ctx.caps);
  if (group == "selinux") return port_ready(ctx.selinux);
  if (group == "journal") return port_ready(ctx.journal);
  if (group == "inotify") return port_ready(ctx.inotify);
  if (group == "libyara") return port_ready(ctx.yara);
  if (group == "libtsk") return port_ready(ctx.tsk);
  return true;  // not a library group
}

bool appliance_has(Ctx& ctx, const Probe& p) {
  if (!library_ready(ctx, p.group)) return false;
  // Without /proc/modules the kernel has no module support: modprobe is moot.
  if (p.group == "linuxmodules" && !ctx.host.path_exists("/proc/modules")) return false;
  if (!p.program.empty() && !ctx.host.program_exists(std::string(p.program))) return false;
  if (!p.kernel_fs.empty() && !ctx.host.kernel_has_filesystem(std::string(p.kernel_fs)))
    return false;
  return true;
}

}  // namespace

Availability optgroup_availability(Ctx& ctx, const std::string& group) {
  for (auto retired : kRetiredGroups)
    if (retired == group) return Availability::Available;
  const api::OptGroup* g = find_group(group);
  if (!g) return Availability::UnknownGroup;
  // Handlers first: a group with an empty slot is unavailable whatever the appliance has.
  if (!ctx.handlers || !g->complete(*ctx.handlers)) return Availability::Unavailable;
  const Probe* p = find_probe(group);
  if (!p) return Availability::Unavailable;  // no rule: claim nothing (a unit test forbids it)
  return appliance_has(ctx, *p) ? Availability::Available : Availability::Unavailable;
}

std::vector<std::string> all_optgroups() {
  std::vector<std::string> out;
  for (const auto& g : api::kOptGroups) out.emplace_back(g.name);
  for (auto retired : kRetiredGroups) out.emplace_back(retired);
  std::sort(out.begin(), out.end());
  return out;
}

bool optgroup_has_probe(std::string_view group) { return find_probe(group) != nullptr; }

std::vector<std::string> probes_without_group() {
  std::vector<std::string> out;
  for (const auto& p : kProbes)
    if (!find_group(p.group)) out.emplace_back(p.group);
  return out;
}

}  // namespace gfsd::domain
