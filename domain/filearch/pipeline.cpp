#include "domain/filearch/pipeline.hpp"

#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"

namespace gfsd::domain::filearch {

Result<ports::ProcessResult> run_on_guest_file(Ctx& ctx, const std::vector<std::string>& argv,
                                               const std::string& path) {
  ports::RunOptions opts;
  opts.stdin_guest_file = path;
  auto r = ctx.runner.run(argv, opts);
  if (r) return r;
  ctx.log.debug(argv[0] + ": " + r.error().message + " (read as empty)");
  return ctx.runner.run(argv, {});  // stdin is /dev/null
}

Result<std::string> make_scratch_dir(Ctx& ctx, const std::string& prefix) {
  auto out = run_or_fail_exit_status(ctx, {"mktemp", "-d", "/tmp/" + prefix + "XXXXXX"});
  if (!out) return forward(out.error());
  const auto lines = split_lines(*out);
  if (lines.empty() || lines[0].empty()) return fail("mktemp: no directory name");
  return lines[0];
}

void remove_scratch_dir(Ctx& ctx, const std::string& dir) {
  auto r = ctx.runner.run({"rm", "-rf", dir}, {});
  if (!r || r->status != 0)
    ctx.log.error("rm -rf " + dir + ": " + (r ? r->err : r.error().message));
}

}  // namespace gfsd::domain::filearch
