// fstrim: the fstrim(8) program on a mounted guest filesystem.
#include <cerrno>
#include <string>
#include <vector>

#include "domain/blockio/blockio_actions.hpp"
#include "domain/core/run_tool.hpp"
#include "domain/mount/mount_ops.hpp"

namespace gfsd::domain {

Result<void> fstrim(Ctx& ctx, const std::string& mountpoint, const api::opt::fstrim& o) {
  // Flushed first, so that blocks freed by pending writes reach the disk
  // before they are trimmed (the original does the same, for qemu's sake).
  sync_disks(ctx);

  std::vector<std::string> argv{"fstrim"};
  if (o.offset) {
    if (*o.offset < 0) return fail("offset < 0");
    argv.insert(argv.end(), {"-o", std::to_string(*o.offset)});
  }
  if (o.length) {
    if (*o.length <= 0) return fail("length <= 0");
    argv.insert(argv.end(), {"-l", std::to_string(*o.length)});
  }
  if (o.minimumfreeextent) {
    if (*o.minimumfreeextent <= 0) return fail("minimumfreeextent <= 0");
    argv.insert(argv.end(), {"-m", std::to_string(*o.minimumfreeextent)});
  }
  if (ctx.config.verbose) argv.push_back("-v");
  argv.push_back(mountpoint);

  ports::RunOptions opts;
  opts.guest_args = {{argv.size() - 1, ports::GuestArg::Last::Follow}};  // fstrim opens it
  auto out = run_or_fail_stderr(ctx, argv, opts);
  if (!out) {
    // A filesystem (or disk) that cannot discard is ENOTSUP, so callers can tell.
    if (out.error().message.find("discard operation is not supported") != std::string::npos)
      return fail_with(ENOTSUP, out.error().message);
    return forward(out.error());
  }
  if (ctx.config.verbose) ctx.log.debug(*out);
  return {};
}

}  // namespace gfsd::domain
