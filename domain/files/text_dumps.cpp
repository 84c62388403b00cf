// hexdump -C and strings(1) of a guest file fed as stdin.
#include <cstring>

#include "domain/core/text.hpp"
#include "domain/files/content_actions.hpp"

namespace gfsd::domain {

namespace {

Result<std::string> dump(Ctx& ctx, const std::vector<std::string>& argv, const std::string& path) {
  ports::RunOptions opts;
  opts.stdin_guest_file = path;
  auto r = ctx.runner.run(argv, opts);
  if (!r) return forward(r.error());  // "<path>: <strerror>" if it cannot be opened
  if (r->status != 0) return fail(path + ": " + r->err);
  return up_to_nul(std::move(r->out));
}

}  // namespace

Result<std::string> hexdump(Ctx& ctx, const std::string& path) {
  return dump(ctx, {"hexdump", "-C"}, path);
}

// encoding: strings(1)'s -e letter: s (7-bit), S (8-bit), b/l (16-bit), B/L (32-bit).
Result<std::vector<std::string>> strings_e(Ctx& ctx, const std::string& encoding,
                                           const std::string& path) {
  if (encoding.size() != 1 || encoding[0] == '\0' ||
      std::strchr("sSblBL", encoding[0]) == nullptr)
    return fail(encoding + ": invalid encoding");
  auto out = dump(ctx, {"strings", "-a", "-e", encoding}, path);
  if (!out) return forward(out.error());
  return split_lines(*out);
}

Result<std::vector<std::string>> strings(Ctx& ctx, const std::string& path) {
  return strings_e(ctx, "s", path);
}

}  // namespace gfsd::domain
