// Running a `btrfs` subcommand on a filesystem named by a Mountable.
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// Runs `btrfs ARGS... MOUNTPOINT` and returns its stdout.
// - A path Mountable names a directory of what is mounted under the sysroot
//   already: it is passed as a guest argument, resolved inside the sysroot.
// - A device or btrfsvol Mountable is mounted (with subvol= for a btrfsvol) on
//   a private temporary directory of the appliance, never under the sysroot,
//   and unmounted and removed afterwards whatever btrfs answered.
Result<std::string> with_mounted_btrfs(Ctx& ctx, const api::Mountable& fs,
                                       const std::vector<std::string>& btrfs_args);

}  // namespace gfsd::domain
