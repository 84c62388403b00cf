// The blockdev(8) actions: each runs the blockdev program, as the original did,
// after letting udev finish with the device (a pending blkid run holds it open
// and makes BLKRRPART fail).
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/devices/device_actions.hpp"

namespace gfsd::domain {

namespace {

Result<std::string> call_blockdev(Ctx& ctx, const std::string& device,
                                  const std::vector<std::string>& switches) {
  ctx.devices.settle("");
  std::vector<std::string> argv{"blockdev"};
  argv.insert(argv.end(), switches.begin(), switches.end());
  argv.push_back(device);
  auto out = run_or_fail_stderr(ctx, argv);
  if (!out) return fail("blockdev: " + out.error().message);
  return out;
}

Result<int64_t> blockdev_value(Ctx& ctx, const std::string& device, const char* query) {
  auto out = call_blockdev(ctx, device, {query});
  if (!out) return forward(out.error());
  const auto value = leading_integer(*out, 0);  // sscanf "%i"
  if (!value) return fail("blockdev: expected output, but got nothing");
  return *value;
}

Result<void> blockdev_do(Ctx& ctx, const std::string& device,
                         const std::vector<std::string>& switches) {
  auto out = call_blockdev(ctx, device, switches);
  if (!out) return forward(out.error());
  return {};
}

}  // namespace

Result<void> blockdev_setro(Ctx& ctx, const std::string& device) {
  return blockdev_do(ctx, device, {"--setro"});
}

Result<void> blockdev_setrw(Ctx& ctx, const std::string& device) {
  return blockdev_do(ctx, device, {"--setrw"});
}

Result<bool> blockdev_getro(Ctx& ctx, const std::string& device) {
  auto v = blockdev_value(ctx, device, "--getro");
  if (!v) return forward(v.error());
  return static_cast<int32_t>(*v) != 0;
}

Result<int32_t> blockdev_getss(Ctx& ctx, const std::string& device) {
  auto v = blockdev_value(ctx, device, "--getss");
  if (!v) return forward(v.error());
  return static_cast<int32_t>(*v);
}

Result<int32_t> blockdev_getbsz(Ctx& ctx, const std::string& device) {
  auto v = blockdev_value(ctx, device, "--getbsz");
  if (!v) return forward(v.error());
  return static_cast<int32_t>(*v);
}

// Deliberately does nothing: setting the kernel's soft block size through
// BLKBSZSET has no lasting effect and the original dropped it (RHBZ#1002825).
Result<void> blockdev_setbsz(Ctx&, const std::string&, int32_t) { return {}; }

Result<int64_t> blockdev_getsz(Ctx& ctx, const std::string& device) {
  return blockdev_value(ctx, device, "--getsz");
}

Result<int64_t> blockdev_getsize64(Ctx& ctx, const std::string& device) {
  return blockdev_value(ctx, device, "--getsize64");
}

Result<void> blockdev_flushbufs(Ctx& ctx, const std::string& device) {
  return blockdev_do(ctx, device, {"--flushbufs"});
}

Result<void> blockdev_rereadpt(Ctx& ctx, const std::string& device) {
  return blockdev_do(ctx, device, {"--rereadpt"});
}

Result<void> blockdev_setra(Ctx& ctx, const std::string& device, int32_t sectors) {
  if (sectors < 0) return fail("readahead sectors must be >= 0");
  return blockdev_do(ctx, device, {"--setra", std::to_string(sectors)});
}

}  // namespace gfsd::domain
