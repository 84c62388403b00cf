// md_detail: mdadm -D --export, KEY=VALUE lines, the keys without their MD_
// prefix and in lower case (MD_LEVEL=raid1 -> level: raid1).
#include <algorithm>

#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/md/md_actions.hpp"

namespace gfsd::domain {

Result<api::Hashtable> md_detail(Ctx& ctx, const std::string& md) {
  auto out = run_or_fail_exit_status(ctx, {"mdadm", "-D", "--export", md});
  if (!out) return forward(out.error());
  api::Hashtable info;
  // Lines between '\n's of the trimmed output, as the original split it: a
  // '\r' or blanks stay where they are, empty and '#' lines are skipped.
  const std::string text = trim_ocaml(*out);
  size_t pos = 0;
  for (;;) {
    const size_t end = text.find('\n', pos);
    const std::string line = text.substr(pos, end == std::string::npos ? end : end - pos);
    if (!line.empty() && line[0] != '#') {
      const size_t eq = line.find('=');
      std::string key = line.substr(0, eq);
      std::string value = eq == std::string::npos ? "" : line.substr(eq + 1);
      if (key.rfind("MD_", 0) == 0) key.erase(0, 3);
      std::transform(key.begin(), key.end(), key.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      });
      info.emplace_back(std::move(key), std::move(value));
    }
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return info;
}

}  // namespace gfsd::domain
