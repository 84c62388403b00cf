// Mount points from a Unix guest's /etc/fstab (read through Augeas), with the
// guest's device names mapped to the appliance's.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/ctx.hpp"
#include "domain/inspect/inspect_deps.hpp"
#include "domain/inspect/inspect_types.hpp"
#include "ports/augeas.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::inspect {

// One /etc/fstab entry as Augeas parsed it (absent fields: nullopt).
struct FstabLine {
  std::optional<std::string> spec;
  std::optional<std::string> file;
  std::optional<std::string> vfstype;
  // Mount options: name, and value ("subvol=x") if any.
  std::vector<std::pair<std::optional<std::string>, std::optional<std::string>>> opts;
};

// Guest md device name (from mdadm.conf) -> appliance md device.
using MdMap = std::map<std::string, std::string>;

FstabLine read_fstab_line(ports::AugeasTree& aug, const std::string& entry);

// Where one entry mounts what, or nullopt for entries inspection ignores
// (CD-ROMs, floppies, pseudo filesystems, /proc, /sys ..., devices that
// cannot be found).
Result<std::optional<FstabEntry>> resolve_fstab_line(InspectDeps& deps, const FstabLine& line,
                                                     const api::Mountable& root, OsType os_type,
                                                     const MdMap& md_map);

// A guest block device name as an appliance mountable (/dev/xvdb1 -> /dev/sdb1,
// /dev/mapper/VG-LV -> /dev/VG/LV, BSD names ...); unknown names as they are.
Result<api::Mountable> resolve_fstab_device(InspectDeps& deps, const std::string& spec,
                                            const MdMap& md_map, OsType os_type);

// An md UUID in any of mdadm's spellings as 32 hex digits (case kept);
// nullopt if it is not one.
std::optional<std::string> parse_md_uuid(const std::string& uuid);

// True for names ending in a non-zero partition number ("/dev/sda1").
bool is_partition_name(const std::string& device);

// The fstab of the guest mounted on the sysroot; with mdadm_conf, md names are
// mapped through /etc/mdadm.conf or /etc/mdadm/mdadm.conf.
Result<std::vector<FstabEntry>> check_fstab(Ctx& ctx, InspectDeps& deps,
                                            const api::Mountable& root, OsType os_type,
                                            bool mdadm_conf);

}  // namespace gfsd::domain::inspect
