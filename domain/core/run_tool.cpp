#include "domain/core/run_tool.hpp"

#include <cctype>

#include "domain/command/run_command.hpp"  // up_to_nul

namespace gfsd::domain {

Result<std::string> run_tool(Ctx& ctx, const std::vector<std::string>& argv,
                             const ports::RunOptions& opts) {
  auto r = ctx.runner.run(argv, opts);
  if (!r) return forward(r.error());
  if (r->status != 0) return fail(std::move(r->err));
  return std::move(r->out);
}

Result<std::string> run_tool_prefixed(Ctx& ctx, const std::vector<std::string>& argv,
                                      const std::string& prefix, bool fold) {
  ports::RunOptions opts;
  opts.fold_stdout_on_stderr = fold;
  auto r = ctx.runner.run(argv, opts);
  if (!r) return fail(prefix + r.error().message);
  if (r->status != 0) return fail(prefix + r->err);
  return up_to_nul(std::move(r->out));
}

Result<void> run_tool_ok(Ctx& ctx, const std::vector<std::string>& argv,
                         const std::string& prefix, bool fold) {
  auto r = run_tool_prefixed(ctx, argv, prefix, fold);
  if (!r) return forward(r.error());
  return {};
}

std::optional<int64_t> scan_c_int(const std::string& text) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  int base = 10;
  if (i < text.size() && text[i] == '0') {
    base = 8;
    if (i + 2 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X') &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      base = 16;
      i += 2;
    }
  }
  uint64_t value = 0;
  size_t digits = 0;
  for (; i < text.size(); ++i, ++digits) {
    const char c = text[i];
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else break;
    if (d >= base) break;
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  if (digits == 0) return std::nullopt;
  const auto v = static_cast<int64_t>(value);
  return negative ? -v : v;
}

}  // namespace gfsd::domain
