// Creating and stopping md arrays with mdadm, with the original's checks of
// the optional arguments before mdadm runs.
#include <bit>
#include <cstdint>

#include "domain/core/run_tool.hpp"
#include "domain/md/md_actions.hpp"

namespace gfsd::domain {

namespace {

bool is_known_level(const std::string& level) {
  for (const char* known : {"linear", "raid0", "0", "stripe", "raid1", "1", "mirror", "raid4",
                            "4", "raid5", "5", "raid6", "6", "raid10", "10"})
    if (level == known) return true;
  return false;
}

}  // namespace

Result<void> md_create(Ctx& ctx, const std::string& name, const std::vector<std::string>& devices,
                       const api::opt::md_create& opt) {
  uint64_t missing = static_cast<uint64_t>(opt.missingbitmap.value_or(0));
  const size_t nr_missing = static_cast<size_t>(std::popcount(missing));

  const int32_t spare = opt.spare.value_or(0);
  if (opt.spare && spare < 0) return fail("spare must not be negative");

  int32_t nrdevices = 0;
  if (opt.nrdevices) {
    nrdevices = *opt.nrdevices;
    if (nrdevices < 2) return fail("nrdevices is less than 2");
  } else {
    nrdevices = static_cast<int32_t>(devices.size() + nr_missing);
  }

  const std::string level = opt.level.value_or("raid1");
  if (opt.level && !is_known_level(level)) return fail("unknown level parameter: " + level);

  // chunk is in bytes in the API, in KiB for mdadm.
  if (opt.chunk && (*opt.chunk & 1023) != 0)
    return fail("chunk size must be a multiple of 1024 bytes");

  if (static_cast<int64_t>(devices.size() + nr_missing) !=
      static_cast<int64_t>(nrdevices) + spare)
    return fail("devices (" + std::to_string(devices.size()) + ") + bits set in missingbitmap (" +
                std::to_string(nr_missing) + ") is not equal to nrdevices (" +
                std::to_string(nrdevices) + ") + spare (" + std::to_string(spare) + ")");

  // --run: no "Continue creating array?" question.
  std::vector<std::string> argv{"mdadm", "--create", "--run", name,
                                "--level", level, "--raid-devices", std::to_string(nrdevices)};
  if (opt.spare) {
    argv.push_back("--spare-devices");
    argv.push_back(std::to_string(spare));
  }
  if (opt.chunk) {
    argv.push_back("--chunk");
    argv.push_back(std::to_string(*opt.chunk / 1024));
  }
  // Bit i of the bitmap set: slot i is "missing"; the devices fill the others.
  size_t next = 0;
  while (next < devices.size() || missing != 0) {
    if (missing & 1) {
      argv.push_back("missing");
    } else {
      // A clear bit past the last device: the original's command line ended
      // there, so ours does too.
      if (next == devices.size()) break;
      argv.push_back(devices[next++]);
    }
    missing >>= 1;
  }

  GFSD_TRY(run_or_fail_prefixed(ctx, argv, "mdadm: " + name + ": "));
  ctx.devices.settle("");
  return {};
}

Result<void> md_stop(Ctx& ctx, const std::string& md) {
  GFSD_TRY(run_or_fail_stderr(ctx, {"mdadm", "--stop", md}));
  return {};
}

}  // namespace gfsd::domain
