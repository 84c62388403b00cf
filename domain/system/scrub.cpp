// scrub_device, scrub_file, scrub_freespace: the scrub program overwrites a
// device, a file (then removes it, -r) or the free space of a filesystem
// (-X: it fills a new directory with files, then removes them). Errors are
// "<argument>: <scrub's stderr>", as the original words them; scrub itself
// refuses what it cannot scrub (a directory: "... is wrong type of file").
#include <string>

#include "domain/core/run_tool.hpp"
#include "domain/system/system_actions.hpp"

namespace gfsd::domain {

namespace {

Result<void> run_scrub(Ctx& ctx, const std::string& option, const std::string& guest_path,
                       const std::string& named) {
  ports::RunOptions opts;
  opts.guest_args = {{2, ports::GuestArg::Last::AsIs}};
  return run_ok_or_fail_prefixed(ctx, {"scrub", option, guest_path}, named + ": ", opts);
}

}  // namespace

Result<void> scrub_device(Ctx& ctx, const std::string& device) {
  return run_ok_or_fail_prefixed(ctx, {"scrub", device}, device + ": ");
}

// The file's canonical name goes to scrub. The original could not resolve a
// dangling symlink or one that leads out of the guest, and said so in its
// odd way: "malloc: <strerror>", with the errno.
Result<void> scrub_file(Ctx& ctx, const std::string& file) {
  auto real = ctx.fs.realpath(file);
  if (!real) return fail_errno(real.error().errnum, "malloc");
  return run_scrub(ctx, "-r", *real, file);
}

Result<void> scrub_freespace(Ctx& ctx, const std::string& dir) {
  return run_scrub(ctx, "-X", dir, dir);
}

}  // namespace gfsd::domain
