// Linux software RAID through mdadm(8) and /proc/mdstat, as the original did
// (register_md puts these in the table; the dispatcher checks the "mdadm"
// optgroup where the original had one).
#pragma once

#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// list_md_devices.cpp (list_filesystems lists the same arrays)
Result<std::vector<std::string>> list_md_devices(Ctx& ctx);

// md_create.cpp
Result<void> md_create(Ctx& ctx, const std::string& name, const std::vector<std::string>& devices,
                       const api::opt::md_create& opt);
Result<void> md_stop(Ctx& ctx, const std::string& md);

// md_detail.cpp
Result<api::Hashtable> md_detail(Ctx& ctx, const std::string& md);

// md_stat.cpp
Result<std::vector<api::Mdstat>> md_stat(Ctx& ctx, const std::string& md);

}  // namespace gfsd::domain
