// upload_offset and download_offset: the FileIn / FileOut streams written to
// or read from an offset of a file or device.
#include "domain/blockio/blockio_actions.hpp"
#include "domain/files/file_actions.hpp"
#include "domain/files/file_streams.hpp"

namespace gfsd::domain {

namespace {

// The original refuses a directory after opening it (RHBZ#908321).
Result<void> check_not_directory(Ctx& ctx, const api::DevOrPath& t) {
  if (t.is_device) {
    // A device argument may name a directory (/dev/<vg>).
    if (ctx.devices.kind(t.name) == ports::DeviceKind::Directory)
      return fail(t.name + ": is a directory");
    return {};
  }
  auto st = ctx.fs.stat(t.name, true);
  if (!st) return fail_errno(st.error().errnum, "fstat: " + t.name);
  if (files::has_type(st->mode, files::kTypeDirectory)) return fail(t.name + ": is a directory");
  return {};
}

}  // namespace

// FileIn. A file is created if missing (with a hole before offset) and never
// truncated. An error before the stream's end makes the session cancel and
// drain it.
Result<void> upload_offset(Ctx& ctx, const api::DevOrPath& target, int64_t offset) {
  const std::string& name = target.name;
  // The original words this as perror with whatever errno was left: none.
  if (offset < 0) return fail_errno(0, name + ": offset in file is negative");
  auto file = open_target(ctx, target, ports::OpenFor::WriteCreate);
  if (!file) return fail_errno(file.error().errnum, name);
  if (offset > 0) {
    auto s = (*file)->seek(offset);
    if (!s) return fail_errno(s.error().errnum, "lseek: " + name);
  }
  return receive_upload_into(ctx, **file, name);
}

// FileOut: size bytes from offset, fewer if the end comes first. Every check
// that can fail comes before the reply; after it an error can only cancel the
// stream (the session does that).
Result<void> download_offset(Ctx& ctx, const api::DevOrPath& source, int64_t offset,
                             int64_t size) {
  const std::string& name = source.name;
  if (offset < 0) return fail_errno(0, name + ": offset in file is negative");
  if (size < 0) return fail_errno(0, name + ": size is negative");
  auto file = open_target(ctx, source, ports::OpenFor::Read);
  if (!file) return fail_errno(file.error().errnum, name);
  GFSD_TRY(check_not_directory(ctx, source));
  if (offset > 0) {
    auto s = (*file)->seek(offset);
    if (!s) return fail_errno(s.error().errnum, "lseek: " + name);
  }

  return send_to_download(ctx, **file, name, static_cast<uint64_t>(size), true);
}

}  // namespace gfsd::domain
