// Deciding what one filesystem is (an OS root, a /usr, swap, something else)
// and gathering its facts.
#pragma once

#include <optional>
#include <string>

#include "domain/ctx.hpp"
#include "domain/inspect/inspect_deps.hpp"
#include "domain/inspect/inspect_types.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::inspect {

// Mounts the filesystem read-only on the sysroot, looks at it, unmounts
// everything. nullopt when it cannot be mounted (it is then left out).
Result<std::optional<Fs>> check_for_filesystem_on(Ctx& ctx, InspectDeps& deps,
                                                  const api::Mountable& mountable,
                                                  const std::string& vfs_type);

// The role and facts of the filesystem mounted on the sysroot.
Result<Fs> check_filesystem(Ctx& ctx, InspectDeps& deps, const api::Mountable& mountable);

// Package format and manager follow from the distro (and its major version).
std::optional<PackageFormat> package_format_of(const InspectionData& data);
std::optional<PackageManagement> package_management_of(Ctx& ctx, const InspectionData& data);

}  // namespace gfsd::domain::inspect
