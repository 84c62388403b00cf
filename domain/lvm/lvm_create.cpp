#include "domain/core/run_tool.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_output.hpp"

namespace gfsd::domain {

Result<void> pvcreate(Ctx& ctx, const std::string& device) {
  return run_lvm_settled_or_fail_stderr(ctx, {"pvcreate", "--force", device});
}

Result<void> vgcreate(Ctx& ctx, const std::string& volgroup,
                      const std::vector<std::string>& physvols) {
  std::vector<std::string> args{"vgcreate", volgroup};
  args.insert(args.end(), physvols.begin(), physvols.end());
  return run_lvm_settled_or_fail_stderr(ctx, args);
}

Result<void> lvcreate(Ctx& ctx, const std::string& logvol, const std::string& volgroup,
                      int32_t mbytes) {
  return run_lvm_settled_or_fail_stderr(
      ctx, {"lvcreate", "--yes", "-L", std::to_string(mbytes), "-n", logvol, volgroup});
}

Result<void> lvcreate_free(Ctx& ctx, const std::string& logvol, const std::string& volgroup,
                           int32_t percent) {
  GFSD_TRY(check_percent(percent));
  return run_lvm_settled_or_fail_stderr(
      ctx, {"lvcreate", "-l", std::to_string(percent) + "%FREE", "-n", logvol, volgroup});
}

}  // namespace gfsd::domain
