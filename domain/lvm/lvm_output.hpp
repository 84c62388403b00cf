// Helpers shared by the LVM actions: reading lvm's name lists, checking percentages.
// (Running lvm: run_lvm_or_fail_stderr in domain/core/run_tool.hpp.)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// One name per line: blanks trimmed, empty lines and lvm's "unknown device"
// dropped, prefix added, sorted bytewise.
std::vector<std::string> lvm_name_list(const std::string& out, const std::string& prefix = "");

// lvcreate_free, lvresize_free: "percentage must be [0..100] (was N)".
Result<void> check_percent(int32_t percent);

}  // namespace gfsd::domain
