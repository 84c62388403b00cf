// Windows guests: the system root, and facts from the registry hives.
#pragma once

#include <optional>
#include <string>

#include "domain/ctx.hpp"
#include "domain/inspect/inspect_deps.hpp"
#include "domain/inspect/inspect_types.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::inspect {

// The case-correct %SYSTEMROOT% of the filesystem on the sysroot: a usual
// name (/windows, /winnt, /win32, /win, /reactos) holding system32,
// system32/config and system32/cmd.exe, else one named in boot.ini.
std::optional<std::string> get_windows_systemroot(Ctx& ctx);

// Type, distro, system root, architecture (of cmd.exe) and what the
// SOFTWARE and SYSTEM hives say.
Result<void> check_windows_root(Ctx& ctx, InspectDeps& deps, InspectionData& data);

// windows_registry.cpp
// ProductName, version, InstallationType from HKLM\SOFTWARE.
Result<void> check_windows_software_registry(Ctx& ctx, const std::string& hive_path,
                                             InspectionData& data);
// Drive letters, CurrentControlSet and host name from HKLM\SYSTEM.
Result<void> check_windows_system_registry(Ctx& ctx, InspectDeps& deps,
                                           const std::string& hive_path, InspectionData& data);

}  // namespace gfsd::domain::inspect
