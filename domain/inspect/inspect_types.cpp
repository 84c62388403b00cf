#include "domain/inspect/inspect_types.hpp"

namespace gfsd::domain::inspect {

bool same_mountable(const api::Mountable& a, const api::Mountable& b) {
  if (a.type != b.type || a.device != b.device) return false;
  return a.type != api::MountableType::Btrfsvol || a.volume == b.volume;
}

std::string mountable_to_string(const api::Mountable& m) {
  if (m.type == api::MountableType::Btrfsvol) return "btrfsvol:" + m.device + "/" + m.volume;
  return m.device;
}

api::Mountable device_mountable(const std::string& device) {
  api::Mountable m;
  m.type = api::MountableType::Device;
  m.device = device;
  return m;
}

std::string to_string(OsType v) {
  switch (v) {
    case OsType::Dos: return "dos";
    case OsType::FreeBsd: return "freebsd";
    case OsType::Hurd: return "hurd";
    case OsType::Linux: return "linux";
    case OsType::Minix: return "minix";
    case OsType::NetBsd: return "netbsd";
    case OsType::OpenBsd: return "openbsd";
    case OsType::Windows: return "windows";
  }
  return "unknown";
}

std::string to_string(Distro v) {
  switch (v) {
    case Distro::AlpineLinux: return "alpinelinux";
    case Distro::AltLinux: return "altlinux";
    case Distro::ArchLinux: return "archlinux";
    case Distro::Buildroot: return "buildroot";
    case Distro::Centos: return "centos";
    case Distro::Cirros: return "cirros";
    case Distro::CoreOs: return "coreos";
    case Distro::Debian: return "debian";
    case Distro::Fedora: return "fedora";
    case Distro::FreeBsd: return "freebsd";
    case Distro::FreeDos: return "freedos";
    case Distro::Frugalware: return "frugalware";
    case Distro::Gentoo: return "gentoo";
    case Distro::KaliLinux: return "kalilinux";
    case Distro::Kylin: return "kylin";
    case Distro::LinuxMint: return "linuxmint";
    case Distro::Mageia: return "mageia";
    case Distro::Mandriva: return "mandriva";
    case Distro::Meego: return "meego";
    case Distro::MsDos: return "msdos";
    case Distro::NeoKylin: return "neokylin";
    case Distro::NetBsd: return "netbsd";
    case Distro::OpenBsd: return "openbsd";
    case Distro::OpenMandriva: return "openmandriva";
    case Distro::OpenSuse: return "opensuse";
    case Distro::OracleLinux: return "oraclelinux";
    case Distro::Pardus: return "pardus";
    case Distro::PldLinux: return "pldlinux";
    case Distro::RedhatBased: return "redhat-based";
    case Distro::Rhel: return "rhel";
    case Distro::Rocky: return "rocky";
    case Distro::ScientificLinux: return "scientificlinux";
    case Distro::Slackware: return "slackware";
    case Distro::Sles: return "sles";
    case Distro::SuseBased: return "suse-based";
    case Distro::TtyLinux: return "ttylinux";
    case Distro::Ubuntu: return "ubuntu";
    case Distro::VoidLinux: return "voidlinux";
    case Distro::Windows: return "windows";
  }
  return "unknown";
}

std::string to_string(PackageFormat v) {
  switch (v) {
    case PackageFormat::Apk: return "apk";
    case PackageFormat::Deb: return "deb";
    case PackageFormat::Ebuild: return "ebuild";
    case PackageFormat::Pacman: return "pacman";
    case PackageFormat::Pisi: return "pisi";
    case PackageFormat::Pkgsrc: return "pkgsrc";
    case PackageFormat::Rpm: return "rpm";
    case PackageFormat::Xbps: return "xbps";
  }
  return "unknown";
}

std::string to_string(PackageManagement v) {
  switch (v) {
    case PackageManagement::Apk: return "apk";
    case PackageManagement::Apt: return "apt";
    case PackageManagement::Dnf: return "dnf";
    case PackageManagement::Pacman: return "pacman";
    case PackageManagement::Pisi: return "pisi";
    case PackageManagement::Portage: return "portage";
    case PackageManagement::Up2date: return "up2date";
    case PackageManagement::Urpmi: return "urpmi";
    case PackageManagement::Xbps: return "xbps";
    case PackageManagement::Yum: return "yum";
    case PackageManagement::Zypper: return "zypper";
  }
  return "unknown";
}

namespace {

template <class T>
void keep_or_take(const std::optional<T>& child, std::optional<T>& parent) {
  if (!parent) parent = child;
}

template <class T>
std::vector<T> concat(const std::vector<T>& first, const std::vector<T>& second) {
  std::vector<T> out = first;
  out.insert(out.end(), second.begin(), second.end());
  return out;
}

}  // namespace

void merge_inspection_data(const InspectionData& child, InspectionData& parent) {
  keep_or_take(child.os_type, parent.os_type);
  keep_or_take(child.distro, parent.distro);
  keep_or_take(child.package_format, parent.package_format);
  keep_or_take(child.package_management, parent.package_management);
  keep_or_take(child.product_name, parent.product_name);
  keep_or_take(child.product_variant, parent.product_variant);
  keep_or_take(child.version, parent.version);
  keep_or_take(child.arch, parent.arch);
  keep_or_take(child.hostname, parent.hostname);
  parent.fstab = concat(child.fstab, parent.fstab);
  keep_or_take(child.windows_systemroot, parent.windows_systemroot);
  keep_or_take(child.windows_software_hive, parent.windows_software_hive);
  keep_or_take(child.windows_system_hive, parent.windows_system_hive);
  keep_or_take(child.windows_current_control_set, parent.windows_current_control_set);
  parent.drive_mappings = concat(child.drive_mappings, parent.drive_mappings);
}

namespace {

std::string describe_data(const InspectionData& d) {
  std::string out;
  auto line = [&out](const char* key, const std::string& value) {
    out += std::string("    ") + key + ": " + value + "\n";
  };
  if (d.os_type) line("type", to_string(*d.os_type));
  if (d.distro) line("distro", to_string(*d.distro));
  if (d.package_format) line("package_format", to_string(*d.package_format));
  if (d.package_management) line("package_management", to_string(*d.package_management));
  if (d.product_name) line("product_name", *d.product_name);
  if (d.product_variant) line("product_variant", *d.product_variant);
  if (d.version)
    line("version", std::to_string(d.version->major) + "." + std::to_string(d.version->minor));
  if (d.arch) line("arch", *d.arch);
  if (d.hostname) line("hostname", *d.hostname);
  if (!d.fstab.empty()) {
    std::string v;
    for (const auto& e : d.fstab)
      v += (v.empty() ? "" : ", ") + ("(" + mountable_to_string(e.mountable) + ", " +
                                       e.mountpoint + ")");
    line("fstab", "[" + v + "]");
  }
  if (d.windows_systemroot) line("windows_systemroot", *d.windows_systemroot);
  if (d.windows_software_hive) line("windows_software_hive", *d.windows_software_hive);
  if (d.windows_system_hive) line("windows_system_hive", *d.windows_system_hive);
  if (d.windows_current_control_set)
    line("windows_current_control_set", *d.windows_current_control_set);
  if (!d.drive_mappings.empty()) {
    std::string v;
    for (const auto& m : d.drive_mappings)
      v += (v.empty() ? "" : ", ") + ("(" + m.letter + ", " + m.device + ")");
    line("drive_mappings", "[" + v + "]");
  }
  return out;
}

}  // namespace

std::string describe(const Fs& fs) {
  std::string out = "fs: " + mountable_to_string(fs.mountable) + " (" + fs.vfs_type + ") role: ";
  switch (fs.role) {
    case Role::Root: return out + "root\n" + describe_data(fs.data);
    case Role::Usr: return out + "usr\n" + describe_data(fs.data);
    case Role::Swap: return out + "swap\n";
    case Role::Other: return out + "other\n";
  }
  return out;
}

}  // namespace gfsd::domain::inspect
