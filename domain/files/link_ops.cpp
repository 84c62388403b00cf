// Names: reading symlinks, resolving paths, hard links and renames.
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

// The original resolves in a chrooted child; the port resolves inside the sysroot.
Result<std::string> realpath(Ctx& ctx, const std::string& path) {
  auto real = ctx.fs.realpath(path);
  if (!real) return fail_errno(real.error().errnum, "realpath: " + path);
  return real;
}

// link(2) in the guest. A relative target is taken from the guest's root: the
// original's chroot left it relative to a directory outside the guest.
Result<void> ln(Ctx& ctx, const std::string& target, const std::string& linkname) {
  auto r = ctx.fs.link(target, linkname);
  if (!r) return fail_errno(r.error().errnum, "link: " + target + ": " + linkname);
  return {};
}

// Whatever was at linkname goes first; only the link's own failure is reported.
Result<void> ln_f(Ctx& ctx, const std::string& target, const std::string& linkname) {
  static_cast<void>(ctx.fs.unlink(linkname));
  return ln(ctx, target, linkname);
}

Result<void> rename(Ctx& ctx, const std::string& oldpath, const std::string& newpath) {
  auto r = ctx.fs.rename(oldpath, newpath);
  if (!r) return fail_errno(r.error().errnum, "rename: " + oldpath + ": " + newpath);
  return {};
}

}  // namespace gfsd::domain
