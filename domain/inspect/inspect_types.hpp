// What OS inspection finds, per filesystem, and keeps between inspect_os and
// the inspect_get_* calls (DaemonState::inspection).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api.hpp"

namespace gfsd::domain::inspect {

enum class OsType { Dos, FreeBsd, Hurd, Linux, Minix, NetBsd, OpenBsd, Windows };

enum class Distro {
  AlpineLinux, AltLinux, ArchLinux, Buildroot, Centos, Cirros, CoreOs, Debian, Fedora,
  FreeBsd, FreeDos, Frugalware, Gentoo, KaliLinux, Kylin, LinuxMint, Mageia, Mandriva, Meego,
  MsDos, NeoKylin, NetBsd, OpenBsd, OpenMandriva, OpenSuse, OracleLinux, Pardus, PldLinux,
  RedhatBased, Rhel, Rocky, ScientificLinux, Slackware, Sles, SuseBased, TtyLinux, Ubuntu,
  VoidLinux, Windows,
};

enum class PackageFormat { Apk, Deb, Ebuild, Pacman, Pisi, Pkgsrc, Rpm, Xbps };

enum class PackageManagement {
  Apk, Apt, Dnf, Pacman, Pisi, Portage, Up2date, Urpmi, Xbps, Yum, Zypper,
};

struct Version {
  int major = 0;
  int minor = 0;
  bool operator==(const Version&) const = default;
};

// Mountable and where the guest mounts it.
struct FstabEntry {
  api::Mountable mountable;
  std::string mountpoint;
};

// Drive letter ("C") and the appliance device behind it.
struct DriveMapping {
  std::string letter;
  std::string device;
};

// Everything known about one operating system (or one /usr of it).
struct InspectionData {
  std::optional<OsType> os_type;
  std::optional<Distro> distro;
  std::optional<PackageFormat> package_format;
  std::optional<PackageManagement> package_management;
  std::optional<std::string> product_name;
  std::optional<std::string> product_variant;
  std::optional<Version> version;
  std::optional<std::string> arch;
  std::optional<std::string> hostname;
  std::vector<FstabEntry> fstab;
  std::optional<std::string> windows_systemroot;
  std::optional<std::string> windows_software_hive;
  std::optional<std::string> windows_system_hive;
  std::optional<std::string> windows_current_control_set;
  std::vector<DriveMapping> drive_mappings;
};

enum class Role { Root, Usr, Swap, Other };

// One inspected filesystem. `data` means something for Root and Usr only.
struct Fs {
  api::Mountable mountable;
  std::string vfs_type;
  Role role = Role::Other;
  InspectionData data;
};

// The result of the last inspect_os, in list_filesystems order.
struct Inspection {
  std::vector<Fs> filesystems;
};

bool same_mountable(const api::Mountable& a, const api::Mountable& b);
// The wire form of a mountable: "/dev/sda1" or "btrfsvol:/dev/sda2/@home".
std::string mountable_to_string(const api::Mountable& m);
api::Mountable device_mountable(const std::string& device);

// The names the API uses for each value.
std::string to_string(OsType v);
std::string to_string(Distro v);
std::string to_string(PackageFormat v);
std::string to_string(PackageManagement v);

// Fills in parent's missing facts from child; fstab and drive mappings are
// concatenated, child's first.
void merge_inspection_data(const InspectionData& child, InspectionData& parent);

// A multi-line description for the verbose log.
std::string describe(const Fs& fs);

}  // namespace gfsd::domain::inspect
