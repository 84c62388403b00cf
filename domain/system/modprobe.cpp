// modprobe: loads a kernel module into the appliance.
#include <string>

#include "domain/core/run_tool.hpp"
#include "domain/system/system_actions.hpp"

namespace gfsd::domain {

Result<void> modprobe(Ctx& ctx, const std::string& modulename) {
  GFSD_TRY(run_or_fail_stderr(ctx, {"modprobe", modulename}));
  return {};
}

}  // namespace gfsd::domain
