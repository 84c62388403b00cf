// Windows dynamic disks (LDM) through ldmtool: activating and removing their
// volumes' device-mapper devices, and what ldmtool's JSON says about disk
// groups and volumes. register_ldm puts them in the table.
#pragma once

#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// ldmtool.cpp
Result<void> ldmtool_create_all(Ctx& ctx);
Result<void> ldmtool_remove_all(Ctx& ctx);
Result<std::vector<std::string>> ldmtool_scan(Ctx& ctx);
Result<std::vector<std::string>> ldmtool_scan_devices(Ctx& ctx,
                                                      const std::vector<std::string>& devices);
Result<std::string> ldmtool_diskgroup_name(Ctx& ctx, const std::string& diskgroup);
Result<std::vector<std::string>> ldmtool_diskgroup_volumes(Ctx& ctx, const std::string& diskgroup);
Result<std::vector<std::string>> ldmtool_diskgroup_disks(Ctx& ctx, const std::string& diskgroup);
Result<std::string> ldmtool_volume_type(Ctx& ctx, const std::string& diskgroup,
                                        const std::string& volume);
Result<std::string> ldmtool_volume_hint(Ctx& ctx, const std::string& diskgroup,
                                        const std::string& volume);
Result<std::vector<std::string>> ldmtool_volume_partitions(Ctx& ctx, const std::string& diskgroup,
                                                           const std::string& volume);

}  // namespace gfsd::domain
