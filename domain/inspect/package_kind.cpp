// Package format and package manager of a distribution.
#include "domain/inspect/check_filesystem.hpp"
#include "domain/inspect/guest_files.hpp"

namespace gfsd::domain::inspect {

std::optional<PackageFormat> package_format_of(const InspectionData& data) {
  if (!data.distro) return std::nullopt;
  switch (*data.distro) {
    case Distro::AltLinux:
    case Distro::Centos:
    case Distro::Rocky:
    case Distro::Fedora:
    case Distro::Mageia:
    case Distro::Mandriva:
    case Distro::Meego:
    case Distro::NeoKylin:
    case Distro::OpenMandriva:
    case Distro::OpenSuse:
    case Distro::OracleLinux:
    case Distro::RedhatBased:
    case Distro::Rhel:
    case Distro::ScientificLinux:
    case Distro::Sles:
    case Distro::SuseBased:
      return PackageFormat::Rpm;
    case Distro::Debian:
    case Distro::KaliLinux:
    case Distro::Kylin:
    case Distro::LinuxMint:
    case Distro::Ubuntu:
      return PackageFormat::Deb;
    case Distro::ArchLinux:
      return PackageFormat::Pacman;
    case Distro::Gentoo:
      return PackageFormat::Ebuild;
    case Distro::Pardus:
      return PackageFormat::Pisi;
    case Distro::AlpineLinux:
      return PackageFormat::Apk;
    case Distro::VoidLinux:
      return PackageFormat::Xbps;
    default:
      return std::nullopt;
  }
}

std::optional<PackageManagement> package_management_of(Ctx& ctx, const InspectionData& data) {
  if (!data.distro) return std::nullopt;
  const int major = data.version ? data.version->major : 0;
  switch (*data.distro) {
    case Distro::Meego:
      return PackageManagement::Yum;
    case Distro::Fedora:
      // dnf from Fedora 22 on, if installed. No version: the release file
      // could not be parsed (RHBZ#1332025).
      if (major >= 22 && guest_is_file(ctx, "/usr/bin/dnf", true)) return PackageManagement::Dnf;
      if (major >= 1) return PackageManagement::Yum;
      return std::nullopt;
    case Distro::NeoKylin:
      return PackageManagement::Dnf;
    case Distro::Centos:
    case Distro::Rocky:
    case Distro::OracleLinux:
    case Distro::RedhatBased:
    case Distro::Rhel:
    case Distro::ScientificLinux:
      if (major >= 8) return PackageManagement::Dnf;
      if (major >= 5) return PackageManagement::Yum;
      if (major >= 2) return PackageManagement::Up2date;
      return std::nullopt;
    case Distro::AltLinux:
    case Distro::Debian:
    case Distro::KaliLinux:
    case Distro::Kylin:
    case Distro::LinuxMint:
    case Distro::Ubuntu:
      return PackageManagement::Apt;
    case Distro::ArchLinux:
      return PackageManagement::Pacman;
    case Distro::Gentoo:
      return PackageManagement::Portage;
    case Distro::Pardus:
      return PackageManagement::Pisi;
    case Distro::Mageia:
    case Distro::Mandriva:
      return PackageManagement::Urpmi;
    case Distro::OpenSuse:
    case Distro::Sles:
    case Distro::SuseBased:
      return PackageManagement::Zypper;
    case Distro::AlpineLinux:
      return PackageManagement::Apk;
    case Distro::VoidLinux:
      return PackageManagement::Xbps;
    case Distro::OpenMandriva:
      return PackageManagement::Dnf;
    default:
      return std::nullopt;
  }
}

}  // namespace gfsd::domain::inspect
