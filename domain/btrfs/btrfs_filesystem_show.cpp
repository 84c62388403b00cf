// btrfs_filesystem_show: the devices of the filesystem on a device, from
//
//   Label: 'test'  uuid: 55ab5723-510e-4566-b8f4-41c0f453bf71
//   	Total devices 2 FS bytes used 144.00KiB
//   	devid    1 size 300.00MiB used 48.00MiB path /dev/sda1
//   	devid    2 size 300.00MiB used 40.00MiB path /dev/sda2
//   	*** Some devices missing          (when some are)
#include <cerrno>
#include <string>
#include <string_view>
#include <vector>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "domain/btrfs/btrfs_tool.hpp"
#include "domain/core/text.hpp"

namespace gfsd::domain {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

Result<std::vector<std::string>> parse_btrfs_filesystem_show(std::string_view out,
                                                             const std::string& device) {
  const std::vector<std::string> lines = split_lines(out);
  if (lines.size() < 3) return fail("truncated output from 'btrfs filesystem show' command");

  std::vector<std::string> devices;
  // The first line (the label, or a warning before it) says nothing of the devices.
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line.empty() || starts_with(line, "Label: ") || starts_with(line, "\tTotal devices "))
      continue;
    if (starts_with(line, "\tdevid ")) {
      const size_t at = line.find(" path ");
      if (at == std::string_view::npos) continue;
      const std::string_view path = line.substr(at + 6);
      devices.emplace_back(path.substr(0, path.find(' ')));
      continue;
    }
    if (starts_with(line, "\t*** Some devices missing"))
      return fail_with(ENODEV, device + ": missing devices");
    // btrfs-progs before 4.3.1 ended with its version line.
    if (starts_with(line, "btrfs-progs v") || starts_with(line, "Btrfs v")) continue;
    return fail("unrecognized line in output from 'btrfs filesystem show': " + lines[i]);
  }
  return devices;
}

Result<std::vector<std::string>> btrfs_filesystem_show(Ctx& ctx, const std::string& device) {
  auto out = run_btrfs_tool(ctx, {"btrfs", "filesystem", "show", device}, device);
  if (!out) return forward(out.error());
  return parse_btrfs_filesystem_show(*out, device);
}

}  // namespace gfsd::domain
