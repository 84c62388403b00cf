#include "domain/inspect/architecture.hpp"

#include "domain/inspect/guest_files.hpp"

namespace gfsd::domain::inspect {

std::optional<std::string> check_architecture(Ctx& ctx) {
  for (const char* bin : {"/bin/bash", "/bin/ls", "/bin/echo", "/bin/rm", "/bin/sh"}) {
    if (!guest_is_file(ctx, bin, true)) continue;
    // Relative symlinks resolve within the guest: look at their target.
    auto resolved = ctx.fs.realpath(bin);
    if (!resolved) {
      ctx.log.debug(std::string("check_architecture: ") + bin + ": " + resolved.error().message);
      continue;
    }
    auto arch = file_architecture(ctx, *resolved);
    if (arch) return *arch;
    ctx.log.debug(std::string("check_architecture: ") + bin + ": " + arch.error().message);
  }
  return std::nullopt;
}

}  // namespace gfsd::domain::inspect
