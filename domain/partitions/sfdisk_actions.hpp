// The deprecated sfdisk actions. They hand sfdisk(8) the very command lines
// the original built, CHS options included: util-linux 2.38 no longer knows
// -C/-H/-S or -uM, and the original's answers with it are those failures, so
// the argv is the contract, not what the options once meant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// sfdisk_write.cpp: a script piped into sfdisk.
Result<void> sfdisk(Ctx& ctx, const std::string& device, int32_t cyls, int32_t heads,
                    int32_t sectors, const std::vector<std::string>& lines);
Result<void> sfdisk_N(Ctx& ctx, const std::string& device, int32_t partnum, int32_t cyls,
                      int32_t heads, int32_t sectors, const std::string& line);
Result<void> sfdiskM(Ctx& ctx, const std::string& device, const std::vector<std::string>& lines);

// The command line of a scripted sfdisk run, as the original spelled it
// through the shell: "-N n" only for n > 0, each of -C/-H/-S when non-zero,
// then the extra flag, then the device. The original built it in a 256-byte
// buffer and refused what did not fit, with its own texts.
struct SfdiskCommand {
  int32_t partnum = 0;
  int32_t cyls = 0, heads = 0, sectors = 0;
  std::optional<std::string> extra_flag;
};
Result<std::vector<std::string>> sfdisk_script_argv(const SfdiskCommand& cmd,
                                                    const std::string& device);

// sfdisk_show.cpp: one query flag, sfdisk's stdout returned.
Result<std::string> sfdisk_l(Ctx& ctx, const std::string& device);
Result<std::string> sfdisk_kernel_geometry(Ctx& ctx, const std::string& device);
Result<std::string> sfdisk_disk_geometry(Ctx& ctx, const std::string& device);

}  // namespace gfsd::domain
