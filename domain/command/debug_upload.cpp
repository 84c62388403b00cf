// The debug family's FileIn actions. They act on the appliance itself, not on
// the guest, as `debug sh` does: debug_upload writes any appliance file (the
// library's debugging and test helpers put scripts and tools there), and
// internal_rhbz914931 is the library's test that a daemon dying in the middle
// of an upload is reported (RHBZ#914931).
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>

#include "domain/command/command_actions.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr size_t kChunk = 8192;  // one protocol chunk

}  // namespace

Result<void> debug_upload(Ctx& ctx, const std::string& filename, int32_t mode) {
  if (!ctx.appliance_fs) return fail_errno(ENOSYS, filename);
  // The appliance's path, not the guest's; the mode goes through the umask.
  auto file = ctx.appliance_fs->open(filename, ports::OpenFor::WriteTruncate,
                                     static_cast<uint32_t>(mode));
  if (!file) return fail_errno(file.error().errnum, filename);
  return receive_upload_into(ctx, **file, filename, "close: " + filename);
}

Result<void> internal_upload(Ctx& ctx, const std::string& filename, int32_t mode) {
  return debug_upload(ctx, filename, mode);
}

Result<void> internal_rhbz914931(Ctx& ctx, int32_t count) {
  if (count <= 0 || count > 1000) return fail("count out of range");
  if (!ctx.upload) return fail("internal error: upload without a file stream");
  // Chunk by chunk, a second each, and the daemon dies at the count-th: the
  // library must then report the lost daemon rather than hang.
  auto buf = std::make_unique<char[]>(kChunk);
  for (;;) {
    auto n = ctx.upload->read(buf.get(), kChunk);
    if (!n) {
      if (n.error().errnum == ECANCELED) return fail("file upload cancelled");
      return fail("write error");
    }
    if (*n == 0) return {};
    std::this_thread::sleep_for(std::chrono::seconds(1));
    if (--count == 0) __builtin_trap();
  }
}

}  // namespace gfsd::domain
