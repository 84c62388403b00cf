// Facts about a Unix root (or /usr) filesystem mounted on the sysroot.
#pragma once

#include <regex>
#include <string>

#include "domain/ctx.hpp"
#include "domain/inspect/inspect_deps.hpp"
#include "domain/inspect/inspect_types.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::inspect {

// linux_root.cpp
// Runs the release-file tests in order until one is conclusive (os-release,
// lsb-release, then the distribution-specific files).
void check_linux_release(Ctx& ctx, InspectionData& data);
Result<void> check_linux_root(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                              InspectionData& data);
// Linux's checks with the Hurd's shorter release list (os-release, debian_version).
Result<void> check_hurd_root(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                             InspectionData& data);
void check_linux_usr(Ctx& ctx, InspectionData& data);
Result<void> check_coreos_root(Ctx& ctx, const api::Mountable& root, InspectionData& data);
void check_coreos_usr(Ctx& ctx, const api::Mountable& usr, InspectionData& data);

// other_roots.cpp
Result<void> check_freebsd_root(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                                InspectionData& data);
Result<void> check_netbsd_root(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                               InspectionData& data);
// The original reports OpenBSD as FreeBSD: the same checks.
Result<void> check_openbsd_root(Ctx& ctx, InspectDeps& deps, const api::Mountable& root,
                                InspectionData& data);
void check_minix_root(Ctx& ctx, InspectionData& data);

// release_tests.cpp: one release file and how to read it.
// parse_generic on the first line of a small guest file (false if it is not one).
bool parse_generic_file(Ctx& ctx, const std::string& path, Distro distro, const std::regex* rex,
                        InspectionData& data);
bool parse_os_release_file(Ctx& ctx, const std::string& path, InspectionData& data);
bool parse_lsb_release_file(Ctx& ctx, const std::string& path, InspectionData& data);

}  // namespace gfsd::domain::inspect
