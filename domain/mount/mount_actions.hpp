// The mount actions (register_mount puts them in the table).
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// mount_actions.cpp
Result<void> mount(Ctx& ctx, const api::Mountable& mountable, const std::string& mountpoint);
Result<void> mount_ro(Ctx& ctx, const api::Mountable& mountable, const std::string& mountpoint);
Result<void> mount_options(Ctx& ctx, const std::string& options, const api::Mountable& mountable,
                           const std::string& mountpoint);
Result<void> mount_vfs(Ctx& ctx, const std::string& options, const std::string& vfstype,
                       const api::Mountable& mountable, const std::string& mountpoint);
Result<void> umount(Ctx& ctx, const api::DevOrPath& pathordevice, const api::opt::umount& opts);

// mount_table.cpp
Result<std::vector<std::string>> mounts(Ctx& ctx);
Result<api::Hashtable> mountpoints(Ctx& ctx);

// mount_points.cpp
Result<void> mkmountpoint(Ctx& ctx, const std::string& exemptpath);
Result<void> rmmountpoint(Ctx& ctx, const std::string& exemptpath);
Result<void> mount_loop(Ctx& ctx, const std::string& file, const std::string& mountpoint);
Result<void> remount(Ctx& ctx, const std::string& mountpoint, const api::opt::remount& opts);

}  // namespace gfsd::domain
