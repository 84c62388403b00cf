// dmesg: the kernel log; an error is dmesg's stderr alone.
#include "domain/core/run_tool.hpp"
#include "domain/system/misc_actions.hpp"

namespace gfsd::domain {

Result<std::string> dmesg(Ctx& ctx) { return run_or_fail_prefixed(ctx, {"dmesg"}); }

}  // namespace gfsd::domain
