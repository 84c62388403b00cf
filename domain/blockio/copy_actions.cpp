// copy_device_to_device, copy_device_to_file, copy_file_to_device,
// copy_file_to_file: the same copy (copy_blocks.cpp) between the two kinds.
#include "domain/blockio/blockio_actions.hpp"
#include "domain/blockio/copy_blocks.hpp"

namespace gfsd::domain {

namespace {

constexpr const char* kNoAppendOnDevices = "the append flag cannot be set for this call";

}  // namespace

Result<void> copy_device_to_device(Ctx& ctx, const std::string& src, const std::string& dest,
                                   const api::opt::copy_device_to_device& o) {
  if (o.append.value_or(false)) return fail(kNoAppendOnDevices);
  return copy_blocks(ctx, copy_request(src, true, dest, true, o));
}

Result<void> copy_device_to_file(Ctx& ctx, const std::string& src, const std::string& dest,
                                 const api::opt::copy_device_to_file& o) {
  return copy_blocks(ctx, copy_request(src, true, dest, false, o));
}

Result<void> copy_file_to_device(Ctx& ctx, const std::string& src, const std::string& dest,
                                 const api::opt::copy_file_to_device& o) {
  if (o.append.value_or(false)) return fail(kNoAppendOnDevices);
  return copy_blocks(ctx, copy_request(src, false, dest, true, o));
}

// Only this one removes a destination it could not finish (as the original).
Result<void> copy_file_to_file(Ctx& ctx, const std::string& src, const std::string& dest,
                               const api::opt::copy_file_to_file& o) {
  auto req = copy_request(src, false, dest, false, o);
  req.unlink_dest_on_failure = true;
  return copy_blocks(ctx, req);
}

}  // namespace gfsd::domain
