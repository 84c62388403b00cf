#include "domain/inspect/release_files.hpp"

#include <algorithm>

#include "domain/inspect/text_parsing.hpp"

namespace gfsd::domain::inspect {

std::optional<Distro> distro_of_os_release_id(const std::string& id) {
  static const std::pair<const char*, Distro> kIds[] = {
      {"alpine", Distro::AlpineLinux}, {"altlinux", Distro::AltLinux},
      {"arch", Distro::ArchLinux},     {"centos", Distro::Centos},
      {"coreos", Distro::CoreOs},      {"debian", Distro::Debian},
      {"fedora", Distro::Fedora},      {"frugalware", Distro::Frugalware},
      {"gentoo", Distro::Gentoo},      {"kali", Distro::KaliLinux},
      {"kylin", Distro::Kylin},        {"mageia", Distro::Mageia},
      {"neokylin", Distro::NeoKylin},  {"openmandriva", Distro::OpenMandriva},
      {"opensuse", Distro::OpenSuse},  {"pardus", Distro::Pardus},
      {"pld", Distro::PldLinux},       {"rhel", Distro::Rhel},
      {"rocky", Distro::Rocky},        {"sles", Distro::Sles},
      {"sled", Distro::Sles},          {"ubuntu", Distro::Ubuntu},
      {"void", Distro::VoidLinux},
  };
  for (const auto& [name, distro] : kIds)
    if (id == name) return distro;
  if (starts_with(id, "opensuse-")) return Distro::OpenSuse;
  return std::nullopt;
}

std::optional<Distro> distro_of_lsb_release_id(const std::string& id) {
  if (id == "CoreOS") return Distro::CoreOs;
  if (id == "LinuxMint") return Distro::LinuxMint;
  if (id == "Mageia") return Distro::Mageia;
  if (id == "Ubuntu") return Distro::Ubuntu;
  return std::nullopt;
}

namespace {

// NeoKylin writes VERSION_ID as "V7Update3".
void parse_os_release_version_id(const std::string& value, InspectionData& data) {
  static const std::regex neokylin(R"(^V(\d+)Update(\d+)$)");
  std::smatch m;
  if (std::regex_search(value, m, neokylin)) {
    auto major = parse_int(m[1].str());
    auto minor = parse_int(m[2].str());
    if (major && minor) data.version = Version{*major, *minor};
    return;
  }
  if (auto v = parse_major_minor(value)) data.version = v;
}

bool is_rolling(Distro d) {
  return d == Distro::ArchLinux || d == Distro::Gentoo || d == Distro::VoidLinux;
}

// A regex group as a number: nullopt when the group is absent or not numeric.
std::optional<int> group_number(const std::smatch& m, size_t i) {
  if (i >= m.size() || !m[i].matched) return std::nullopt;
  return parse_int(m[i].str());
}

}  // namespace

bool parse_os_release(const std::vector<std::string>& lines, InspectionData& data) {
  for (const auto& [key, value] : parse_key_value_strings(lines, &shell_unquote)) {
    if (key == "ID") {
      if (auto d = distro_of_os_release_id(value)) data.distro = d;
    } else if (key == "PRETTY_NAME") {
      data.product_name = value;
    } else if (key == "VERSION_ID") {
      parse_os_release_version_id(value, data);
    }
  }
  if (!data.distro || !data.product_name) return false;
  // Debian and CentOS give only the major version here: the release files
  // that follow know the minor one.
  const Distro d = *data.distro;
  if ((d == Distro::Debian || d == Distro::Centos || d == Distro::Rocky) && data.version &&
      data.version->minor == 0)
    return false;
  if (!data.version && is_rolling(d)) {
    data.version = Version{0, 0};
    return true;
  }
  return data.version.has_value();
}

bool parse_lsb_release(const std::vector<std::string>& lines, InspectionData& data) {
  // A bare LSB_VERSION= file (RHEL 3) says nothing: keep looking.
  bool ok = false;
  for (const auto& [key, value] : parse_key_value_strings(lines, &simple_unquote)) {
    if (key == "DISTRIB_ID") {
      if (auto d = distro_of_lsb_release_id(value)) {
        ok = true;
        data.distro = d;
      }
    } else if (key == "DISTRIB_RELEASE") {
      if (auto v = parse_major_minor(value)) data.version = v;
    } else if (key == "DISTRIB_DESCRIPTION") {
      ok = true;
      data.product_name = value;
    }
  }
  return ok;
}

bool parse_suse_release(const std::vector<std::string>& lines, InspectionData& data) {
  if (lines.empty()) return false;
  const std::string& product = lines[0];
  data.product_name = product;

  static const std::regex sles(R"(^SUSE (Linux|LINUX) Enterprise )");
  static const std::regex nld(R"(^Novell Linux Desktop )");
  static const std::regex opensuse(R"(^(openSUSE|SuSE Linux|SUSE LINUX) )");
  static const std::regex sles_version(R"(^VERSION = (\d+))");
  static const std::regex sles_patchlevel(R"(^PATCHLEVEL = (\d+))");

  // SLES first: the openSUSE pattern also matches some SLES names.
  if (std::regex_search(product, sles) || std::regex_search(product, nld)) {
    std::smatch m;
    std::optional<int> major, minor;
    if (lines.size() >= 2 && std::regex_search(lines[1], m, sles_version)) major = parse_int(m[1].str());
    if (lines.size() >= 3 && std::regex_search(lines[2], m, sles_patchlevel))
      minor = parse_int(m[1].str());
    data.distro = Distro::Sles;
    data.version = major ? std::optional<Version>(Version{*major, minor.value_or(0)}) : std::nullopt;
  } else if (std::regex_search(product, opensuse)) {
    if (lines.size() >= 2)
      if (auto v = parse_major_minor(lines[1])) data.version = v;
    data.distro = Distro::OpenSuse;
  }
  return true;
}

bool parse_generic(const std::string& first_line, Distro distro, const std::regex* rex,
                   InspectionData& data) {
  if (first_line.empty()) return false;
  data.product_name = first_line;
  data.distro = distro;
  if (rex == nullptr) {
    if (auto v = parse_major_minor(first_line)) data.version = v;
    return true;
  }
  std::smatch m;
  if (!std::regex_search(first_line, m, *rex)) return false;
  auto major = group_number(m, 1);
  auto minor = group_number(m, 2);
  if (major) data.version = Version{*major, minor.value_or(0)};
  return true;
}

}  // namespace gfsd::domain::inspect
