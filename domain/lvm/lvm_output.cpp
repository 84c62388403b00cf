#include "domain/lvm/lvm_output.hpp"

#include <algorithm>

#include "domain/core/text.hpp"

namespace gfsd::domain {

std::vector<std::string> lvm_name_list(const std::string& out, const std::string& prefix) {
  std::vector<std::string> names;
  for (const auto& raw : split_lines(out)) {
    const std::string line = trim(raw);
    // lvm prints "unknown device" for a PV whose device is missing (RHBZ#1054761).
    if (line.empty() || line == "unknown device") continue;
    names.push_back(prefix + line);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace gfsd::domain
