// pread_device / pwrite_device: one pread(2) or pwrite(2) on a device, the
// data in the request or the reply.
#include <string>

#include "domain/core/pread_args.hpp"
#include "domain/blockio/blockio_actions.hpp"

namespace gfsd::domain {

// A short read (at the end of the device) returns what it got; past the end, nothing.
Result<std::string> pread_device(Ctx& ctx, const std::string& device, int32_t count,
                                 int64_t offset) {
  const std::string bad = pread_arguments_problem(device, count, offset);
  if (bad.empty()) return ctx.devices.pread(device, static_cast<size_t>(count), offset);
  // The original opens the device before it looks at the numbers.
  auto opened = ctx.devices.probe(device);
  if (!opened) return fail_errno(opened.error().errnum, "open: " + device);
  return fail(bad);
}

// The reply is the count pwrite(2) gave. udev then gets to re-read the
// device (its blkid run holds the device open, which would fail a BLKRRPART).
Result<int32_t> pwrite_device(Ctx& ctx, const std::string& device, const std::string& content,
                              int64_t offset) {
  if (offset < 0) return fail("offset is negative");
  auto n = ctx.devices.pwrite(device, content, offset);  // names the failing step
  if (!n) return forward(n.error());
  ctx.devices.settle("");
  return static_cast<int32_t>(*n);
}

}  // namespace gfsd::domain
