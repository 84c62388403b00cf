// internal_filesystem_walk / internal_find_inode: libtsk walks the filesystem
// on the device (allocated and deleted names, every directory), and each name
// goes out as one tsk_dirent record as soon as it is met: nothing accumulates.
#include <optional>
#include <string>

#include "domain/core/xdr_records.hpp"
#include "domain/tsk/tsk_actions.hpp"
#include "domain/tsk/tsk_dirent.hpp"
#include "ports/sleuthkit.hpp"

namespace gfsd::domain {

namespace {

// The original's wording: the step that failed, then libtsk's message.
tl::unexpected<Error> tsk_failure(const char* step, const Error& e) {
  return fail(std::string(step) + ": " + (e.message.empty() ? "unknown error" : e.message));
}

// Every name of the filesystem, or (only) those pointing to one inode.
Result<void> stream_dirents(Ctx& ctx, const std::string& device, std::optional<uint64_t> only) {
  if (!ctx.download) return fail("internal error: download without a file stream");
  if (ctx.tsk == nullptr) return fail("libtsk is not available");

  auto image = ctx.tsk->open_image(device);
  if (!image) return tsk_failure("tsk_image_open", image.error());
  auto fs = (*image)->open_filesystem();
  if (!fs) return tsk_failure("tsk_fs_open_img", fs.error());

  // The reply goes out once the filesystem is open; after it a failure can
  // only cancel the transfer.
  GFSD_TRY(ctx.download->start());
  XdrRecord record;
  auto walked = (*fs)->walk([&](const ports::TskEntry& e) -> Result<void> {
    if (only && *only != e.inode) return {};
    if (tsk_skips_entry(e)) return {};
    record.clear();
    encode_tsk_dirent(e, record);
    if (record.bytes().size() > kTskMaxRecord)
      return fail("xdr_guestfs_int_tsk_dirent: record of " + std::to_string(record.bytes().size()) +
                  " bytes");
    return ctx.download->write(record.bytes().data(), record.bytes().size());
  });
  if (!walked) return forward(walked.error());
  return ctx.download->finish();
}

}  // namespace

Result<void> internal_filesystem_walk(Ctx& ctx, const api::Mountable& device) {
  return stream_dirents(ctx, device.device, std::nullopt);
}

// A negative inode matches nothing (the original compared it as unsigned):
// an empty list, not an error.
Result<void> internal_find_inode(Ctx& ctx, const api::Mountable& device, int64_t inode) {
  return stream_dirents(ctx, device.device, static_cast<uint64_t>(inode));
}

}  // namespace gfsd::domain
