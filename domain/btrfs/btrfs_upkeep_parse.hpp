// Reading the reports of `btrfs balance status`, `btrfs scrub status -R` and
// `btrfs qgroup show` into the library's structs, with the original daemon's
// rules and error texts (its tests and callers rely on both).
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// `out` is the tool's stdout as the original saw it (up to a NUL).
Result<api::Btrfsbalance> parse_btrfs_balance_status(const std::string& out);
Result<api::Btrfsscrub> parse_btrfs_scrub_status(const std::string& out);
Result<std::vector<api::Btrfsqgroup>> parse_btrfs_qgroup_show(const std::string& out);

}  // namespace gfsd::domain
