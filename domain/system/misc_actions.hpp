// Small appliance-wide actions: disk usage, the kernel log, the page cache,
// sleeping, the retired 9p actions, and ntfscat_i (an NTFS inode streamed
// out). register_misc puts them in the table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// misc_df.cpp: df(1) in the appliance, so every mount shows, not only the guest's.
Result<std::string> df(Ctx& ctx);
Result<std::string> df_h(Ctx& ctx);

// misc_dmesg.cpp
Result<std::string> dmesg(Ctx& ctx);

// misc_drop_caches.cpp
Result<void> drop_caches(Ctx& ctx, int32_t whattodrop);

// misc_sleep.cpp
Result<void> sleep(Ctx& ctx, int32_t secs);
// How long sleep(3) slept for the argument: it takes an unsigned int.
uint32_t sleep_seconds(int32_t secs);

// misc_9p.cpp: removed in 1.48; they only fail.
Result<std::vector<std::string>> list_9p(Ctx& ctx);
Result<void> mount_9p(Ctx& ctx, const std::string& mounttag, const std::string& mountpoint,
                      const api::opt::mount_9p& opts);

// ntfscat.cpp (FileOut)
Result<void> ntfscat_i(Ctx& ctx, const api::Mountable& device, int64_t inode);

}  // namespace gfsd::domain
