// The architecture of a guest binary, from what file(1) says about it.
#pragma once

#include <optional>
#include <string>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::inspect {

// "ELF 64-bit LSB pie executable, x86-64, ..." -> "x86_64"; PE32 -> "i386",
// PE32+ -> "x86_64"; nullopt when the description names no known format.
std::optional<std::string> architecture_of_magic(const std::string& magic);

// Runs `file -zSb` on a regular file of the guest (guest path) and decodes it.
// Errors: "unknown architecture: PATH", or the file command's failure.
Result<std::string> file_architecture(Ctx& ctx, const std::string& path);

// The first of /bin/bash, /bin/ls, /bin/echo, /bin/rm, /bin/sh that is a
// file (symlinks followed) whose architecture can be found.
std::optional<std::string> check_architecture(Ctx& ctx);

}  // namespace gfsd::domain::inspect
