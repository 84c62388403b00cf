// Running programs: in the guest (command, sh), and the debug action.
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// guest_command.cpp
Result<std::string> command(Ctx& ctx, const std::vector<std::string>& arguments);
Result<std::vector<std::string>> command_lines(Ctx& ctx, const std::vector<std::string>& arguments);
Result<std::string> sh(Ctx& ctx, const std::string& command);
Result<std::vector<std::string>> sh_lines(Ctx& ctx, const std::string& command);

// debug.cpp
Result<std::string> debug(Ctx& ctx, const std::string& subcmd,
                          const std::vector<std::string>& extraargs);

// debug_upload.cpp: FileIn, appliance paths (the debug family acts on the appliance).
Result<void> debug_upload(Ctx& ctx, const std::string& filename, int32_t mode);
Result<void> internal_upload(Ctx& ctx, const std::string& filename, int32_t mode);
Result<void> internal_rhbz914931(Ctx& ctx, int32_t count);

// utsname.cpp
Result<api::Utsname> utsname(Ctx& ctx);

}  // namespace gfsd::domain
