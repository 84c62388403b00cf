// download_inode / download_blocks: the output of The Sleuth Kit's icat and
// blkls, streamed through the FileOut channel as the program writes it.
#include <string>
#include <vector>

#include "domain/core/stream_output.hpp"
#include "domain/tsk/tsk_actions.hpp"

namespace gfsd::domain {

// icat -r: recover a deleted inode's content too.
Result<void> download_inode(Ctx& ctx, const api::Mountable& device, int64_t inode) {
  if (inode < 0) return fail("inode must be >= 0");
  const std::vector<std::string> argv{"icat", "-r", device.device, std::to_string(inode)};
  return stream_program_output(ctx, argv, {}, device.device);
}

Result<void> download_blocks(Ctx& ctx, const api::Mountable& device, int64_t start, int64_t stop,
                             const api::opt::download_blocks& o) {
  if (start < 0) return fail("starting address must be greater than zero");
  if (stop <= start) return fail("stopping address must greater than starting address");

  std::vector<std::string> argv{"blkls", device.device};
  // blkls lists only unallocated blocks by default, -e every block. As with
  // the original, passing `unallocated` at all, true or false, drops -e.
  if (!o.unallocated.has_value()) argv.push_back("-e");
  argv.push_back(std::to_string(start) + "-" + std::to_string(stop));
  return stream_program_output(ctx, argv, {}, device.device);
}

}  // namespace gfsd::domain
