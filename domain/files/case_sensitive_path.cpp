// case_sensitive_path: the real spelling of a path on a case-insensitive
// guest (Windows), found by matching each element against its directory.
#include <cerrno>
#include <string>
#include <vector>

#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

bool same_ignoring_ascii_case(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::vector<std::string> split_elements(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;  // path starts with '/' (Pathname)
  for (;;) {
    const size_t slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) return out;
    start = slash + 1;
  }
}

}  // namespace

// As the original: empty elements ("//", a trailing '/') are skipped; a final
// "." or ".." is refused, one in the middle is simply not found (directory
// listings leave them out); the last element may be missing and keeps its
// spelling; a middle element must be a directory (the original chdir'd into it).
Result<std::string> case_sensitive_path(Ctx& ctx, const std::string& path) {
  const std::vector<std::string> elems = split_elements(path);
  std::string resolved;  // "" = the guest's root
  for (size_t i = 0; i < elems.size(); ++i) {
    const std::string& elem = elems[i];
    if (elem.empty()) continue;
    const bool last = i + 1 == elems.size();
    if (last && (elem == "." || elem == ".."))
      return fail("path contains \".\" or \"..\" elements");
    auto names = ctx.fs.list_dir(resolved.empty() ? "/" : resolved);
    if (!names) return fail_errno(names.error().errnum, resolved.empty() ? "/" : resolved);
    const std::string* found = nullptr;
    for (const auto& n : *names)
      if (same_ignoring_ascii_case(n, elem)) {
        found = &n;
        break;
      }
    if (last) {
      resolved += "/" + (found ? *found : elem);
      break;
    }
    if (!found) return fail(elem + ": not found");
    const std::string next = resolved + "/" + *found;
    auto st = ctx.fs.stat(next, true);
    if (!st) return fail_errno(st.error().errnum, "chdir: " + *found);
    if (!files::has_type(st->mode, files::kTypeDirectory))
      return fail_errno(ENOTDIR, "chdir: " + *found);
    resolved = next;
  }
  return resolved.empty() ? "/" : resolved;
}

}  // namespace gfsd::domain
