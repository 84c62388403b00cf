// Adding, removing and replacing the devices of a mounted filesystem.
#include <string>
#include <vector>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "domain/btrfs/btrfs_tool.hpp"

namespace gfsd::domain {
namespace {

// `btrfs device add` wants --force (btrfs-progs since 2013) to take a device
// that holds another filesystem; older ones do not know the option. The
// original asked once a daemon; this asks each time (one short run more).
Result<bool> device_add_takes_force(Ctx& ctx) {
  auto help = run_btrfs_tool(ctx, {"btrfs", "device", "add", "--help"}, "btrfs device add --help");
  if (!help) return forward(help.error());
  return help->find("--force") != std::string::npos;
}

// "btrfs device VERB [OPTS] DEVICES... FS", FS a guest path.
Result<void> run_device_verb(Ctx& ctx, std::vector<std::string> argv,
                             const std::vector<std::string>& devices, const std::string& fs) {
  argv.insert(argv.end(), devices.begin(), devices.end());
  argv.push_back(fs);
  GFSD_TRY(run_btrfs_tool(ctx, argv, fs, {followed(argv.size() - 1)}));
  return {};
}

}  // namespace

Result<void> btrfs_device_add(Ctx& ctx, const std::vector<std::string>& devices,
                              const std::string& fs) {
  if (devices.empty()) return {};  // nothing to add, as the original
  auto force = device_add_takes_force(ctx);
  if (!force) return forward(force.error());
  std::vector<std::string> argv{"btrfs", "device", "add"};
  if (*force) argv.push_back("--force");
  return run_device_verb(ctx, argv, devices, fs);
}

Result<void> btrfs_device_delete(Ctx& ctx, const std::vector<std::string>& devices,
                                 const std::string& fs) {
  if (devices.empty()) return {};
  return run_device_verb(ctx, {"btrfs", "device", "delete"}, devices, fs);
}

Result<void> btrfs_replace(Ctx& ctx, const std::string& srcdev, const std::string& targetdev,
                           const std::string& mntpoint) {
  // -B: in the foreground, so the reply comes when it is done; -f: the
  // target may hold a filesystem already.
  const std::vector<std::string> argv{"btrfs", "replace", "start", "-B",
                                      "-f",    srcdev,    targetdev, mntpoint};
  GFSD_TRY(run_btrfs_tool(ctx, argv, mntpoint, {followed(7)}));
  return {};
}

}  // namespace gfsd::domain
