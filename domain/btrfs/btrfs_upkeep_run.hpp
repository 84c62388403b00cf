// How the maintenance actions run `btrfs` on a guest path.
#pragma once

#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// Runs `btrfs ARGS... PATH`, PATH a guest path the runner resolves inside the
// sysroot (btrfs opens it, following a final symlink). Fails with
// "<path>: <btrfs's stderr>" (or "<path>: <why it did not run>"), no errno.
// Returns stdout up to its first NUL.
Result<std::string> run_btrfs_on_guest_path(Ctx& ctx, const std::vector<std::string>& args,
                                            const std::string& path);

}  // namespace gfsd::domain
