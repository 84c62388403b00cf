// blkdiscard and blkdiscardzeroes: the BLKDISCARD and BLKDISCARDZEROES ioctls.
#include "domain/blockio/blockio_actions.hpp"
#include "domain/devices/device_actions.hpp"

namespace gfsd::domain {

// Discards the whole device in one request (virtio-scsi takes any size).
Result<void> blkdiscard(Ctx& ctx, const std::string& device) {
  auto size = blockdev_getsize64(ctx, device);  // the original asks blockdev(8) too
  if (!size) return forward(size.error());
  return ctx.devices.discard(device, 0, static_cast<uint64_t>(*size));  // names the step
}

Result<bool> blkdiscardzeroes(Ctx& ctx, const std::string& device) {
  return ctx.devices.discard_zeroes(device);  // names the step
}

}  // namespace gfsd::domain
