// mkfs_btrfs: mkfs.btrfs over one or more devices.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "domain/btrfs/btrfs_tool.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {
namespace {

bool is_raid_profile(const std::string& s) {
  return s == "raid0" || s == "raid1" || s == "raid10" || s == "single";
}

bool positive_power_of_two(int32_t v) { return v > 0 && (v & (v - 1)) == 0; }

// "--<name> N" after checking N, in the original's words.
Result<void> add_size(std::vector<std::string>& argv, const std::optional<int32_t>& v,
                      const std::string& name) {
  if (!v) return {};
  if (!positive_power_of_two(*v)) return fail(name + " must be > 0 and a power of two");
  argv.insert(argv.end(), {"--" + name, std::to_string(*v)});
  return {};
}

}  // namespace

Result<void> mkfs_btrfs(Ctx& ctx, const std::vector<std::string>& devices,
                        const api::opt::mkfs_btrfs& o) {
  if (devices.empty()) return fail("list of devices must be non-empty");

  std::vector<std::string> argv{"mkfs.btrfs"};
  // allocstart is accepted and ignored: mkfs.btrfs dropped --alloc-start
  // (btrfs-progs 4.14.1), and the original ignores it since.
  if (o.bytecount) {
    if (*o.bytecount <= 0) return fail("bytecount must be > 0");
    argv.insert(argv.end(), {"--byte-count", std::to_string(*o.bytecount)});
  }
  if (o.datatype) {
    if (!is_raid_profile(*o.datatype)) return fail("datatype not one of the allowed values");
    argv.insert(argv.end(), {"--data", *o.datatype});
  }
  GFSD_TRY(add_size(argv, o.leafsize, "leafsize"));
  if (o.label) argv.insert(argv.end(), {"--label", *o.label});
  if (o.metadata) {
    if (!is_raid_profile(*o.metadata)) return fail("metadata not one of the allowed values");
    argv.insert(argv.end(), {"--metadata", *o.metadata});
  }
  GFSD_TRY(add_size(argv, o.nodesize, "nodesize"));
  GFSD_TRY(add_size(argv, o.sectorsize, "sectorsize"));
  argv.insert(argv.end(), devices.begin(), devices.end());

  for (const auto& device : devices) wipe_device_before_mkfs(ctx, device);
  GFSD_TRY(run_btrfs_tool(ctx, argv, devices[0]));
  return {};
}

}  // namespace gfsd::domain
