// initrd_list, initrd_cat: an initrd is a gzip-compressed cpio archive (the
// original only ever ran zcat; older ext2 initrds are not supported).
#include <cerrno>

#include "domain/core/read_to_end.hpp"
#include "domain/core/text.hpp"
#include "domain/filearch/filearch_actions.hpp"
#include "domain/filearch/pipeline.hpp"

namespace gfsd::domain {

namespace {

// The protocol's largest message (GUESTFS_MESSAGE_MAX): a file of this size
// or more cannot be returned.
constexpr size_t kMessageMax = 4 * 1024 * 1024;

bool has_dotdot_component(const std::string& name) {
  size_t start = 0;
  for (;;) {
    const size_t end = name.find('/', start);
    if (name.substr(start, end - start) == "..") return true;
    if (end == std::string::npos) return false;
    start = end + 1;
  }
}

// The extracted file, read whole; the error texts are the original's.
Result<std::string> read_extracted(Ctx& ctx, const std::string& dir, const std::string& initrd,
                                   const std::string& filename) {
  const std::string what = initrd + ":" + filename;
  // cpio extracts nothing above its directory; a name that leads there
  // would read the appliance's files instead, so it names nothing.
  if (has_dotdot_component(filename)) return fail_errno(ENOENT, "open: " + what);
  // Nor may a symlink in the archive lead there (the original followed it and
  // returned the appliance's file): what it resolves to must stay inside.
  auto resolved = ctx.devices.realpath(dir + "/" + filename);
  if (!resolved) return fail_errno(resolved.error().errnum, "open: " + what);
  auto root = ctx.devices.realpath(dir);
  if (!root) return fail_errno(root.error().errnum, "open: " + what);
  if (resolved->rfind(*root + "/", 0) != 0) return fail_errno(ENOENT, "open: " + what);
  auto file = ctx.devices.open(*resolved, ports::OpenFor::Read);
  if (!file) return fail_errno(file.error().errnum, "open: " + what);
  auto data = read_to_end(**file, kMessageMax - 1);
  if (!data && data.error().errnum == E2BIG)
    return fail(what + ": file is too large for the protocol");
  if (!data) return fail_errno(data.error().errnum, "read: " + what);
  auto closed = (*file)->close();
  if (!closed) return fail_errno(closed.error().errnum, "close: " + what);
  return data;
}

}  // namespace

Result<std::vector<std::string>> initrd_list(Ctx& ctx, const std::string& path) {
  auto r = filearch::run_on_guest_file(ctx, {"sh", "-c", "zcat | cpio --quiet -it"}, path);
  if (!r) return forward(r.error());
  if (r->status != 0)
    return fail("pclose: command failed with return code " + std::to_string(r->status));
  return split_lines(r->out);
}

Result<std::string> initrd_cat(Ctx& ctx, const std::string& initrdpath,
                               const std::string& filename) {
  auto dir = filearch::make_scratch_dir(ctx, "initrd-cat-");
  if (!dir) return fail("mkdtemp: " + dir.error().message);
  // cpio is silent when the archive has no such file: the open below says so.
  // --no-absolute-filenames: the archive's names stay inside the directory.
  auto r = filearch::run_on_guest_file(
      ctx,
      {"sh", "-c", "cd \"$1\" && zcat | cpio --quiet -id --no-absolute-filenames -- \"$2\"", "sh",
       *dir, filename},
      initrdpath);
  Result<std::string> content;
  if (!r)
    content = forward(r.error());
  else if (r->status != 0)
    // The original worded this with perror after system(3), which had left
    // errno at 0.
    content = fail("command failed with return code " + std::to_string(r->status) + ": Success");
  else
    content = read_extracted(ctx, *dir, initrdpath, filename);
  filearch::remove_scratch_dir(ctx, *dir);
  return content;
}

}  // namespace gfsd::domain
