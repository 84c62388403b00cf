#include "domain/inspect/windows.hpp"

#include "domain/files/file_actions.hpp"
#include "domain/inspect/architecture.hpp"
#include "domain/inspect/guest_files.hpp"
#include "domain/inspect/registry.hpp"

namespace gfsd::domain::inspect {

namespace {

// A real system root, not just a directory of that name. Disks holding only
// applications have "Program Files" but no system32 (RHBZ#674130).
bool is_systemroot(Ctx& ctx, const std::string& root) {
  return is_dir_nocase(ctx, root + "/system32") && is_dir_nocase(ctx, root + "/system32/config") &&
         is_file_nocase(ctx, root + "/system32/cmd.exe");
}

std::optional<std::string> case_sensitive_path_silently(Ctx& ctx, const std::string& path) {
  auto p = case_sensitive_path(ctx, path);
  if (p) return *p;
  ctx.log.debug("case_sensitive_path_silently: " + path + ": " + p.error().message);
  return std::nullopt;
}

std::optional<std::string> systemroot_from_boot_ini(Ctx& ctx, const std::string& boot_ini) {
  auto lines = read_small_file(ctx, boot_ini);
  if (!lines) return std::nullopt;
  for (const auto& root : boot_ini_systemroots(*lines))
    if (is_systemroot(ctx, root)) return root;
  return std::nullopt;
}

// The hive file if it exists (the config directory is known to).
Result<std::optional<std::string>> find_hive(Ctx& ctx, const std::string& systemroot,
                                             const char* name) {
  auto path = case_sensitive_path(ctx, systemroot + "/system32/config/" + name);
  if (!path) return forward(path.error());
  if (!guest_is_file(ctx, *path)) return std::optional<std::string>();
  return std::optional<std::string>(*path);
}

}  // namespace

std::optional<std::string> get_windows_systemroot(Ctx& ctx) {
  std::optional<std::string> found;
  for (const char* candidate : {"/windows", "/winnt", "/win32", "/win", "/reactos"}) {
    auto path = case_sensitive_path_silently(ctx, candidate);
    if (path && is_systemroot(ctx, *path)) {
      found = path;
      break;
    }
  }
  if (!found)
    if (auto boot_ini = case_sensitive_path_silently(ctx, "/boot.ini"))
      found = systemroot_from_boot_ini(ctx, *boot_ini);
  if (found) ctx.log.debug("get_windows_systemroot: windows %SYSTEMROOT% = " + *found);
  return found;
}

Result<void> check_windows_root(Ctx& ctx, InspectDeps& deps, InspectionData& data) {
  auto systemroot = get_windows_systemroot(ctx);
  if (!systemroot) return fail("not a Windows system root");
  data.os_type = OsType::Windows;
  data.distro = Distro::Windows;
  data.windows_systemroot = *systemroot;

  auto cmd_exe = case_sensitive_path(ctx, *systemroot + "/system32/cmd.exe");
  if (!cmd_exe) return forward(cmd_exe.error());
  auto arch = file_architecture(ctx, *cmd_exe);
  if (!arch) return forward(arch.error());
  data.arch = *arch;

  auto software = find_hive(ctx, *systemroot, "software");
  if (!software) return forward(software.error());
  data.windows_software_hive = *software;
  auto system = find_hive(ctx, *systemroot, "system");
  if (!system) return forward(system.error());
  data.windows_system_hive = *system;
  if (!*software || !*system) return {};

  GFSD_TRY(check_windows_software_registry(ctx, **software, data));
  return check_windows_system_registry(ctx, deps, **system, data);
}

}  // namespace gfsd::domain::inspect
