// base64_in / base64_out (coreutils base64 between a guest file and the
// stream) and find0 (find -print0 in a guest directory, names relative to it).
#include <cerrno>
#include <memory>

#include "domain/core/upload_feed.hpp"
#include "domain/files/content_actions.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

Result<void> stream_to_download(Ctx& ctx, const std::vector<std::string>& argv,
                                ports::RunOptions opts, const std::string& name) {
  if (!ctx.download) return fail("internal error: download without a file stream");
  GFSD_TRY(ctx.download->start());
  if (!opts.stdout_sink)
    opts.stdout_sink = [&](const char* data, size_t n) { return ctx.download->write(data, n); };
  auto r = ctx.runner.run(argv, opts);
  if (!r) return forward(r.error());
  // After the reply an error can only cancel the transfer.
  if (r->status != 0) return fail("pclose: " + name + ": " + r->err);
  return ctx.download->finish();
}

}  // namespace

Result<void> base64_in(Ctx& ctx, const std::string& filename) {
  if (!ctx.upload) return fail("internal error: upload without a file stream");
  auto out = ctx.fs.open(filename, ports::OpenFor::WriteTruncate, 0666);
  // The original's shell could not create the file, so base64 never ran.
  if (!out) return fail("base64 subcommand failed on file: " + filename);

  UploadFeed feed(ctx);
  bool write_failed = false;
  ports::RunOptions opts;
  opts.stdin_source = feed.source();
  opts.stdout_sink = [&](const char* data, size_t n) -> Result<void> {
    auto w = (*out)->write(data, n);
    if (!w) write_failed = true;
    return w;
  };
  auto r = ctx.runner.run({"base64", "-d", "-i"}, opts);
  auto closed = (*out)->close();
  if (!r) {
    if (r.error().errnum == ECANCELED) return fail("file upload cancelled");
    if (!write_failed) return fail("write error on file: " + filename);
  }
  if (!feed.at_end()) return fail("write error on file: " + filename);
  if (!r || r->status != 0 || !closed) return fail("base64 subcommand failed on file: " + filename);
  return {};
}

Result<void> base64_out(Ctx& ctx, const std::string& filename) {
  auto st = ctx.fs.stat(filename, true);
  if (!st) return fail_errno(st.error().errnum, "stat: " + filename);
  if (files::has_type(st->mode, files::kTypeDirectory)) return fail(filename + ": is a directory");
  ports::RunOptions opts;
  opts.stdin_guest_file = filename;
  return stream_to_download(ctx, {"base64"}, opts, filename);
}

// FileOut: every name under directory, NUL-terminated, relative to it.
Result<void> find0(Ctx& ctx, const std::string& directory) {
  auto st = ctx.fs.stat(directory, true);
  if (!st) return fail_errno(st.error().errnum, directory);
  if (!files::has_type(st->mode, files::kTypeDirectory))
    return fail(directory + ": not a directory");

  // find runs in the directory (resolved inside the guest) on ".", and prints
  // "./a/b" where the original's "find <sysroot><directory>" printed
  // "<sysroot><directory>/a/b" (or ".../a/b" when the directory ended in "/"):
  // without the prefix the names are the same.
  const std::string root = !directory.empty() && directory.back() == '/' ? "./" : ".";
  std::string partial;  // a name whose NUL has not arrived yet
  ports::RunOptions opts;
  opts.stdout_sink = [&](const char* data, size_t n) -> Result<void> {
    partial.append(data, n);
    size_t start = 0;
    for (size_t nul; (nul = partial.find('\0', start)) != std::string::npos; start = nul + 1) {
      // The directory itself (no longer than the prefix) is left out.
      if (nul - start <= root.size()) continue;
      const size_t from = start + root.size();
      GFSD_TRY(ctx.download->write(partial.data() + from, nul + 1 - from));
    }
    partial.erase(0, start);
    return {};
  };
  opts.guest_cwd = directory;
  return stream_to_download(ctx, {"find", ".", "-print0"}, opts, directory);
}

}  // namespace gfsd::domain
