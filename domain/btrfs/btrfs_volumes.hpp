// btrfs volumes: making the filesystem, its subvolumes, its devices, its
// tuning and repair tools. Each action runs the btrfs-progs program the
// original ran, with the same arguments and the same error wording
// ("<what the caller named>: <the program's stderr>").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// ---- making one ----------------------------------------------------------
Result<void> mkfs_btrfs(Ctx& ctx, const std::vector<std::string>& devices,
                        const api::opt::mkfs_btrfs& opts);

// ---- subvolumes (guest paths) ---------------------------------------------
Result<void> btrfs_subvolume_create(Ctx& ctx, const std::string& dest,
                                    const api::opt::btrfs_subvolume_create& opts);
Result<void> btrfs_subvolume_delete(Ctx& ctx, const std::string& subvolume);
Result<void> btrfs_subvolume_snapshot(Ctx& ctx, const std::string& source, const std::string& dest,
                                      const api::opt::btrfs_subvolume_snapshot& opts);
Result<void> btrfs_subvolume_set_default(Ctx& ctx, int64_t id, const std::string& fs);
Result<api::Hashtable> btrfs_subvolume_show(Ctx& ctx, const std::string& subvolume);

// The fields of `btrfs subvolume show` output, in order: the first line is
// the subvolume's path ("path"), then "Key: value" pairs ("-" read as ""),
// and "Snapshot(s)" gets the names listed below it joined with ",".
// Fails only when the output has no complete first line.
Result<api::Hashtable> parse_btrfs_subvolume_show(std::string_view out);

// ---- the mounted filesystem (guest paths) ---------------------------------
Result<void> btrfs_filesystem_balance(Ctx& ctx, const std::string& fs);
Result<void> btrfs_filesystem_defragment(Ctx& ctx, const std::string& path,
                                         const api::opt::btrfs_filesystem_defragment& opts);
Result<void> btrfs_filesystem_resize(Ctx& ctx, const std::string& mountpoint,
                                     const api::opt::btrfs_filesystem_resize& opts);
Result<void> btrfs_filesystem_sync(Ctx& ctx, const std::string& fs);

// ---- the devices of a filesystem ------------------------------------------
Result<std::vector<std::string>> btrfs_filesystem_show(Ctx& ctx, const std::string& device);

// The device paths `btrfs filesystem show DEVICE` lists (its first line is
// not looked at); `device` names the device in the errors.
Result<std::vector<std::string>> parse_btrfs_filesystem_show(std::string_view out,
                                                             const std::string& device);

Result<void> btrfs_device_add(Ctx& ctx, const std::vector<std::string>& devices,
                              const std::string& fs);
Result<void> btrfs_device_delete(Ctx& ctx, const std::vector<std::string>& devices,
                                 const std::string& fs);
Result<void> btrfs_replace(Ctx& ctx, const std::string& srcdev, const std::string& targetdev,
                           const std::string& mntpoint);

// ---- btrfstune (unmounted devices) ----------------------------------------
Result<void> btrfs_set_seeding(Ctx& ctx, const std::string& device, bool seeding);
Result<void> btrfstune_seeding(Ctx& ctx, const std::string& device, bool seeding);
Result<void> btrfstune_enable_extended_inode_refs(Ctx& ctx, const std::string& device);
Result<void> btrfstune_enable_skinny_metadata_extent_refs(Ctx& ctx, const std::string& device);

// ---- checking, imaging, rescuing (unmounted devices) ----------------------
Result<void> btrfs_fsck(Ctx& ctx, const std::string& device, const api::opt::btrfs_fsck& opts);
Result<void> btrfs_image(Ctx& ctx, const std::vector<std::string>& sources,
                         const std::string& image, const api::opt::btrfs_image& opts);
Result<void> btrfs_rescue_chunk_recover(Ctx& ctx, const std::string& device);
Result<void> btrfs_rescue_super_recover(Ctx& ctx, const std::string& device);

}  // namespace gfsd::domain
