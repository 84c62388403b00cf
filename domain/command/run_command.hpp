// Running external programs the way the original daemon's OCaml half did
// (its `command` helper): stdout on success, a fixed error text otherwise.
#pragma once

#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// Runs argv (argv[0] is looked up on PATH). On a non-zero exit the error reads
// "<argv[0]> exited with status N: <stderr without trailing newlines>"; killed
// by a signal: "external command ‘<argv[0]>’ killed by signal".
Result<std::string> run_command(Ctx& ctx, const std::vector<std::string>& argv,
                                const ports::RunOptions& opts = {});

}  // namespace gfsd::domain

namespace gfsd::domain {

// Output split at '\n' as the original's split_lines: no trailing empty line,
// "" gives no lines, "a\n\nb" gives "a", "", "b".
std::vector<std::string> split_lines(const std::string& text);

// Text up to its first NUL: what the original saw of a tool's output, which it
// handled as a C string.
std::string up_to_nul(std::string text);

}  // namespace gfsd::domain
