// head and tail: the appliance's head(1)/tail(1) reading the guest file as stdin.
#include "domain/core/text.hpp"
#include "domain/files/content_actions.hpp"

namespace gfsd::domain {

namespace {

Result<std::vector<std::string>> head_tail(Ctx& ctx, const std::string& prog,
                                           const std::string& n, const std::string& path) {
  ports::RunOptions opts;
  opts.stdin_guest_file = path;
  auto r = ctx.runner.run({prog, "-n", n}, opts);
  if (!r) return forward(r.error());  // "<path>: <strerror>" if it cannot be opened
  if (r->status != 0) return fail(prog + " -n " + n + ": " + r->err);
  return split_lines(up_to_nul(std::move(r->out)));
}

}  // namespace

Result<std::vector<std::string>> head(Ctx& ctx, const std::string& path) {
  return head_tail(ctx, "head", "10", path);
}

Result<std::vector<std::string>> tail(Ctx& ctx, const std::string& path) {
  return head_tail(ctx, "tail", "10", path);
}

Result<std::vector<std::string>> head_n(Ctx& ctx, int32_t nrlines, const std::string& path) {
  return head_tail(ctx, "head", std::to_string(nrlines), path);
}

// A negative count means "from line -N on": tail -n +N.
Result<std::vector<std::string>> tail_n(Ctx& ctx, int32_t nrlines, const std::string& path) {
  const std::string n = nrlines >= 0 ? std::to_string(nrlines)
                                     : "+" + std::to_string(-static_cast<int64_t>(nrlines));
  return head_tail(ctx, "tail", n, path);
}

}  // namespace gfsd::domain
