// wc -l / -w / -c on a guest file fed as stdin.
#include <cstdio>

#include "domain/core/text.hpp"
#include "domain/files/content_actions.hpp"

namespace gfsd::domain {

namespace {

Result<int32_t> wc(Ctx& ctx, const std::string& flag, const std::string& path) {
  ports::RunOptions opts;
  opts.stdin_guest_file = path;
  auto r = ctx.runner.run({"wc", flag}, opts);
  if (!r) return fail_with(r.error().errnum, "wc " + flag + ": " + r.error().message);
  if (r->status != 0) return fail("wc " + flag + ": " + r->err);
  const std::string out = up_to_nul(std::move(r->out));
  int n = 0;
  if (std::sscanf(out.c_str(), "%d", &n) != 1) return fail("cannot parse number: " + out);
  return n;
}

}  // namespace

Result<int32_t> wc_l(Ctx& ctx, const std::string& path) { return wc(ctx, "-l", path); }
Result<int32_t> wc_w(Ctx& ctx, const std::string& path) { return wc(ctx, "-w", path); }
Result<int32_t> wc_c(Ctx& ctx, const std::string& path) { return wc(ctx, "-c", path); }

}  // namespace gfsd::domain
