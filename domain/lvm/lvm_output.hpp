// Helpers shared by the LVM actions: running lvm, and reading its name lists.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// lvm ARGS...: stdout, or an error whose message is lvm's stderr.
Result<std::string> run_lvm(Ctx& ctx, const std::vector<std::string>& args);

// Like run_lvm, then udev settled (for commands that create or remove nodes).
Result<void> run_lvm_settled(Ctx& ctx, const std::vector<std::string>& args);

// One name per line: blanks trimmed, empty lines and lvm's "unknown device"
// dropped, prefix added, sorted bytewise.
std::vector<std::string> lvm_name_list(const std::string& out, const std::string& prefix = "");

// lvcreate_free, lvresize_free: "percentage must be [0..100] (was N)".
Result<void> check_percent(int32_t percent);

// Leading and trailing whitespace removed (C isspace).
std::string trim_blanks(const std::string& s);

}  // namespace gfsd::domain
