// df, df_h: df(1) run in the appliance (not chrooted), as the original did.
#include "domain/core/arg_checks.hpp"
#include "domain/core/run_tool.hpp"
#include "domain/system/misc_actions.hpp"

namespace gfsd::domain {

namespace {

// The original checked for a mounted root inside the action, so its message
// names the C function ("do_df: you must call 'mount' first ...").
// Errors are df's stderr alone.
Result<std::string> run_df(Ctx& ctx, const char* c_function, std::vector<std::string> argv) {
  GFSD_TRY(check_root_mounted(ctx, c_function));
  return run_or_fail_prefixed(ctx, argv);
}

}  // namespace

Result<std::string> df(Ctx& ctx) { return run_df(ctx, "do_df", {"df"}); }

Result<std::string> df_h(Ctx& ctx) { return run_df(ctx, "do_df_h", {"df", "-h"}); }

}  // namespace gfsd::domain
