// The inspect_* actions (register_inspect puts them in the table).
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "domain/inspect/inspect_deps.hpp"
#include "domain/inspect/inspect_types.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// inspect_os.cpp
Result<std::vector<std::string>> inspect_os(Ctx& ctx);
Result<std::vector<std::string>> inspect_get_roots(Ctx& ctx);

// inspect_get.cpp
Result<std::string> inspect_get_type(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_distro(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_package_format(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_package_management(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_product_name(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_product_variant(Ctx& ctx, const api::Mountable& root);
Result<int32_t> inspect_get_major_version(Ctx& ctx, const api::Mountable& root);
Result<int32_t> inspect_get_minor_version(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_arch(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_hostname(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_format(Ctx& ctx, const api::Mountable& root);
Result<bool> inspect_is_live(Ctx& ctx, const api::Mountable& root);
Result<bool> inspect_is_netinst(Ctx& ctx, const api::Mountable& root);
Result<bool> inspect_is_multipart(Ctx& ctx, const api::Mountable& root);

// inspect_get_layout.cpp
Result<api::Hashtable> inspect_get_mountpoints(Ctx& ctx, const api::Mountable& root);
Result<std::vector<std::string>> inspect_get_filesystems(Ctx& ctx, const api::Mountable& root);
Result<api::Hashtable> inspect_get_drive_mappings(Ctx& ctx, const api::Mountable& root);

// inspect_get_windows.cpp
Result<std::string> inspect_get_windows_systemroot(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_windows_software_hive(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_windows_system_hive(Ctx& ctx, const api::Mountable& root);
Result<std::string> inspect_get_windows_current_control_set(Ctx& ctx, const api::Mountable& root);

// rpm_applications.cpp
Result<std::vector<api::Application2>> internal_list_rpm_applications(Ctx& ctx);

namespace inspect {

// inspect_os with the services it uses given explicitly (tests pass fakes).
Result<std::vector<std::string>> inspect_os_with(Ctx& ctx, InspectDeps& deps);

// The post-processing of the per-filesystem results, in the original's
// order: CoreOS /usr merged into its root, a BSD root's MBR shadow dropped,
// Linux /usr facts merged into the root whose fstab names it.
Result<std::vector<Fs>> combine_filesystems(Ctx& ctx, std::vector<Fs> fses);

// The facts of an inspected root, or the original's error when there are none.
Result<const InspectionData*> search_for_root(Ctx& ctx, const api::Mountable& root);

}  // namespace inspect

}  // namespace gfsd::domain
