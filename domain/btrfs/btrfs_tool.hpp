// Running a btrfs-progs program the way every btrfs action does.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// A guest path at argv[index] that the program follows (resolves with
// realpath, opens, stats): the runner follows a symlink there inside the
// sysroot first, so that the program never looks through one on the host.
inline ports::GuestArg followed(size_t index) { return {index, ports::GuestArg::Last::Follow}; }

// Runs argv, whose `guest_args` entries are guest paths for the runner to
// resolve inside the sysroot. A failure reads "<what>: <stderr>" (or
// "<what>: <the runner's message>" when the program could not start), with
// no errno, as the original's did. Returns stdout up to its first NUL.
Result<std::string> run_btrfs_tool(Ctx& ctx, const std::vector<std::string>& argv,
                                   const std::string& what,
                                   std::vector<ports::GuestArg> guest_args = {});

// `btrfs ARGS... PATH`, PATH a guest path that btrfs opens (a final symlink
// followed inside the sysroot); errors "<path>: <stderr>". The maintenance
// actions (balance, scrub, quota, qgroup) all take this form.
Result<std::string> run_btrfs_on_guest_path(Ctx& ctx, const std::vector<std::string>& args,
                                            const std::string& path);

}  // namespace gfsd::domain
