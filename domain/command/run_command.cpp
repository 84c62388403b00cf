#include "domain/command/run_command.hpp"

namespace gfsd::domain {

Result<std::string> run_command(Ctx& ctx, const std::vector<std::string>& argv,
                                const ports::RunOptions& opts) {
  auto r = ctx.runner.run(argv, opts);
  if (!r) return forward(r.error());
  if (r->status < 0) return fail("external command ‘" + argv[0] + "’ killed by signal");
  if (r->status != 0)
    return fail(argv[0] + " exited with status " + std::to_string(r->status) + ": " + r->err);
  return std::move(r->out);
}

}  // namespace gfsd::domain

namespace gfsd::domain {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

}  // namespace gfsd::domain

namespace gfsd::domain {

std::string up_to_nul(std::string text) {
  const size_t nul = text.find('\0');
  if (nul != std::string::npos) text.resize(nul);
  return text;
}

}  // namespace gfsd::domain
