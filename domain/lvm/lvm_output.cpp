#include "domain/lvm/lvm_output.hpp"

#include <algorithm>

#include "domain/command/run_command.hpp"
#include "domain/core/run_tool.hpp"

namespace gfsd::domain {

Result<std::string> run_lvm(Ctx& ctx, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"lvm"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_tool(ctx, argv);
}

Result<void> run_lvm_settled(Ctx& ctx, const std::vector<std::string>& args) {
  auto r = run_lvm(ctx, args);
  if (!r) return forward(r.error());
  ctx.devices.settle("");
  return {};
}

std::string trim_blanks(const std::string& s) {
  const char* ws = " \t\n\v\f\r";
  const size_t b = s.find_first_not_of(ws);
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

std::vector<std::string> lvm_name_list(const std::string& out, const std::string& prefix) {
  std::vector<std::string> names;
  for (const auto& raw : split_lines(out)) {
    const std::string line = trim_blanks(raw);
    // lvm prints "unknown device" for a PV whose device is missing (RHBZ#1054761).
    if (line.empty() || line == "unknown device") continue;
    names.push_back(prefix + line);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace gfsd::domain
