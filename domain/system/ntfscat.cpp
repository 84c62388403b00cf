// ntfscat_i: the contents of one NTFS inode, `ntfscat -i INODE DEVICE`,
// streamed through the FileOut channel.
#include "domain/core/stream_output.hpp"
#include "domain/system/misc_actions.hpp"

namespace gfsd::domain {

Result<void> ntfscat_i(Ctx& ctx, const api::Mountable& device, int64_t inode) {
  if (!ctx.download) return fail("internal error: download without a file stream");
  if (inode < 0) return fail("inode must be >= 0");
  const std::vector<std::string> argv{"ntfscat", "-i", std::to_string(inode), device.device};

  // After the reply a failure (ntfscat missing or refusing the inode) can
  // only cancel the transfer.
  return stream_program_output(ctx, argv, {}, std::to_string(inode));
}

}  // namespace gfsd::domain
