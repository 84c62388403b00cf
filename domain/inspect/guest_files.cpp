#include "domain/inspect/guest_files.hpp"

#include <cerrno>

#include "domain/core/read_to_end.hpp"
#include "domain/core/text.hpp"
#include "domain/files/file_actions.hpp"
#include "domain/inspect/text_parsing.hpp"

namespace gfsd::domain::inspect {

namespace {

bool has_type(Ctx& ctx, const std::string& path, bool follow, int64_t type) {
  auto st = ctx.fs.stat(path, follow);
  return st && files::has_type(st->mode, type);
}

constexpr int64_t kSmallFileLimit = 2 * 1048 * 1024;

}  // namespace

bool guest_is_file(Ctx& ctx, const std::string& path, bool follow) {
  return has_type(ctx, path, follow, files::kTypeRegular);
}

bool guest_is_dir(Ctx& ctx, const std::string& path, bool follow) {
  return has_type(ctx, path, follow, files::kTypeDirectory);
}

bool guest_is_symlink(Ctx& ctx, const std::string& path) {
  return has_type(ctx, path, false, files::kTypeSymlink);
}

bool is_small_file(Ctx& ctx, const std::string& path) {
  auto st = ctx.fs.stat(path, true);
  return st && files::has_type(st->mode, files::kTypeRegular) && st->size <= kSmallFileLimit;
}

Result<std::string> read_whole_file(Ctx& ctx, const std::string& path) {
  auto file = ctx.fs.open(path, ports::OpenFor::Read);
  if (!file) return forward(file.error());
  auto content = read_to_end(**file);
  if (!content) return forward(content.error());
  GFSD_TRY((*file)->close());
  return content;
}

std::optional<std::vector<std::string>> read_small_file(Ctx& ctx, const std::string& path) {
  if (!is_small_file(ctx, path)) {
    ctx.log.debug(path + ": not a regular file or too large");
    return std::nullopt;
  }
  auto content = read_whole_file(ctx, path);
  if (!content) {
    ctx.log.debug(path + ": " + content.error().message);
    return std::nullopt;
  }
  auto lines = split_lines(*content);
  if (content->empty() || content->back() == '\n') lines.emplace_back();
  return lines;
}


bool is_file_nocase(Ctx& ctx, const std::string& path) {
  auto p = domain::case_sensitive_path(ctx, path);  // the action
  return p && guest_is_file(ctx, *p);
}

bool is_dir_nocase(Ctx& ctx, const std::string& path) {
  auto p = domain::case_sensitive_path(ctx, path);  // the action
  return p && guest_is_dir(ctx, *p);
}

}  // namespace gfsd::domain::inspect
