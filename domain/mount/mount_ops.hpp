// Mounting and unmounting under the sysroot.
#pragma once

#include "domain/ctx.hpp"

namespace gfsd::domain {

// Unmounts everything at or below the sysroot, deepest first.
Result<void> umount_all(Ctx& ctx);

// sync(2), then a flush of every guest disk: sync alone issues no barrier.
void sync_disks(Ctx& ctx);

}  // namespace gfsd::domain
