#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

Result<int32_t> fsck(Ctx& ctx, const std::string& fstype, const std::string& device) {
  // The exit status is the answer (a bit mask, see fsck(8)).
  auto r = ctx.runner.run({"fsck", "-a", "-t", fstype, device});
  if (!r) return fail(device + ": " + r.error().message);
  if (r->status < 0) return fail(device + ": " + r->err);
  return r->status;
}

Result<void> e2fsck(Ctx& ctx, const std::string& device, const api::opt::e2fsck& opts) {
  const bool correct = opts.correct.value_or(false);
  const bool forceall = opts.forceall.value_or(false);
  if (correct && forceall)
    return fail("only one of the options 'correct', 'forceall' may be specified");
  std::vector<std::string> argv{"e2fsck", "-f"};
  if (correct) argv.push_back("-p");
  if (forceall) argv.push_back("-y");
  argv.push_back(device);
  ports::RunOptions opts_run;
  opts_run.fold_stdout_on_stderr = true;
  auto r = ctx.runner.run(argv, opts_run);
  if (!r) return fail(r.error().message);
  // 0: clean, 1: errors corrected; 2 and 3 want a reboot, 4 and up are failures.
  if (r->status < 0 || r->status >= 2) return fail(r->err);
  return {};
}

Result<void> e2fsck_f(Ctx& ctx, const std::string& device) {
  api::opt::e2fsck opts;
  opts.correct = true;
  return e2fsck(ctx, device, opts);
}

}  // namespace gfsd::domain
