// Moving file contents: small writes in the request (BufferIn), and the
// FileIn / FileOut streams of upload and download.
#include <algorithm>
#include <cerrno>
#include <memory>
#include <string>

#include "domain/files/file_actions.hpp"
#include "domain/files/file_streams.hpp"

namespace gfsd::domain {

namespace {

// Files are read and written in blocks of 16 protocol chunks: the session
// batches chunks to the channel in the same number, so a download or an
// upload costs about two system calls per 128 KiB instead of per 8 KiB.
constexpr size_t kBlockSize = 16 * 8192;

Result<void> write_content(Ctx& ctx, const std::string& path, const std::string& content,
                           ports::OpenFor how) {
  auto file = ctx.fs.open(path, how, 0666);
  if (!file) return fail_errno(file.error().errnum, "open: " + path);
  auto w = (*file)->write(content.data(), content.size());
  if (!w) return fail_errno(w.error().errnum, "write");
  auto c = (*file)->close();
  if (!c) return fail_errno(c.error().errnum, "close: " + path);
  return {};
}

// The device's size in bytes, once udev has settled (the original asks
// "blockdev --getsize64"; the ioctl answers the same without a process).
Result<int64_t> device_size(Ctx& ctx, const std::string& device) {
  ctx.devices.settle("");
  return ctx.devices.size(device);
}

}  // namespace

Result<void> internal_write(Ctx& ctx, const std::string& path, const std::string& content) {
  return write_content(ctx, path, content, ports::OpenFor::WriteTruncate);
}

Result<void> internal_write_append(Ctx& ctx, const std::string& path,
                                   const std::string& content) {
  return write_content(ctx, path, content, ports::OpenFor::WriteAppend);
}

// Deprecated. The content came as an XDR string, which the original read
// as a C string: it ends at its first NUL, and size may only shorten it
// (0 means all of it), so that nothing beyond the string is written.
Result<void> write_file(Ctx& ctx, const std::string& path, const std::string& content,
                        int32_t size) {
  if (size < 0) return fail("size cannot be negative");
  const std::string text = content.substr(0, content.find('\0'));
  if (size == 0) size = static_cast<int32_t>(text.size());
  if (static_cast<size_t>(size) > text.size())
    return fail("size parameter is larger than string content");
  return write_content(ctx, path, text.substr(0, static_cast<size_t>(size)),
                       ports::OpenFor::WriteTruncate);
}

// FileIn. An error returned before the stream's end makes the session cancel
// and drain it; progress is reported by the session as chunks arrive.
Result<void> upload(Ctx& ctx, const api::DevOrPath& target) {
  const std::string& name = target.name;
  auto file = open_target(ctx, target, ports::OpenFor::WriteTruncate);
  if (!file) return fail_errno(file.error().errnum, name);
  return receive_upload_into(ctx, **file, name);
}

Result<void> receive_upload_into(Ctx& ctx, ports::File& file, const std::string& name,
                                 const std::string& close_context) {
  if (!ctx.upload) return fail("internal error: upload without a file stream");
  auto buf = std::make_unique<char[]>(kBlockSize);
  for (;;) {
    auto n = ctx.upload->read(buf.get(), kBlockSize);
    if (!n) {
      // The library ignores this reply when it cancelled, but one must come.
      if (n.error().errnum == ECANCELED) return fail("file upload cancelled");
      return fail("write error: " + name);  // a malformed chunk, as stock words it
    }
    if (*n == 0) break;
    if (!file.write(buf.get(), *n)) return fail("write error: " + name);
  }
  auto c = file.close();
  if (!c) return fail_errno(c.error().errnum, close_context);
  return {};
}

// FileOut: every check that can fail comes before the reply; after it an
// error can only cancel the stream (the session does that).
Result<void> download(Ctx& ctx, const api::DevOrPath& target) {
  const std::string& name = target.name;
  auto file = open_target(ctx, target, ports::OpenFor::Read);
  if (!file) return fail_errno(file.error().errnum, name);

  uint64_t total = 0;
  if (target.is_device) {
    // A device argument may name a directory (/dev/<vg>).
    if (ctx.devices.kind(name) == ports::DeviceKind::Directory)
      return fail(name + ": is a directory");
    auto size = device_size(ctx, name);
    if (!size) return forward(size.error());
    total = static_cast<uint64_t>(*size);
  } else {
    auto st = ctx.fs.stat(name, true);
    if (!st) return fail_errno(st.error().errnum, name);
    if (files::has_type(st->mode, files::kTypeDirectory)) return fail(name + ": is a directory");
    total = static_cast<uint64_t>(st->size);
  }

  return send_to_download(ctx, **file, name, total, false);
}

Result<std::unique_ptr<ports::File>> open_target(Ctx& ctx, const api::DevOrPath& target,
                                                 ports::OpenFor how) {
  if (target.is_device) return ctx.devices.open(target.name, how);
  return ctx.fs.open(target.name, how, 0666);
}

Result<void> send_to_download(Ctx& ctx, ports::File& file, const std::string& name,
                              uint64_t total, bool stop_at_total) {
  if (!ctx.download) return fail("internal error: download without a file stream");
  GFSD_TRY(ctx.download->start());
  auto buf = std::make_unique<char[]>(kBlockSize);
  uint64_t sent = 0;
  while (!stop_at_total || sent < total) {
    const size_t want = stop_at_total ? static_cast<size_t>(std::min<uint64_t>(kBlockSize, total - sent))
                                      : kBlockSize;
    auto n = file.read(buf.get(), want);
    if (!n) return fail_errno(n.error().errnum, "read: " + name);
    if (*n == 0) break;
    GFSD_TRY(ctx.download->write(buf.get(), *n));
    sent += *n;
    ctx.progress.report(sent, total);
  }
  auto c = file.close();
  if (!c) return fail_errno(c.error().errnum, "close: " + name);
  return ctx.download->finish();
}

}  // namespace gfsd::domain
