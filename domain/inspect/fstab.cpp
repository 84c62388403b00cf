#include "domain/inspect/fstab.hpp"

#include <cctype>
#include <cerrno>
#include <regex>

#include "domain/core/device_names.hpp"
#include "domain/devices/partition_names.hpp"
#include "domain/inspect/augeas_files.hpp"
#include "domain/inspect/text_parsing.hpp"

namespace gfsd::domain::inspect {

FstabLine read_fstab_line(ports::AugeasTree& aug, const std::string& entry) {
  FstabLine line;
  line.spec = aug_get_quiet(aug, entry + "/spec");
  line.file = aug_get_quiet(aug, entry + "/file");
  line.vfstype = aug_get_quiet(aug, entry + "/vfstype");
  for (const auto& opt : aug_match_quiet(aug, entry + "/opt"))
    line.opts.emplace_back(aug_get_quiet(aug, opt), aug_get_quiet(aug, opt + "/value"));
  return line;
}

namespace {

bool is_bsd(OsType t) {
  return t == OsType::FreeBsd || t == OsType::NetBsd || t == OsType::OpenBsd;
}

bool digit_at(const std::string& s, size_t i) {
  return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}

// Floppies and CD-ROMs, including FreeBSD's install media.
bool is_removable_spec(const std::string& spec) {
  return (starts_with(spec, "/dev/fd") && digit_at(spec, 7)) ||
         (starts_with(spec, "/dev/cd") && digit_at(spec, 7)) || spec == "/dev/floppy" ||
         spec == "/dev/cdrom" || starts_with(spec, "/dev/iso9660/");
}

bool is_ignored_mountpoint(const std::string& mp) {
  for (const char* dir : {"/dev", "/media", "/proc", "/selinux", "/sys"}) {
    const std::string d = dir;
    if (mp == d && d != "/media") return true;
    if (starts_with(mp, d + "/")) return true;
  }
  return false;
}

// A btrfs entry with subvol=X names that subvolume of the device.
api::Mountable btrfs_mountable(const FstabLine& line, const api::Mountable& m) {
  if (m.type != api::MountableType::Device) return m;
  for (const auto& [name, value] : line.opts) {
    if (!name || *name != "subvol" || !value) continue;
    api::Mountable vol;
    vol.type = api::MountableType::Btrfsvol;
    vol.device = m.device;
    vol.volume = *value;
    return vol;
  }
  return m;
}

// /dev/{h,s,v,xv}dX[N]: the X-th disk the appliance has, with the same partition.
Result<api::Mountable> resolve_xdev(InspectDeps& deps, const std::string& disk,
                                    const std::string& part, const std::string& spec) {
  auto devices = deps.list_devices();
  if (!devices) return forward(devices.error());
  auto index = drive_index(disk);
  if (!index || *index >= devices->size()) return device_mountable(spec);
  const std::string dev = (*devices)[*index] + part;
  return device_mountable(is_partition_name(dev) ? dev : spec);
}

std::string sd_name(int disk, int part) {
  return "/dev/sd" + std::string(1, static_cast<char>('a' + disk)) + std::to_string(part);
}

}  // namespace

bool is_partition_name(const std::string& device) {
  auto split = split_device_partition(device);
  return split && split->part != 0;
}

std::optional<std::string> parse_md_uuid(const std::string& uuid) {
  std::string out;
  for (char c : uuid) {
    if (std::isxdigit(static_cast<unsigned char>(c)))
      out += c;
    else if (c != ':' && c != '.' && c != ' ' && c != '-')
      return std::nullopt;
  }
  if (out.size() != 32) return std::nullopt;
  return out;
}

Result<api::Mountable> resolve_fstab_device(InspectDeps& deps, const std::string& spec,
                                            const MdMap& md_map, OsType os_type) {
  static const std::regex xdev(R"(^/dev/(h|s|v|xv)d([a-z]+)(\d*)$)");
  static const std::regex cciss(R"(^/dev/(cciss/c\d+d\d+)(?:p(\d+))?$)");
  static const std::regex md_n(R"(^/dev/md\d+$)");
  static const std::regex diskbyid(R"(^/dev/disk/by-id/.*-part(\d+)$)");
  static const std::regex freebsd_gpt(R"(^/dev/(ada{0,1}|vtbd)(\d+)p(\d+)$)");
  static const std::regex freebsd_mbr(R"(^/dev/(ada{0,1}|vtbd)(\d+)s(\d+)([a-z])$)");
  static const std::regex netbsd_dev(R"(^/dev/(l|s)d([0-9])([a-z])$)");
  static const std::regex openbsd_dev(R"(^/dev/(s|w)d([0-9])([a-z])$)");
  static const std::regex hurd_dev(R"(^/dev/(h)d(\d+)s(\d+)$)");

  std::smatch m;
  auto number = [&m](size_t i) { return parse_int(m[i].str()).value_or(-1); };

  if (starts_with(spec, "/dev/mapper")) {
    // LVM doubles the '-' of VG and LV names in /dev/mapper: ask LVM instead.
    auto lv = deps.lv_canonical(spec);
    if (!lv) {
      if (lv.error().errnum == ENOENT) return device_mountable(spec);  // RHBZ#811872
      return forward(lv.error());
    }
    return device_mountable(lv->value_or(spec));
  }
  if (std::regex_search(spec, m, xdev)) return resolve_xdev(deps, m[2].str(), m[3].str(), spec);
  if (std::regex_search(spec, m, cciss)) return device_mountable(spec);
  if (std::regex_search(spec, m, md_n)) {
    auto it = md_map.find(spec);
    return device_mountable(it == md_map.end() ? spec : it->second);
  }
  if (std::regex_search(spec, m, diskbyid)) {
    // Only a guest with a single disk can be mapped: the SCSI ids are lost.
    auto devices = deps.list_devices();
    if (!devices) return forward(devices.error());
    if (devices->size() != 1) return device_mountable(spec);
    const std::string dev = "/dev/sda" + m[1].str();
    return device_mountable(is_partition_name(dev) ? dev : spec);
  }
  if (std::regex_search(spec, m, freebsd_gpt)) {
    const int disk = number(2), part = number(3);
    if (disk >= 0 && disk <= 26 && part >= 0 && part <= 128)
      return device_mountable(sd_name(disk, part));
    return device_mountable(spec);
  }
  if (std::regex_search(spec, m, freebsd_mbr)) {
    // BSD partitions of the first slice appear from 5 up; 'c' (the whole
    // slice) is not mapped.
    const int disk = number(2), slice = number(3);
    int part = m[4].str()[0] - 'a';
    if (part > 2) --part;
    if (disk >= 0 && disk <= 26 && slice > 0 && slice <= 1 && part >= 0 && part < 25)
      return device_mountable(sd_name(disk, part + 5));
    return device_mountable(spec);
  }
  if (os_type == OsType::NetBsd && std::regex_search(spec, m, netbsd_dev)) {
    // 'c' is the disklabel and 'd' the whole disk.
    const int disk = number(2);
    int part = m[3].str()[0] - 'a';
    if (part > 3) part -= 2;
    if (disk >= 0 && part >= 0 && part < 24) return device_mountable(sd_name(disk, part + 5));
    return device_mountable(spec);
  }
  if (os_type == OsType::OpenBsd && std::regex_search(spec, m, openbsd_dev)) {
    // 'c' is the whole disk.
    const int disk = number(2);
    int part = m[3].str()[0] - 'a';
    if (part > 2) --part;
    if (disk >= 0 && part >= 0 && part < 15) return device_mountable(sd_name(disk, part + 5));
    return device_mountable(spec);
  }
  if (std::regex_search(spec, m, hurd_dev)) {
    // /dev/hdNsM: disk N, partition M.
    const int disk = number(2);
    if (disk < 0) return device_mountable(spec);
    return resolve_xdev(deps, std::string(1, static_cast<char>('a' + disk)), m[3].str(), spec);
  }
  return device_mountable(spec);
}

Result<std::optional<FstabEntry>> resolve_fstab_line(InspectDeps& deps, const FstabLine& line,
                                                     const api::Mountable& root, OsType os_type,
                                                     const MdMap& md_map) {
  using Out = std::optional<FstabEntry>;
  if (!line.spec || is_removable_spec(*line.spec)) return Out();
  const std::string& spec = *line.spec;
  if (!line.file) return Out();
  const std::string mp = unix_canonical_path(*line.file);
  if (is_ignored_mountpoint(mp)) return Out();

  static const std::regex openbsd_duid(R"(^[0-9a-f]{16}\.[a-z])");
  api::Mountable mountable;
  if (starts_with(spec, "UUID=") || starts_with(spec, "LABEL=")) {
    const bool uuid = spec[0] == 'U';
    auto dev = deps.findfs(uuid ? "UUID" : "LABEL", shell_unquote(spec.substr(uuid ? 5 : 6)));
    if (!dev) return Out();  // not on any disk we have
    mountable = device_mountable(*dev);
  } else if (spec == "/dev/root" || (is_bsd(os_type) && mp == "/")) {
    // BSD root names do not translate simply: the root is the one inspected.
    mountable = root;
  } else if (starts_with(spec, "/dev/")) {
    auto m = resolve_fstab_device(deps, spec, md_map, os_type);
    if (!m) return forward(m.error());
    mountable = *m;
  } else if (std::regex_search(spec, openbsd_duid)) {
    // An OpenBSD disklabel UID plus a partition letter: assume the first disk.
    auto m = resolve_fstab_device(deps, std::string("/dev/sd0") + spec[17], md_map, os_type);
    if (!m) return forward(m.error());
    mountable = *m;
  } else {
    return Out();  // tmpfs, proc, Pardus's /.swap ...
  }

  if (!line.vfstype) return Out();
  if (*line.vfstype == "btrfs") mountable = btrfs_mountable(line, mountable);
  return Out(FstabEntry{mountable, mp});
}

namespace {

// mdadm.conf's device names -> the appliance's md devices, matched by UUID.
Result<MdMap> map_md_devices(Ctx& ctx, InspectDeps& deps, ports::AugeasTree& aug) {
  auto mds = deps.list_md_devices();
  if (!mds) return forward(mds.error());
  std::map<std::string, std::string> by_uuid;
  for (const auto& md : *mds) {
    auto uuid = deps.md_uuid(md);
    if (!uuid) return forward(uuid.error());
    if (!*uuid) continue;
    if (auto parsed = parse_md_uuid(**uuid)) by_uuid[*parsed] = md;
  }
  MdMap out;
  if (by_uuid.empty()) return out;

  auto entries = aug_match_quiet(aug, "/files/etc/mdadm.conf/array");
  auto more = aug_match_quiet(aug, "/files/etc/mdadm/mdadm.conf/array");
  entries.insert(entries.end(), more.begin(), more.end());
  if (entries.empty())
    ctx.log.debug("warning: appliance has MD devices, but augeas returned no array matches in mdadm.conf");
  for (const auto& entry : entries) {
    auto dev = aug_get_quiet(aug, entry + "/devicename");
    auto uuid = aug_get_quiet(aug, entry + "/uuid");
    if (!dev || !uuid) continue;
    auto parsed = parse_md_uuid(*uuid);
    if (!parsed) continue;
    auto it = by_uuid.find(*parsed);
    if (it != by_uuid.end()) out[*dev] = it->second;
  }
  return out;
}

}  // namespace

Result<std::vector<FstabEntry>> check_fstab(Ctx& ctx, InspectDeps& deps,
                                            const api::Mountable& root, OsType os_type,
                                            bool mdadm_conf) {
  std::vector<std::string> configfiles{"/etc/fstab"};
  if (mdadm_conf) {
    configfiles.emplace_back("/etc/mdadm.conf");
    configfiles.emplace_back("/etc/mdadm/mdadm.conf");
  }
  std::vector<FstabEntry> out;
  auto r = with_augeas(ctx, configfiles, [&](ports::AugeasTree& aug) -> Result<void> {
    MdMap md_map;
    if (mdadm_conf) {
      auto m = map_md_devices(ctx, deps, aug);
      if (!m) return forward(m.error());
      md_map = std::move(*m);
    }
    for (const auto& entry : aug_match_quiet(aug, "/files/etc/fstab/*[label() != '#comment']")) {
      ctx.log.debug("check_fstab_entry: augeas path: " + entry);
      auto e = resolve_fstab_line(deps, read_fstab_line(aug, entry), root, os_type, md_map);
      if (!e) return forward(e.error());
      if (*e) out.push_back(std::move(**e));
    }
    return {};
  });
  if (!r) return forward(r.error());
  return out;
}

}  // namespace gfsd::domain::inspect
