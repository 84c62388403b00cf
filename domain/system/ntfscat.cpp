// ntfscat_i: the contents of one NTFS inode, `ntfscat -i INODE DEVICE`,
// streamed through the FileOut channel.
#include "domain/system/misc_actions.hpp"

namespace gfsd::domain {

Result<void> ntfscat_i(Ctx& ctx, const api::Mountable& device, int64_t inode) {
  if (!ctx.download) return fail("internal error: download without a file stream");
  if (inode < 0) return fail("inode must be >= 0");
  const std::vector<std::string> argv{"ntfscat", "-i", std::to_string(inode), device.device};

  // The reply goes first, as with the original; after it a failure (ntfscat
  // missing or refusing the inode) can only cancel the transfer.
  GFSD_TRY(ctx.download->start());
  ports::RunOptions run;
  run.stdout_sink = [&](const char* data, size_t n) { return ctx.download->write(data, n); };
  auto r = ctx.runner.run(argv, run);
  if (!r) return forward(r.error());
  if (r->status != 0) return fail("pclose: " + std::to_string(inode) + ": " + r->err);
  return ctx.download->finish();
}

}  // namespace gfsd::domain
