// LUKS and other dm-crypt devices through cryptsetup(8), as the original did
// (register_luks puts these in the table; the dispatcher checks the "luks"
// optgroup). Keys reach cryptsetup as in-memory files named on its command
// line (ports::RunOptions::data_args): never in argv, a log or a disk file.
#pragma once

#include <cstdint>
#include <string>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// cryptsetup_open.cpp
Result<void> cryptsetup_open(Ctx& ctx, const std::string& device, const std::string& key,
                             const std::string& mapname, const api::opt::cryptsetup_open& opt);
Result<void> cryptsetup_close(Ctx& ctx, const std::string& device);
Result<void> luks_open(Ctx& ctx, const std::string& device, const std::string& key,
                       const std::string& mapname);
Result<void> luks_open_ro(Ctx& ctx, const std::string& device, const std::string& key,
                          const std::string& mapname);
Result<void> luks_close(Ctx& ctx, const std::string& device);

// luks_keys.cpp
Result<void> luks_format(Ctx& ctx, const std::string& device, const std::string& key,
                         int32_t keyslot);
Result<void> luks_format_cipher(Ctx& ctx, const std::string& device, const std::string& key,
                                int32_t keyslot, const std::string& cipher);
Result<void> luks_add_key(Ctx& ctx, const std::string& device, const std::string& key,
                          const std::string& newkey, int32_t keyslot);
Result<void> luks_kill_slot(Ctx& ctx, const std::string& device, const std::string& key,
                            int32_t keyslot);
Result<std::string> luks_uuid(Ctx& ctx, const std::string& device);

}  // namespace gfsd::domain
