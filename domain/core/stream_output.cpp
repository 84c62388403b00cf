#include "domain/core/stream_output.hpp"

namespace gfsd::domain {

Result<void> stream_program_output(Ctx& ctx, const std::vector<std::string>& argv,
                                   ports::RunOptions run, const std::string& name) {
  if (!ctx.download) return fail("internal error: download without a file stream");
  GFSD_TRY(ctx.download->start());
  run.stdout_sink = [&](const char* data, size_t n) { return ctx.download->write(data, n); };
  auto r = ctx.runner.run(argv, run);
  if (!r) return forward(r.error());
  if (r->status != 0) return fail("pclose: " + name + ": " + r->err);
  return ctx.download->finish();
}

}  // namespace gfsd::domain
