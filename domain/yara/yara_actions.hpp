// The YARA actions (group "libyara"): one set of rules per daemon, uploaded
// as source or compiled rules, then matched against guest files.
#pragma once

#include <string>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// yara_load.cpp
Result<void> yara_load(Ctx& ctx);
Result<void> yara_destroy(Ctx& ctx);

// yara_scan.cpp
Result<void> internal_yara_scan(Ctx& ctx, const std::string& path);

}  // namespace gfsd::domain
