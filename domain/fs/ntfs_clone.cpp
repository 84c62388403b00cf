// ntfsclone_out / ntfsclone_in: an NTFS filesystem to and from ntfsclone's
// "special image" format, streamed through the FileOut / FileIn channel.
#include <cerrno>

#include "domain/core/stream_output.hpp"
#include "domain/core/upload_feed.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

Result<void> ntfsclone_out(Ctx& ctx, const std::string& device, const api::opt::ntfsclone_out& o) {
  std::vector<std::string> argv{"ntfsclone", "-o", "-", "--save-image"};
  if (o.metadataonly.value_or(false)) argv.push_back("--metadata");
  if (o.rescue.value_or(false)) argv.push_back("--rescue");
  if (o.ignorefscheck.value_or(false)) argv.push_back("--ignore-fs-check");
  if (o.preservetimestamps.value_or(false)) argv.push_back("--preserve-timestamps");
  if (o.force.value_or(false)) argv.push_back("--force");
  argv.push_back(device);

  return stream_program_output(ctx, argv, {}, device);
}

Result<void> ntfsclone_in(Ctx& ctx, const std::string& device) {
  if (!ctx.upload) return fail("internal error: upload without a file stream");
  UploadFeed feed(ctx);
  ports::RunOptions run;
  run.stdin_source = feed.source();
  auto r = ctx.runner.run({"ntfsclone", "-O", device, "--restore-image", "-"}, run);
  if (!r) {
    if (r.error().errnum == ECANCELED) return fail("ntfsclone cancelled");
    if (r.error().errnum == EPROTO) return fail("write error on device: " + device + ": ");
    return forward(r.error());
  }
  // ntfsclone stopped reading before the end of the image.
  if (!feed.at_end()) return fail("write error on device: " + device + ": " + r->err);
  if (r->status != 0)
    return fail("ntfsclone subcommand failed on device: " + device + ": " + r->err);
  return {};
}

}  // namespace gfsd::domain
