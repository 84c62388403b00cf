// file: what file(1) says of a regular file or device; other types by name.
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/files/content_actions.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

std::string without_trailing_space(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' ||
                        s.back() == '\r' || s.back() == '\f' || s.back() == '\v'))
    s.pop_back();
  return s;
}

// The name the original gives a non-regular file, or "" for a regular one.
const char* kind_name(int64_t mode) {
  using namespace files;
  if (has_type(mode, kTypeDirectory)) return "directory";
  if (has_type(mode, kTypeCharDevice)) return "character device";
  if (has_type(mode, kTypeBlockDevice)) return "block device";
  if (has_type(mode, kTypeFifo)) return "FIFO";
  if (has_type(mode, kTypeSymlink)) return "symbolic link";
  if (has_type(mode, kTypeRegular)) return "";
  return "socket";
}

}  // namespace

Result<std::string> file(Ctx& ctx, const api::DevOrPath& path) {
  // -z: look inside compressed files; -S: no seccomp; -b: no file name;
  // for devices -s (read the device) and -L (follow its symlink).
  if (path.is_device) {
    auto out = run_or_fail_exit_status(ctx, {"file", "-zSbsL", path.name});
    if (!out) return forward(out.error());
    return without_trailing_space(up_to_nul(std::move(*out)));
  }
  auto st = ctx.fs.stat(path.name, false);
  if (!st) return fail_errno(st.error().errnum, "lstat: " + path.name);
  const std::string kind = kind_name(st->mode);
  if (!kind.empty()) return kind;
  ports::RunOptions opts;
  opts.guest_args = {{2, ports::GuestArg::Last::AsIs}};  // file(1) does not follow (no -L)
  auto out = run_or_fail_exit_status(ctx, {"file", "-zSb", path.name}, opts);
  if (!out) return forward(out.error());
  return without_trailing_space(up_to_nul(std::move(*out)));
}

}  // namespace gfsd::domain
