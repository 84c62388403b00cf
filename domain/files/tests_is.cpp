// exists and the is_<kind> tests: a missing path (ENOENT, ENOTDIR) is
// "false", any other failure is an error.
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

// The OCaml half of the original (is_file, is_dir, is_symlink) names the
// call it made; its C half (is_chardev, is_blockdev, is_fifo, is_socket)
// says "stat" whichever it made.
enum class Naming { TheCall, AlwaysStat };

Result<bool> has_kind(Ctx& ctx, const std::string& path, bool follow, int64_t type,
                      Naming naming = Naming::TheCall) {
  const bool lstat_named = naming == Naming::TheCall && !follow;
  auto mode = mode_of(ctx, path, follow, lstat_named ? "lstat" : "stat");
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

Result<bool> is_chardev(Ctx& ctx, const std::string& path, const api::opt::is_chardev& opts) {
  return has_kind(ctx, path, opts.followsymlinks.value_or(false), files::kTypeCharDevice,
                  Naming::AlwaysStat);
}

Result<bool> is_blockdev(Ctx& ctx, const std::string& path, const api::opt::is_blockdev& opts) {
  return has_kind(ctx, path, opts.followsymlinks.value_or(false), files::kTypeBlockDevice,
                  Naming::AlwaysStat);
}

Result<bool> is_fifo(Ctx& ctx, const std::string& path, const api::opt::is_fifo& opts) {
  return has_kind(ctx, path, opts.followsymlinks.value_or(false), files::kTypeFifo,
                  Naming::AlwaysStat);
}

Result<bool> is_socket(Ctx& ctx, const std::string& path, const api::opt::is_socket& opts) {
  return has_kind(ctx, path, opts.followsymlinks.value_or(false), files::kTypeSocket,
                  Naming::AlwaysStat);
}

}  // namespace gfsd::domain
