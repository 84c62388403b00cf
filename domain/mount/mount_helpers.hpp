// Mounting a Mountable under the sysroot: shared by the mount actions and by
// OS inspection, which mounts guest filesystems itself.
#pragma once

#include <string>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// Mounts `mountable` on sysroot + `mountpoint` ("/" is the sysroot itself) by
// running mount(8): `mount [-o OPTIONS] [-t VFSTYPE] DEVICE MOUNTPOINT`, the
// mount point resolved inside the sysroot.
// A btrfs subvolume adds "subvol=VOL" in front of the options. Errors as the
// original's mount_vfs: "mount: MP: mount point is not a directory", or
// "mount exited with status N: <stderr>".
Result<void> mount_mountable(Ctx& ctx, const std::string& options, const std::string& vfstype,
                             const api::Mountable& mountable, const std::string& mountpoint);

// The `mount` command line mount_mountable runs (without checking the mount
// point); its last entry is the mount point as a guest path, for the runner.
std::vector<std::string> mount_argv(const std::string& options, const std::string& vfstype,
                                    const api::Mountable& mountable,
                                    const std::string& mountpoint);

}  // namespace gfsd::domain
