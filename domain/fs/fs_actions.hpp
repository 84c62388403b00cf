// Filesystem actions: making, probing, labelling, listing. vfs_type and
// list_filesystems are also called directly by OS inspection.
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// blkid_tags.cpp
// TYPE of the filesystem (blkid), "" when blkid finds none.
Result<std::string> vfs_type(Ctx& ctx, const api::Mountable& mountable);
Result<std::string> vfs_label(Ctx& ctx, const api::Mountable& mountable);
Result<std::string> vfs_uuid(Ctx& ctx, const api::Mountable& mountable);
Result<api::Hashtable> blkid(Ctx& ctx, const std::string& device);
// One blkid tag as the original's C actions read it: "" when absent; errors
// "<device>: <stderr> (blkid returned N)".
Result<std::string> blkid_tag(Ctx& ctx, const std::string& device, const std::string& tag);

// findfs.cpp
Result<std::string> findfs_uuid(Ctx& ctx, const std::string& uuid);
Result<std::string> findfs_label(Ctx& ctx, const std::string& label);

// list_filesystems.cpp
// Every filesystem on the guest's devices, partitions, md, LVs: mountable
// (appliance device names, "btrfsvol:DEV/VOL" for subvolumes) -> type, or
// "unknown" when nothing was recognised. Containers (PVs, LUKS, RAID members)
// and partitioned whole disks are left out.
Result<api::Hashtable> list_filesystems(Ctx& ctx);

// btrfs_subvolumes.cpp (the filesystem is mounted on a temporary directory)
Result<std::vector<api::Btrfssubvolume>> btrfs_subvolume_list(Ctx& ctx, const api::Mountable& fs);
Result<int64_t> btrfs_subvolume_get_default(Ctx& ctx, const api::Mountable& fs);

// mkfs.cpp
Result<void> mkfs(Ctx& ctx, const std::string& fstype, const std::string& device,
                  const api::opt::mkfs& opts);
Result<void> mkfs_b(Ctx& ctx, const std::string& fstype, int32_t blocksize,
                    const std::string& device);
// wipefs -a --force: done right before making a filesystem, never earlier.
void wipe_device_before_mkfs(Ctx& ctx, const std::string& device);

// labels.cpp
// ext2/3/4 labels hold 16 bytes; a longer one is refused before any tool runs.
Result<void> check_ext2_label(const std::string& label);
Result<void> set_label(Ctx& ctx, const api::Mountable& mountable, const std::string& label);
Result<void> set_e2label(Ctx& ctx, const std::string& device, const std::string& label);
Result<std::string> get_e2label(Ctx& ctx, const std::string& device);

// fsck.cpp
Result<int32_t> fsck(Ctx& ctx, const std::string& fstype, const std::string& device);
Result<void> e2fsck(Ctx& ctx, const std::string& device, const api::opt::e2fsck& opts);
Result<void> e2fsck_f(Ctx& ctx, const std::string& device);

// parse_mountable.cpp
Result<api::InternalMountable> internal_parse_mountable(Ctx& ctx, const api::Mountable& mountable);

// zero.cpp
Result<void> zero(Ctx& ctx, const std::string& device);
Result<void> zero_device(Ctx& ctx, const std::string& device);
Result<bool> is_zero(Ctx& ctx, const std::string& path);
Result<bool> is_zero_device(Ctx& ctx, const std::string& device);
Result<void> zero_free_space(Ctx& ctx, const std::string& directory);

// uuids.cpp
Result<void> set_e2uuid(Ctx& ctx, const std::string& device, const std::string& uuid);
Result<std::string> get_e2uuid(Ctx& ctx, const std::string& device);
Result<void> set_uuid(Ctx& ctx, const std::string& device, const std::string& uuid);
Result<void> set_uuid_random(Ctx& ctx, const std::string& device);

// swap.cpp
Result<void> mkswap(Ctx& ctx, const std::string& device, const api::opt::mkswap& opts);
Result<void> mkswap_L(Ctx& ctx, const std::string& label, const std::string& device);
Result<void> mkswap_U(Ctx& ctx, const std::string& uuid, const std::string& device);
Result<void> mkswap_file(Ctx& ctx, const std::string& path);
Result<void> swapon_device(Ctx& ctx, const std::string& device);
Result<void> swapoff_device(Ctx& ctx, const std::string& device);
Result<void> swapon_file(Ctx& ctx, const std::string& path);
Result<void> swapoff_file(Ctx& ctx, const std::string& path);
Result<void> swapon_label(Ctx& ctx, const std::string& label);
Result<void> swapoff_label(Ctx& ctx, const std::string& label);
Result<void> swapon_uuid(Ctx& ctx, const std::string& uuid);
Result<void> swapoff_uuid(Ctx& ctx, const std::string& uuid);

// ext2_tools.cpp
Result<api::Hashtable> tune2fs_l(Ctx& ctx, const std::string& device);
Result<void> tune2fs(Ctx& ctx, const std::string& device, const api::opt::tune2fs& opts);
Result<void> resize2fs(Ctx& ctx, const std::string& device);
Result<void> resize2fs_size(Ctx& ctx, const std::string& device, int64_t size);
Result<void> resize2fs_M(Ctx& ctx, const std::string& device);
Result<int64_t> ext_minimum_size(Ctx& ctx, const std::string& device);
Result<void> mke2journal(Ctx& ctx, int32_t blocksize, const std::string& device);
Result<void> mke2journal_L(Ctx& ctx, int32_t blocksize, const std::string& label,
                           const std::string& device);
Result<void> mke2journal_U(Ctx& ctx, int32_t blocksize, const std::string& uuid,
                           const std::string& device);
Result<void> mke2fs_J(Ctx& ctx, const std::string& fstype, int32_t blocksize,
                      const std::string& device, const std::string& journal);
Result<void> mke2fs_JL(Ctx& ctx, const std::string& fstype, int32_t blocksize,
                       const std::string& device, const std::string& label);
Result<void> mke2fs_JU(Ctx& ctx, const std::string& fstype, int32_t blocksize,
                       const std::string& device, const std::string& uuid);

// ext2_attrs.cpp
Result<std::string> get_e2attrs(Ctx& ctx, const std::string& file);
Result<void> set_e2attrs(Ctx& ctx, const std::string& file, const std::string& attrs,
                         const api::opt::set_e2attrs& opts);
Result<int64_t> get_e2generation(Ctx& ctx, const std::string& file);
Result<void> set_e2generation(Ctx& ctx, const std::string& file, int64_t generation);
Result<void> mklost_and_found(Ctx& ctx, const std::string& mountpoint);

// xfs.cpp
Result<api::Xfsinfo> xfs_info(Ctx& ctx, const api::DevOrPath& pathordevice);
Result<void> xfs_admin(Ctx& ctx, const std::string& device, const api::opt::xfs_admin& opts);
Result<void> xfs_growfs(Ctx& ctx, const std::string& path, const api::opt::xfs_growfs& opts);
Result<int32_t> xfs_repair(Ctx& ctx, const api::DevOrPath& device,
                           const api::opt::xfs_repair& opts);

// min_size.cpp
Result<int64_t> vfs_minimum_size(Ctx& ctx, const api::Mountable& mountable);

// ntfs_tools.cpp
Result<int32_t> ntfs_3g_probe(Ctx& ctx, bool rw, const std::string& device);
Result<void> ntfsresize(Ctx& ctx, const std::string& device, const api::opt::ntfsresize& opts);
Result<void> ntfsresize_size(Ctx& ctx, const std::string& device, int64_t size);
Result<void> ntfsfix(Ctx& ctx, const std::string& device, const api::opt::ntfsfix& opts);
// ntfs_clone.cpp
Result<void> ntfsclone_out(Ctx& ctx, const std::string& device, const api::opt::ntfsclone_out& o);
Result<void> ntfsclone_in(Ctx& ctx, const std::string& device);
Result<void> wipefs(Ctx& ctx, const std::string& device);
Result<void> zerofree(Ctx& ctx, const std::string& device);

// mke2fs.cpp
Result<void> mke2fs(Ctx& ctx, const std::string& device, const api::opt::mke2fs& opts);

// availability.cpp
Result<bool> filesystem_available(Ctx& ctx, const std::string& filesystem);

}  // namespace gfsd::domain
