// The architecture of a Unix guest, from one of its well-known binaries
// (file_architecture, domain/filearch/, tells a binary's architecture).
#pragma once

#include <optional>
#include <string>

#include "domain/ctx.hpp"
#include "domain/filearch/filearch_actions.hpp"

namespace gfsd::domain::inspect {

// The first of /bin/bash, /bin/ls, /bin/echo, /bin/rm, /bin/sh that is a
// file (symlinks followed) whose architecture can be found.
std::optional<std::string> check_architecture(Ctx& ctx);

}  // namespace gfsd::domain::inspect
