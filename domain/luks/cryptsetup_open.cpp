// Opening and closing encrypted devices (the original's OCaml half):
// cryptsetup open/close, then udev settled so that /dev/mapper/<name> is
// there (or gone) when the call returns.
#include "domain/core/run_tool.hpp"
#include "domain/fs/fs_actions.hpp"
#include "domain/luks/luks_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr const char* kMapperDir = "/dev/mapper/";

// The --type cryptsetup needs, from what blkid says the device holds.
Result<std::string> detect_crypttype(Ctx& ctx, const std::string& device) {
  auto type = vfs_type(ctx, api::Mountable{api::MountableType::Device, device, ""});
  if (!type) return forward(type.error());
  if (*type == "crypto_LUKS") return std::string("luks");
  if (*type == "BitLocker") return std::string("bitlk");
  return fail(*type + ": unknown encrypted device type");
}

bool is_block_device(Ctx& ctx, const std::string& path) {
  const auto kind = ctx.devices.kind(path);
  return kind == ports::DeviceKind::Block || kind == ports::DeviceKind::RootDevice;
}

}  // namespace

Result<void> cryptsetup_open(Ctx& ctx, const std::string& device, const std::string& key,
                             const std::string& mapname, const api::opt::cryptsetup_open& opt) {
  // The original's only check of the name: the node must not exist yet
  // ("control", device-mapper's own node, is never a block device).
  const std::string devmapper = kMapperDir + mapname;
  if (is_block_device(ctx, devmapper)) return fail(devmapper + ": device already exists");

  std::string crypttype;
  if (opt.crypttype) {
    crypttype = *opt.crypttype;
  } else {
    auto detected = detect_crypttype(ctx, device);
    if (!detected) return forward(detected.error());
    crypttype = std::move(*detected);
  }

  // "-d <key file>": the key in an in-memory file whose path the runner fills in.
  std::vector<std::string> argv{"cryptsetup", "-d", ""};
  ports::RunOptions opts;
  opts.data_args.push_back({argv.size() - 1, key});
  if (opt.readonly.value_or(false)) argv.push_back("--readonly");
  for (const auto& a : {std::string("open"), device, mapname, std::string("--type"), crypttype})
    argv.push_back(a);
  GFSD_TRY(run_or_fail_exit_status(ctx, argv, opts));
  ctx.devices.settle("");
  return {};
}

Result<void> cryptsetup_close(Ctx& ctx, const std::string& device) {
  const std::string prefix = kMapperDir;
  if (device.rfind(prefix, 0) != 0)
    return fail(device +
                ": you must call this on the /dev/mapper device created by cryptsetup-open");
  GFSD_TRY(run_or_fail_exit_status(ctx, {"cryptsetup", "close", device.substr(prefix.size())}));
  ctx.devices.settle("");
  return {};
}

Result<void> luks_open(Ctx& ctx, const std::string& device, const std::string& key,
                       const std::string& mapname) {
  return cryptsetup_open(ctx, device, key, mapname, {.readonly = {}, .crypttype = "luks"});
}

Result<void> luks_open_ro(Ctx& ctx, const std::string& device, const std::string& key,
                          const std::string& mapname) {
  return cryptsetup_open(ctx, device, key, mapname, {.readonly = true, .crypttype = "luks"});
}

Result<void> luks_close(Ctx& ctx, const std::string& device) {
  return cryptsetup_close(ctx, device);
}

}  // namespace gfsd::domain
