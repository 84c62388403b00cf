// exists / is_file / is_dir / is_symlink: a missing path (ENOENT, ENOTDIR)
// is "false", any other failure is an error.
#include <cerrno>
#include <optional>
#include <string>

#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

// The file's st_mode, or nullopt when it does not exist. syscall names the
// call in the error message ("stat" or "lstat"), as each original action does.
Result<std::optional<int64_t>> mode_of(Ctx& ctx, const std::string& path, bool follow,
                                       const std::string& syscall) {
  auto st = ctx.fs.stat(path, follow);
  if (st) return std::optional<int64_t>(st->mode);
  const int e = st.error().errnum;
  if (e == ENOENT || e == ENOTDIR) return std::optional<int64_t>();
  return fail_errno(e, syscall + ": " + path);
}

Result<bool> has_kind(Ctx& ctx, const std::string& path, bool follow, int64_t type) {
  auto mode = mode_of(ctx, path, follow, follow ? "stat" : "lstat");
  if (!mode) return forward(mode.error());
  return mode->has_value() && files::has_type(**mode, type);
}

}  // namespace

// Does not follow a final symlink: a dangling link exists.
Result<bool> exists(Ctx& ctx, const std::string& path) {
  auto mode = mode_of(ctx, path, false, "stat");
  if (!mode) return forward(mode.error());
  return mode->has_value();
}

Result<bool> is_file(Ctx& ctx, const std::string& path, const api::opt::is_file& opts) {
  return has_kind(ctx, path, opts.followsymlinks.value_or(false), files::kTypeRegular);
}

Result<bool> is_dir(Ctx& ctx, const std::string& path, const api::opt::is_dir& opts) {
  return has_kind(ctx, path, opts.followsymlinks.value_or(false), files::kTypeDirectory);
}

Result<bool> is_symlink(Ctx& ctx, const std::string& path) {
  return has_kind(ctx, path, false, files::kTypeSymlink);
}

}  // namespace gfsd::domain
