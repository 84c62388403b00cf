// Reading symlinks.
#include <cerrno>
#include <string>
#include <vector>

#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

Result<std::string> readlink(Ctx& ctx, const std::string& path) {
  auto target = ctx.fs.readlink(path);
  if (!target) return fail_errno(target.error().errnum, "readlink: " + path);
  return target;
}

// One string per name: the link's target, or "" when the name is not a
// symlink or cannot be read. Like the original, a target is cut to the size
// lstat reports, and one shorter than that counts as unreadable.
Result<std::vector<std::string>> internal_readlinklist(Ctx& ctx, const std::string& path,
                                                       const std::vector<std::string>& names) {
  auto dir = ctx.fs.stat(path, true);
  if (!dir) return fail_errno(dir.error().errnum, "open: " + path);
  if (!files::has_type(dir->mode, files::kTypeDirectory))
    return fail_errno(ENOTDIR, "open: " + path);
  std::vector<std::string> out;
  out.reserve(names.size());
  for (const auto& name : names) {
    const std::string entry = files::join_path(path, name);
    auto st = ctx.fs.stat(entry, false);
    if (!st || !files::has_type(st->mode, files::kTypeSymlink) || st->size < 0) {
      out.emplace_back();
      continue;
    }
    auto target = ctx.fs.readlink(entry);
    const auto size = static_cast<size_t>(st->size);
    if (!target || target->size() < size) {
      out.emplace_back();
      continue;
    }
    target->resize(size);
    out.push_back(std::move(*target));
  }
  return out;
}

}  // namespace gfsd::domain
