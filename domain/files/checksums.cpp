// checksum, checksum_device, checksums_out: the coreutils *sum tools.
#include <cctype>

#include "domain/core/text.hpp"
#include "domain/files/content_actions.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

// The tool for a checksum type (any case), or an error naming the known types.
Result<std::string> checksum_program(const std::string& csumtype) {
  std::string t;
  for (char c : csumtype) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "crc") return std::string("cksum");
  for (const char* known : {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"})
    if (t == known) return t + "sum";
  return fail("unknown checksum type, expecting crc|md5|sha1|sha224|sha256|sha384|sha512");
}

// The tool reads the file as stdin; its answer is the first word.
Result<std::string> checksum_of(Ctx& ctx, const std::string& csumtype, ports::RunOptions opts) {
  auto program = checksum_program(csumtype);
  if (!program) return forward(program.error());
  auto r = ctx.runner.run({*program}, opts);
  if (!r) return forward(r.error());
  if (r->status != 0) return fail(*program + ": " + r->err);
  std::string out = up_to_nul(std::move(r->out));
  return out.substr(0, out.find_first_of(" \t\n"));
}

}  // namespace

Result<std::string> checksum(Ctx& ctx, const std::string& csumtype, const std::string& path) {
  // The file is opened before the type is checked, as the original did.
  auto f = ctx.fs.open(path, ports::OpenFor::Read, 0);
  if (!f) return fail_errno(f.error().errnum, path);
  (void)(*f)->close();
  ports::RunOptions opts;
  opts.stdin_guest_file = path;
  return checksum_of(ctx, csumtype, opts);
}

Result<std::string> checksum_device(Ctx& ctx, const std::string& csumtype,
                                    const std::string& device) {
  ports::RunOptions opts;
  opts.stdin_file = device;
  return checksum_of(ctx, csumtype, opts);
}

// FileOut: "<sum>  ./<relative path>" lines for every regular file under dir.
Result<void> checksums_out(Ctx& ctx, const std::string& csumtype, const std::string& directory) {
  auto program = checksum_program(csumtype);
  if (!program) return forward(program.error());
  auto st = ctx.fs.stat(directory, true);
  if (!st) return fail_errno(st.error().errnum, directory);
  if (!files::has_type(st->mode, files::kTypeDirectory))
    return fail(directory + ": not a directory");
  if (!ctx.download) return fail("internal error: download without a file stream");

  GFSD_TRY(ctx.download->start());
  ports::RunOptions opts;
  opts.stdout_sink = [&](const char* data, size_t n) { return ctx.download->write(data, n); };
  // In the directory, resolved inside the guest (where the original did "cd <sysroot><dir>").
  opts.guest_cwd = directory;
  const std::string cmd = "find -type f -print0 | xargs -0 " + *program;
  auto r = ctx.runner.run({"sh", "-c", cmd}, opts);
  if (!r) return forward(r.error());
  // After the reply an error can only cancel the transfer.
  if (r->status != 0) return fail("pclose: " + directory);
  return ctx.download->finish();
}

}  // namespace gfsd::domain
