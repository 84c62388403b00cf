// tar_in / tar_out and their gzip / xz shorthands: GNU tar between a guest
// directory and the FileIn / FileOut stream.
#include <cerrno>
#include <random>

#include "domain/core/stream_output.hpp"
#include "domain/core/upload_feed.hpp"
#include "domain/files/content_actions.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

// The tar option for a compress optarg.
Result<std::string> compress_filter(const std::optional<std::string>& compress) {
  if (!compress) return std::string();
  for (const char* c : {"compress", "gzip", "bzip2", "xz", "lzop"})
    if (*compress == c) return std::string("--") + c;
  return fail("unknown compression type: " + *compress);
}

std::string random_letters(size_t n) {
  static constexpr char kChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::random_device rd;
  std::string s;
  for (size_t i = 0; i < n; ++i) s += kChars[rd() % (sizeof kChars - 1)];
  return s;
}

// Can files in dir be given away (chown)? Not on FAT and the like, where tar
// must then not try (--no-same-owner). Probed with a scratch file.
Result<bool> chown_supported(Ctx& ctx, const std::string& dir) {
  const std::string probe =
      files::join_path(dir, random_letters(8) + "." + random_letters(3));
  auto f = ctx.fs.open(probe, ports::OpenFor::WriteTruncate, 0666);
  if (!f) return fail_errno(f.error().errnum, dir);
  (void)(*f)->close();
  auto r = ctx.fs.chown(probe, 1000, 1000, false);
  (void)ctx.fs.unlink(probe);
  if (r) return true;
  if (r.error().errnum == EPERM) return false;
  return fail_errno(r.error().errnum, "unexpected error in fchown");
}

}  // namespace

Result<void> tar_in(Ctx& ctx, const std::string& directory, const api::opt::tar_in& opts) {
  auto can_chown = chown_supported(ctx, directory);
  if (!can_chown) return forward(can_chown.error());
  auto filter = compress_filter(opts.compress);
  if (!filter) return forward(filter.error());
  if (!ctx.upload) return fail("internal error: upload without a file stream");

  // Run in the directory, resolved inside the guest (rather than tar -C).
  std::vector<std::string> argv{"tar"};
  if (!filter->empty()) argv.push_back(*filter);
  argv.insert(argv.end(), {"-xf", "-"});
  if (!*can_chown) argv.push_back("--no-same-owner");
  // --xattrs-include='*': without it tar restores only some namespaces.
  if (opts.xattrs.value_or(false)) argv.insert(argv.end(), {"--xattrs", "--xattrs-include=*"});
  if (opts.selinux.value_or(false)) argv.push_back("--selinux");
  if (opts.acls.value_or(false)) argv.push_back("--acls");

  UploadFeed feed(ctx);
  ports::RunOptions run;
  run.guest_cwd = directory;
  run.stdin_source = feed.source();
  auto r = ctx.runner.run(argv, run);
  if (!r) {
    if (r.error().errnum == ECANCELED) return fail("file upload cancelled");
    if (r.error().errnum == EPROTO) return fail("write error on directory: " + directory + ": ");
    return forward(r.error());
  }
  // tar stopped reading before the end of the archive.
  if (!feed.at_end()) return fail("write error on directory: " + directory + ": " + r->err);
  if (r->status != 0)
    return fail("tar subcommand failed on directory: " + directory + ": " + r->err);
  return {};
}

Result<void> tgz_in(Ctx& ctx, const std::string& directory) {
  api::opt::tar_in opts;
  opts.compress = "gzip";
  return tar_in(ctx, directory, opts);
}

Result<void> txz_in(Ctx& ctx, const std::string& directory) {
  api::opt::tar_in opts;
  opts.compress = "xz";
  return tar_in(ctx, directory, opts);
}

Result<void> tar_out(Ctx& ctx, const std::string& directory, const api::opt::tar_out& opts) {
  auto filter = compress_filter(opts.compress);
  if (!filter) return forward(filter.error());
  std::vector<std::string> excludes;
  if (opts.excludes) {
    for (const auto& e : *opts.excludes) {
      if (e.find('\n') != std::string::npos)
        return fail("tar-out: excludes file patterns cannot contain \\n character");
      excludes.push_back("--exclude=" + e);
    }
  }
  // A plain string, not a checked path: the directory must exist.
  auto st = ctx.fs.stat(directory.empty() || directory[0] != '/' ? "/" + directory : directory,
                        true);
  if (!st) return fail_errno(st.error().errnum, "stat: " + directory);
  if (!files::has_type(st->mode, files::kTypeDirectory))
    return fail(directory + ": not a directory");
  if (!ctx.download) return fail("internal error: download without a file stream");

  // Run in the directory, resolved inside the guest (rather than tar -C).
  std::vector<std::string> argv{"tar"};
  if (!filter->empty()) argv.push_back(*filter);
  if (opts.numericowner.value_or(false)) argv.push_back("--numeric-owner");
  argv.insert(argv.end(), excludes.begin(), excludes.end());
  if (opts.xattrs.value_or(false)) argv.push_back("--xattrs");
  if (opts.selinux.value_or(false)) argv.push_back("--selinux");
  if (opts.acls.value_or(false)) argv.push_back("--acls");
  argv.insert(argv.end(), {"-cf", "-", "."});

  ports::RunOptions run;
  run.guest_cwd = directory;
  return stream_program_output(ctx, argv, run, directory);
}

Result<void> tgz_out(Ctx& ctx, const std::string& directory) {
  api::opt::tar_out opts;
  opts.compress = "gzip";
  return tar_out(ctx, directory, opts);
}

Result<void> txz_out(Ctx& ctx, const std::string& directory) {
  api::opt::tar_out opts;
  opts.compress = "xz";
  return tar_out(ctx, directory, opts);
}

}  // namespace gfsd::domain
