// Partition tables: parted for the table and its flags, sfdisk for MBR type
// bytes, sgdisk for GPT fields (register_partitions puts them in the table).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// part_table.cpp
Result<void> part_init(Ctx& ctx, const std::string& device, const std::string& parttype);
Result<void> part_disk(Ctx& ctx, const std::string& device, const std::string& parttype);
Result<void> part_add(Ctx& ctx, const std::string& device, const std::string& prlogex,
                      int64_t startsect, int64_t endsect);
Result<void> part_del(Ctx& ctx, const std::string& device, int32_t partnum);
Result<void> part_resize(Ctx& ctx, const std::string& device, int32_t partnum, int64_t endsect);
Result<void> part_set_bootable(Ctx& ctx, const std::string& device, int32_t partnum,
                               bool bootable);
Result<void> part_set_name(Ctx& ctx, const std::string& device, int32_t partnum,
                           const std::string& name);

// part_query.cpp
Result<std::vector<api::Partition>> part_list(Ctx& ctx, const std::string& device);
Result<std::string> part_get_parttype(Ctx& ctx, const std::string& device);
Result<bool> part_get_bootable(Ctx& ctx, const std::string& device, int32_t partnum);
Result<std::string> part_get_name(Ctx& ctx, const std::string& device, int32_t partnum);

// part_mbr.cpp
Result<int32_t> part_get_mbr_id(Ctx& ctx, const std::string& device, int32_t partnum);
Result<void> part_set_mbr_id(Ctx& ctx, const std::string& device, int32_t partnum,
                             int32_t idbyte);
Result<std::string> part_get_mbr_part_type(Ctx& ctx, const std::string& device, int32_t partnum);

// part_gpt.cpp
Result<void> part_set_gpt_type(Ctx& ctx, const std::string& device, int32_t partnum,
                               const std::string& guid);
Result<std::string> part_get_gpt_type(Ctx& ctx, const std::string& device, int32_t partnum);
Result<void> part_set_gpt_guid(Ctx& ctx, const std::string& device, int32_t partnum,
                               const std::string& guid);
Result<std::string> part_get_gpt_guid(Ctx& ctx, const std::string& device, int32_t partnum);
Result<void> part_set_gpt_attributes(Ctx& ctx, const std::string& device, int32_t partnum,
                                     int64_t attributes);
Result<int64_t> part_get_gpt_attributes(Ctx& ctx, const std::string& device, int32_t partnum);
Result<std::string> part_get_disk_guid(Ctx& ctx, const std::string& device);
Result<void> part_set_disk_guid(Ctx& ctx, const std::string& device, const std::string& guid);
Result<void> part_set_disk_guid_random(Ctx& ctx, const std::string& device);
Result<void> part_expand_gpt(Ctx& ctx, const std::string& device);

// bogus_mbr.cpp: the fake MBR that mkfs.fat >= 4.2 writes on whole disks.
bool has_bogus_mbr(Ctx& ctx, const std::string& device);

// Shared by the actions taking a partition number.
Result<void> check_partnum(int32_t partnum);

}  // namespace gfsd::domain
