// Block devices: listing disks and partitions, partition names, disk labels,
// and the blockdev(8) family (register_devices puts them in the table).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// list_devices.cpp
Result<std::vector<std::string>> list_devices(Ctx& ctx);
Result<std::vector<std::string>> list_partitions(Ctx& ctx);
Result<int32_t> nr_devices(Ctx& ctx);
Result<api::Hashtable> list_disk_labels(Ctx& ctx);

// ldm_lists.cpp (list_filesystems lists the same volumes)
Result<std::vector<std::string>> list_ldm_volumes(Ctx& ctx);
Result<std::vector<std::string>> list_ldm_partitions(Ctx& ctx);

// part_names.cpp
Result<std::string> part_to_dev(Ctx& ctx, const std::string& partition);
Result<int32_t> part_to_partnum(Ctx& ctx, const std::string& partition);

// blockdev.cpp
Result<void> blockdev_setro(Ctx& ctx, const std::string& device);
Result<void> blockdev_setrw(Ctx& ctx, const std::string& device);
Result<bool> blockdev_getro(Ctx& ctx, const std::string& device);
Result<int32_t> blockdev_getss(Ctx& ctx, const std::string& device);
Result<int32_t> blockdev_getbsz(Ctx& ctx, const std::string& device);
Result<void> blockdev_setbsz(Ctx& ctx, const std::string& device, int32_t blocksize);
Result<int64_t> blockdev_getsz(Ctx& ctx, const std::string& device);
Result<int64_t> blockdev_getsize64(Ctx& ctx, const std::string& device);
Result<void> blockdev_flushbufs(Ctx& ctx, const std::string& device);
Result<void> blockdev_rereadpt(Ctx& ctx, const std::string& device);
Result<void> blockdev_setra(Ctx& ctx, const std::string& device, int32_t sectors);

}  // namespace gfsd::domain
