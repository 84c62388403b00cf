// Parsers of the files that name a Unix distribution and its version. Each
// takes the file's lines, updates `data` (even when it then says "not enough")
// and returns true when the search for the distro may stop.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "domain/inspect/inspect_types.hpp"

namespace gfsd::domain::inspect {

// /etc/os-release (systemd): ID, PRETTY_NAME, VERSION_ID.
bool parse_os_release(const std::vector<std::string>& lines, InspectionData& data);

// /etc/lsb-release: DISTRIB_ID, DISTRIB_RELEASE, DISTRIB_DESCRIPTION.
bool parse_lsb_release(const std::vector<std::string>& lines, InspectionData& data);

// /etc/SuSE-release: product name line, then VERSION / PATCHLEVEL lines.
bool parse_suse_release(const std::vector<std::string>& lines, InspectionData& data);

// Any other release file, given its first line: the product name is that line
// and the distro is `distro`. With `rex`, the line must match it and its groups
// 1 and 2 (when present and numeric) are the version; without, a best-effort
// "N.M" / "N" search. An empty line fails.
bool parse_generic(const std::string& first_line, Distro distro, const std::regex* rex,
                   InspectionData& data);

// ID= values of os-release and DISTRIB_ID= values of lsb-release.
std::optional<Distro> distro_of_os_release_id(const std::string& id);
std::optional<Distro> distro_of_lsb_release_id(const std::string& id);

}  // namespace gfsd::domain::inspect
