// Linux (and CoreOS) root and /usr filesystems.
#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "domain/inspect/architecture.hpp"
#include "domain/inspect/fstab.hpp"
#include "domain/inspect/guest_files.hpp"
#include "domain/inspect/hostname.hpp"
#include "domain/inspect/release_files.hpp"
#include "domain/inspect/unix_roots.hpp"

namespace gfsd::domain::inspect {

namespace {

using Parse = std::function<bool(Ctx&, const std::string&, InspectionData&)>;

struct ReleaseTest {
  const char* file;
  Parse parse;
};

Parse generic(Distro d, const char* pattern = nullptr) {
  auto rex = pattern ? std::make_shared<const std::regex>(pattern) : nullptr;
  return [d, rex](Ctx& ctx, const std::string& path, InspectionData& data) {
    return parse_generic_file(ctx, path, d, rex.get(), data);
  };
}

Parse just_distro(Distro d) {
  return [d](Ctx&, const std::string&, InspectionData& data) {
    data.distro = d;
    return true;
  };
}

Parse os_release() { return &parse_os_release_file; }

Parse lsb_release() { return &parse_lsb_release_file; }

Parse suse_release() {
  return [](Ctx& ctx, const std::string& path, InspectionData& data) {
    auto lines = read_small_file(ctx, path);
    return lines && parse_suse_release(*lines, data);
  };
}

// /etc/br-version is Buildroot's, unless the CirrOS logo is there.
Parse buildroot_version() {
  return [](Ctx& ctx, const std::string& path, InspectionData& data) {
    const Distro d =
        guest_is_file(ctx, "/usr/share/cirros/logo", true) ? Distro::Cirros : Distro::Buildroot;
    return parse_generic_file(ctx, path, d, nullptr, data);
  };
}

// In order; distributions that also ship /etc/redhat-release come before it.
const std::vector<ReleaseTest>& linux_release_tests() {
  static const std::vector<ReleaseTest> tests = {
      {"/etc/os-release", os_release()},
      {"/etc/lsb-release", lsb_release()},
      {"/etc/openmandriva-release",
       generic(Distro::OpenMandriva, R"(OpenMandriva.*release (\d+)\.(\d+)\.?(\d+)? .*)")},
      {"/etc/oracle-release",
       generic(Distro::OracleLinux, R"(Oracle Linux.*release (\d+).*Update (\d+))")},
      {"/etc/oracle-release", generic(Distro::OracleLinux, R"(Oracle Linux.*release (\d+)\.(\d+))")},
      {"/etc/oracle-release", generic(Distro::OracleLinux, R"(Oracle Linux.*release (\d+))")},
      {"/etc/centos-release", generic(Distro::Centos, R"(CentOS.*release (\d+).*Update (\d+))")},
      {"/etc/centos-release", generic(Distro::Centos, R"(CentOS.*release (\d+)\.(\d+))")},
      {"/etc/centos-release", generic(Distro::Centos, R"(CentOS.*release (\d+))")},
      {"/etc/rocky-release", generic(Distro::Rocky, R"(Rocky Linux.*release (\d+)\.(\d+))")},
      {"/etc/rocky-release", generic(Distro::Rocky, R"(Rocky Linux.*release (\d+))")},
      {"/etc/altlinux-release", generic(Distro::AltLinux)},
      {"/etc/redhat-release", generic(Distro::Fedora, R"(Fedora release (\d+))")},
      {"/etc/redhat-release", generic(Distro::Rhel, R"(Red Hat.*release (\d+).*Update (\d+))")},
      {"/etc/redhat-release", generic(Distro::Rhel, R"(Red Hat.*release (\d+)\.(\d+))")},
      {"/etc/redhat-release", generic(Distro::Rhel, R"(Red Hat.*release (\d+))")},
      {"/etc/redhat-release", generic(Distro::Centos, R"(CentOS.*release (\d+).*Update (\d+))")},
      {"/etc/redhat-release", generic(Distro::Centos, R"(CentOS.*release (\d+)\.(\d+))")},
      {"/etc/redhat-release", generic(Distro::Centos, R"(CentOS.*release (\d+))")},
      {"/etc/redhat-release", generic(Distro::Rocky, R"(Rocky Linux.*release (\d+)\.(\d+))")},
      {"/etc/redhat-release", generic(Distro::Rocky, R"(Rocky Linux.*release (\d+))")},
      {"/etc/redhat-release",
       generic(Distro::ScientificLinux, R"(Scientific Linux.*release (\d+).*Update (\d+))")},
      {"/etc/redhat-release",
       generic(Distro::ScientificLinux, R"(Scientific Linux.*release (\d+)\.(\d+))")},
      {"/etc/redhat-release", generic(Distro::ScientificLinux, R"(Scientific Linux.*release (\d+))")},
      // Any other /etc/redhat-release: a Red Hat derivative.
      {"/etc/redhat-release", generic(Distro::RedhatBased)},
      {"/etc/redhat-release", just_distro(Distro::RedhatBased)},
      {"/etc/debian_version", generic(Distro::Debian)},
      {"/etc/pardus-release", generic(Distro::Pardus)},
      // Arch's release file is empty: no version or product name.
      {"/etc/arch-release", just_distro(Distro::ArchLinux)},
      {"/etc/gentoo-release", generic(Distro::Gentoo)},
      {"/etc/meego-release", generic(Distro::Meego)},
      {"/etc/slackware-version", generic(Distro::Slackware)},
      {"/etc/ttylinux-target", generic(Distro::TtyLinux)},
      {"/etc/SuSE-release", suse_release()},
      {"/etc/SuSE-release", just_distro(Distro::SuseBased)},
      {"/etc/cirros/version", generic(Distro::Cirros)},
      {"/etc/br-version", buildroot_version()},
      {"/etc/alpine-release", generic(Distro::AlpineLinux)},
      {"/etc/frugalware-release", generic(Distro::Frugalware, R"(Frugalware (\d+)\.(\d+))")},
      {"/etc/pld-release", generic(Distro::PldLinux, R"((\d+)\.(\d+) PLD Linux)")},
  };
  return tests;
}

void run_release_tests(Ctx& ctx, const std::vector<ReleaseTest>& tests, InspectionData& data) {
  for (const auto& t : tests) {
    ctx.log.debug(std::string("check_tests: checking ") + t.file);
    if (guest_is_file(ctx, t.file, true) && t.parse(ctx, t.file, data)) return;
  }
}

}  // namespace

void check_linux_release(Ctx& ctx, InspectionData& data) {
  run_release_tests(ctx, linux_release_tests(), data);
}

namespace {

// What Linux and Hurd roots share once the release is known: architecture,
// fstab (mdadm.conf consulted for Linux only) and /etc/hostname.
Result<void> check_linux_like_rest(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                                   OsType os_type, bool mdadm_conf, InspectionData& data) {
  data.arch = check_architecture(ctx);
  auto fstab = check_fstab(ctx, deps, root, os_type, mdadm_conf);
  if (!fstab) return forward(fstab.error());
  data.fstab = std::move(*fstab);
  auto hostname = check_hostname_linux(ctx);
  if (!hostname) return forward(hostname.error());
  data.hostname = *hostname;
  return {};
}

}  // namespace

Result<void> check_linux_root(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                              InspectionData& data) {
  data.os_type = OsType::Linux;
  check_linux_release(ctx, data);
  return check_linux_like_rest(ctx, deps, root, OsType::Linux, true, data);
}

Result<void> check_hurd_root(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                             InspectionData& data) {
  static const std::vector<ReleaseTest> tests = {
      {"/etc/os-release", os_release()},
      {"/etc/debian_version", generic(Distro::Debian)},
  };
  data.os_type = OsType::Hurd;
  run_release_tests(ctx, tests, data);
  return check_linux_like_rest(ctx, deps, root, OsType::Hurd, false, data);
}

void check_linux_usr(Ctx& ctx, InspectionData& data) {
  data.os_type = OsType::Linux;
  if (guest_is_file(ctx, "/lib/os-release", true))
    (void)parse_os_release_file(ctx, "/lib/os-release", data);
  if (auto arch = check_architecture(ctx)) data.arch = arch;
}

// A CoreOS root has only the host name: the OS lives on the /usr filesystem.
Result<void> check_coreos_root(Ctx& ctx, const api::Mountable& root, InspectionData& data) {
  data.os_type = OsType::Linux;
  data.distro = Distro::CoreOs;
  auto hostname = check_hostname_linux(ctx);
  if (!hostname) return forward(hostname.error());
  data.hostname = *hostname;
  // No /etc/fstab: the root is "/".
  data.fstab = {FstabEntry{root, "/"}};
  return {};
}

void check_coreos_usr(Ctx& ctx, const api::Mountable& usr, InspectionData& data) {
  data.os_type = OsType::Linux;
  data.distro = Distro::CoreOs;
  if (guest_is_file(ctx, "/lib/os-release", true))
    (void)parse_os_release_file(ctx, "/lib/os-release", data);
  else if (guest_is_file(ctx, "/share/coreos/lsb-release", true))
    (void)parse_lsb_release_file(ctx, "/share/coreos/lsb-release", data);
  if (auto arch = check_architecture(ctx)) data.arch = arch;
  data.fstab = {FstabEntry{usr, "/usr"}};
}

}  // namespace gfsd::domain::inspect
