// btrfs maintenance: balance and scrub control and status, quotas and quota
// groups. Each action runs the `btrfs` command the original daemon ran, with
// its error texts ("<path>: <btrfs's stderr>").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// Balance (path: a guest directory on the mounted btrfs).
Result<void> btrfs_balance_pause(Ctx& ctx, const std::string& path);
Result<void> btrfs_balance_cancel(Ctx& ctx, const std::string& path);
Result<void> btrfs_balance_resume(Ctx& ctx, const std::string& path);
Result<api::Btrfsbalance> btrfs_balance_status(Ctx& ctx, const std::string& path);

// Scrub.
Result<void> btrfs_scrub_start(Ctx& ctx, const std::string& path);
Result<void> btrfs_scrub_cancel(Ctx& ctx, const std::string& path);
Result<void> btrfs_scrub_resume(Ctx& ctx, const std::string& path);
Result<api::Btrfsscrub> btrfs_scrub_status(Ctx& ctx, const std::string& path);

// Quotas: fs is a device or btrfsvol (mounted for the command on a private
// directory) or a path under the sysroot.
Result<void> btrfs_quota_enable(Ctx& ctx, const api::Mountable& fs, bool enable);
Result<void> btrfs_quota_rescan(Ctx& ctx, const api::Mountable& fs);

// Quota groups.
Result<void> btrfs_qgroup_limit(Ctx& ctx, const std::string& subvolume, int64_t size);
Result<void> btrfs_qgroup_create(Ctx& ctx, const std::string& qgroupid,
                                 const std::string& subvolume);
Result<void> btrfs_qgroup_destroy(Ctx& ctx, const std::string& qgroupid,
                                  const std::string& subvolume);
Result<std::vector<api::Btrfsqgroup>> btrfs_qgroup_show(Ctx& ctx, const std::string& path);
Result<void> btrfs_qgroup_assign(Ctx& ctx, const std::string& src, const std::string& dst,
                                 const std::string& path);
Result<void> btrfs_qgroup_remove(Ctx& ctx, const std::string& src, const std::string& dst,
                                 const std::string& path);

}  // namespace gfsd::domain
