// Running the disk tools (blockdev, parted, sfdisk, sgdisk, lvm) the way the
// original's C actions did: on a non-zero exit the error text is the tool's
// stderr alone (trailing newlines removed), which callers prefix as the
// original did ("parted: /dev/sda: ...").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// stdout on success; on failure an Error without errno whose message is stderr
// (stdout too with fold_stdout_on_stderr).
Result<std::string> run_tool(Ctx& ctx, const std::vector<std::string>& argv,
                             const ports::RunOptions& opts = {});

// The filesystem tools' wording: PREFIX before every error message (stderr, or
// why the tool could not start) and no errno; stdout up to its first NUL (the
// original read it as a C string). FOLD: stdout joins stderr.
Result<std::string> run_tool_prefixed(Ctx& ctx, const std::vector<std::string>& argv,
                                      const std::string& prefix = "", bool fold = false);

// run_tool_prefixed for tools whose output does not matter.
Result<void> run_tool_ok(Ctx& ctx, const std::vector<std::string>& argv,
                         const std::string& prefix = "", bool fold = false);

// Parses a number the way sscanf's %i does: leading blanks, a sign, then
// decimal, 0x hex or 0 octal digits; trailing text ignored. nullopt if no digits.
std::optional<int64_t> scan_c_int(const std::string& text);

}  // namespace gfsd::domain
