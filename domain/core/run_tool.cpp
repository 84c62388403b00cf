#include "domain/core/run_tool.hpp"

#include "domain/core/text.hpp"

namespace gfsd::domain {

ports::RunOptions stdout_on_stderr() {
  ports::RunOptions opts;
  opts.fold_stdout_on_stderr = true;
  return opts;
}

Result<std::string> run_or_fail_stderr(Ctx& ctx, const std::vector<std::string>& argv,
                                       const ports::RunOptions& opts) {
  auto r = ctx.runner.run(argv, opts);
  if (!r) return forward(r.error());
  if (r->status != 0) return fail(std::move(r->err));
  return std::move(r->out);
}

Result<std::string> run_lvm_or_fail_stderr(Ctx& ctx, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"lvm"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_or_fail_stderr(ctx, argv);
}

Result<void> run_lvm_settled_or_fail_stderr(Ctx& ctx, const std::vector<std::string>& args) {
  GFSD_TRY(run_lvm_or_fail_stderr(ctx, args));
  ctx.devices.settle("");
  return {};
}

Result<std::string> run_or_fail_prefixed(Ctx& ctx, const std::vector<std::string>& argv,
                                         const std::string& prefix, const ports::RunOptions& opts) {
  auto r = ctx.runner.run(argv, opts);
  if (!r) return fail(prefix + r.error().message);
  if (r->status != 0) return fail(prefix + r->err);
  return up_to_nul(std::move(r->out));
}

Result<void> run_ok_or_fail_prefixed(Ctx& ctx, const std::vector<std::string>& argv,
                                     const std::string& prefix, const ports::RunOptions& opts) {
  GFSD_TRY(run_or_fail_prefixed(ctx, argv, prefix, opts));
  return {};
}

Result<std::string> run_or_fail_exit_status(Ctx& ctx, const std::vector<std::string>& argv,
                                            const ports::RunOptions& opts) {
  auto r = ctx.runner.run(argv, opts);
  if (!r) return forward(r.error());
  if (r->status < 0) return fail("external command ‘" + argv[0] + "’ killed by signal");
  if (r->status != 0)
    return fail(argv[0] + " exited with status " + std::to_string(r->status) + ": " + r->err);
  return std::move(r->out);
}

}  // namespace gfsd::domain
