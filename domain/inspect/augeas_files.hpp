// Reading a few guest configuration files through Augeas, as inspection does:
// only the named files are loaded, and a parse error in one of them fails.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/augeas.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::inspect {

// Opens a private Augeas tree on the sysroot (no autoload, saves disabled),
// loads the config files that are regular files (symlinks followed) of at most
// 100000 bytes, and runs `body` on it. A parse error in one of the files fails
// with "FILE:LINE:CHAR: augeas parse failure: MESSAGE".
Result<void> with_augeas(Ctx& ctx, const std::vector<std::string>& configfiles,
                         const std::function<Result<void>(ports::AugeasTree&)>& body);

// The load filter that keeps only `files`: each glob of /augeas/load/*/incl
// must not cover any of them for the lens to be dropped.
std::string augeas_load_filter(const std::vector<std::string>& files);

// Lookups whose failures count as "nothing there".
std::optional<std::string> aug_get_quiet(ports::AugeasTree& aug, const std::string& path);
std::vector<std::string> aug_match_quiet(ports::AugeasTree& aug, const std::string& path);

}  // namespace gfsd::domain::inspect
