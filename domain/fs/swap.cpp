// Linux swap: mkswap and the swapon / swapoff family.
#include "domain/core/run_tool.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr size_t kSwapLabelMax = 16;

Result<void> label_fits(const std::string& label) {
  if (label.size() > kSwapLabelMax)
    return fail(label + ": Linux swap labels are limited to " + std::to_string(kSwapLabelMax) +
                " bytes");
  return {};
}

// swapon / swapoff [FLAG] VALUE; the error names VALUE.
// guest_file: value is a guest path (swapon/swapoff follow a symlink there).
Result<void> swap_onoff(Ctx& ctx, const std::string& cmd, const std::string& flag,
                        const std::string& value, bool guest_file = false) {
  std::vector<std::string> argv{cmd};
  if (!flag.empty()) argv.push_back(flag);
  argv.push_back(value);
  ports::RunOptions opts;
  if (guest_file) opts.guest_args = {{argv.size() - 1, ports::GuestArg::Last::Follow}};
  GFSD_TRY(run_ok_or_fail_prefixed(ctx, argv, value + ": ", opts));
  ctx.devices.settle("");
  return {};
}

}  // namespace

Result<void> mkswap(Ctx& ctx, const std::string& device, const api::opt::mkswap& opts) {
  std::vector<std::string> argv{"mkswap", "-f"};
  if (opts.label) {
    GFSD_TRY(label_fits(*opts.label));
    argv.insert(argv.end(), {"-L", *opts.label});
  }
  if (opts.uuid) argv.insert(argv.end(), {"-U", *opts.uuid});
  argv.push_back(device);
  wipe_device_before_mkfs(ctx, device);
  GFSD_TRY(run_ok_or_fail_prefixed(ctx, argv, device + ": "));
  ctx.devices.settle("");
  return {};
}

Result<void> mkswap_L(Ctx& ctx, const std::string& label, const std::string& device) {
  api::opt::mkswap opts;
  opts.label = label;
  return mkswap(ctx, device, opts);
}

Result<void> mkswap_U(Ctx& ctx, const std::string& uuid, const std::string& device) {
  api::opt::mkswap opts;
  opts.uuid = uuid;
  return mkswap(ctx, device, opts);
}

Result<void> mkswap_file(Ctx& ctx, const std::string& path) {
  ports::RunOptions opts;
  opts.guest_args = {{2, ports::GuestArg::Last::Follow}};  // mkswap opens what it names
  return run_ok_or_fail_prefixed(ctx, {"mkswap", "-f", path}, path + ": ", opts);
}

Result<void> swapon_device(Ctx& ctx, const std::string& device) {
  return swap_onoff(ctx, "swapon", "", device);
}
Result<void> swapoff_device(Ctx& ctx, const std::string& device) {
  return swap_onoff(ctx, "swapoff", "", device);
}
Result<void> swapon_file(Ctx& ctx, const std::string& path) {
  return swap_onoff(ctx, "swapon", "", path, true);
}
Result<void> swapoff_file(Ctx& ctx, const std::string& path) {
  return swap_onoff(ctx, "swapoff", "", path, true);
}
Result<void> swapon_label(Ctx& ctx, const std::string& label) {
  GFSD_TRY(label_fits(label));
  return swap_onoff(ctx, "swapon", "-L", label);
}
Result<void> swapoff_label(Ctx& ctx, const std::string& label) {
  GFSD_TRY(label_fits(label));
  return swap_onoff(ctx, "swapoff", "-L", label);
}
Result<void> swapon_uuid(Ctx& ctx, const std::string& uuid) {
  return swap_onoff(ctx, "swapon", "-U", uuid);
}
Result<void> swapoff_uuid(Ctx& ctx, const std::string& uuid) {
  return swap_onoff(ctx, "swapoff", "-U", uuid);
}

}  // namespace gfsd::domain
