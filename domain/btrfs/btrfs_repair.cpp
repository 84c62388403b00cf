// Checking, imaging and rescuing an unmounted filesystem.
#include <string>
#include <vector>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "domain/btrfs/btrfs_tool.hpp"

namespace gfsd::domain {

Result<void> btrfs_fsck(Ctx& ctx, const std::string& device, const api::opt::btrfs_fsck& o) {
  std::vector<std::string> argv{"btrfsck"};
  if (o.superblock) {
    if (*o.superblock < 0) return fail("super block offset must be >= 0");
    argv.insert(argv.end(), {"--super", std::to_string(*o.superblock)});
  }
  if (o.repair.value_or(false)) argv.push_back("--repair");
  argv.push_back(device);
  GFSD_TRY(run_btrfs_tool(ctx, argv, device));
  return {};
}

Result<void> btrfs_image(Ctx& ctx, const std::vector<std::string>& sources,
                         const std::string& image, const api::opt::btrfs_image& o) {
  if (sources.empty()) return fail("list of sources must be non-empty");
  std::vector<std::string> argv{"btrfs-image"};
  // A negative level means "btrfs-image's default", as in the original.
  if (o.compresslevel && *o.compresslevel >= 0)
    argv.insert(argv.end(), {"-c", std::to_string(*o.compresslevel)});
  argv.insert(argv.end(), sources.begin(), sources.end());
  argv.push_back(image);
  // The image is a guest path, written inside the guest. The original gave
  // btrfs-image the path as it came, so the image landed in the appliance's
  // own tree (or on whatever appliance file or device the path named).
  GFSD_TRY(run_btrfs_tool(ctx, argv, sources[0] + " " + image, {followed(argv.size() - 1)}));
  return {};
}

Result<void> btrfs_rescue_chunk_recover(Ctx& ctx, const std::string& device) {
  GFSD_TRY(run_btrfs_tool(ctx, {"btrfs", "rescue", "chunk-recover", "-y", device}, device));
  return {};
}

Result<void> btrfs_rescue_super_recover(Ctx& ctx, const std::string& device) {
  GFSD_TRY(run_btrfs_tool(ctx, {"btrfs", "rescue", "super-recover", "-y", device}, device));
  return {};
}

}  // namespace gfsd::domain
