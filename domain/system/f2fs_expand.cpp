// f2fs_expand: grows an F2FS filesystem to the size of its device.
#include <string>

#include "domain/core/run_tool.hpp"
#include "domain/system/system_actions.hpp"

namespace gfsd::domain {

// resize.f2fs reports some failures on stdout: the error holds both.
Result<void> f2fs_expand(Ctx& ctx, const std::string& device) {
  GFSD_TRY(run_or_fail_stderr(ctx, {"resize.f2fs", device}, stdout_on_stderr()));
  return {};
}

}  // namespace gfsd::domain
