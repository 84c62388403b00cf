// What is inside guest binaries, compressed files and initrds: the
// architecture of a binary, the listing and files of an initrd, file(1) of a
// compressed file (register_filearch puts these in the table).
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// file_architecture.cpp (inspection uses it too)
Result<std::string> file_architecture(Ctx& ctx, const std::string& path);

// initrd.cpp
Result<std::vector<std::string>> initrd_list(Ctx& ctx, const std::string& path);
Result<std::string> initrd_cat(Ctx& ctx, const std::string& initrdpath,
                               const std::string& filename);

// zfile.cpp
Result<std::string> zfile(Ctx& ctx, const std::string& method, const std::string& path);

}  // namespace gfsd::domain
