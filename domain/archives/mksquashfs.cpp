// mksquashfs: a squashfs image of a guest directory, streamed as FileOut.
// mksquashfs seeks in its output, so it cannot write to the stream: it
// writes an appliance scratch file (under /var/tmp, not the tmpfs /tmp, as
// the image may not fit in memory), which is then sent and removed.
#include <memory>

#include "domain/archives/archive_actions.hpp"
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"

namespace gfsd::domain {

namespace {

constexpr size_t kBlock = 256 * 1024;

// The exclude patterns, one a line, as mksquashfs -ef reads them.
Result<std::string> exclude_list(Ctx& ctx, const std::vector<std::string>& excludes) {
  std::string lines;
  for (const auto& e : excludes) {
    if (e.find('\n') != std::string::npos)
      return fail("mksquashfs: excludes file patterns cannot contain \\n character");
    lines += e + "\n";
    ctx.log.debug("mksquashfs: adding excludes pattern '" + e + "'");
  }
  return lines;
}

Result<void> send_file(Ctx& ctx, const std::string& path) {
  auto file = ctx.devices.open(path, ports::OpenFor::Read);
  if (!file) return forward(file.error());
  if (!ctx.download) return fail("internal error: download without a file stream");
  // From here on an error only cancels the transfer.
  GFSD_TRY(ctx.download->start());
  auto buf = std::make_unique<char[]>(kBlock);
  for (;;) {
    auto n = (*file)->read(buf.get(), kBlock);
    if (!n) return fail_errno(n.error().errnum, "fread: " + path);
    if (*n == 0) break;
    GFSD_TRY(ctx.download->write(buf.get(), *n));
  }
  auto c = (*file)->close();
  if (!c) return fail_errno(c.error().errnum, "fclose: " + path);
  return ctx.download->finish();
}

Result<void> build_and_send(Ctx& ctx, const std::string& path, const api::opt::mksquashfs& o,
                            const std::string& image) {
  // The directory appears twice, as with the original; -root-becomes only
  // matters when appending, which -noappend rules out. A symlink given as
  // the source is packed as a symlink (mksquashfs does not follow it).
  std::vector<std::string> argv{"mksquashfs", path,       image,       "-noappend",
                                "-root-becomes", path,    "-wildcards", "-no-recovery"};
  ports::RunOptions run;
  run.guest_args = {{1, ports::GuestArg::Last::AsIs}, {5, ports::GuestArg::Last::AsIs}};
  if (o.compress) argv.insert(argv.end(), {"-comp", *o.compress});
  if (o.excludes) {
    auto lines = exclude_list(ctx, *o.excludes);
    if (!lines) return forward(lines.error());
    // The list reaches mksquashfs as a file that lives in no filesystem.
    argv.insert(argv.end(), {"-ef", ""});
    run.data_args = {{argv.size() - 1, std::move(*lines)}};
  }
  GFSD_TRY(run_ok_or_fail_prefixed(ctx, argv, path + ": ", run));
  return send_file(ctx, image);
}

}  // namespace

Result<void> mksquashfs(Ctx& ctx, const std::string& path, const api::opt::mksquashfs& o) {
  auto made = run_or_fail_exit_status(ctx, {"mktemp", "/var/tmp/squashfs.XXXXXX"});
  if (!made) return fail("mkstemp: " + made.error().message);
  const auto lines = split_lines(*made);
  if (lines.empty() || lines[0].empty()) return fail("mkstemp: no file name");
  auto r = build_and_send(ctx, path, o, lines[0]);
  ctx.devices.remove_file(lines[0]);
  return r;
}

}  // namespace gfsd::domain
