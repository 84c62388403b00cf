// btrfs subvolumes as list_filesystems and inspection see them.
#include <regex>

#include "domain/btrfs/btrfs_mount.hpp"
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

Result<std::vector<api::Btrfssubvolume>> btrfs_subvolume_list(Ctx& ctx, const api::Mountable& fs) {
  auto out = with_mounted_btrfs(ctx, fs, {"subvolume", "list"});
  if (!out) return forward(out.error());
  // "ID 256 gen 30 top level 5 path test1" (older btrfs has no "gen").
  static const std::regex line_re(R"(ID\s+(\d+).*\stop level\s+(\d+).*\spath\s(.*))");
  std::vector<api::Btrfssubvolume> vols;
  for (const auto& line : split_lines(*out)) {
    if (line.empty()) continue;
    std::smatch m;
    if (!std::regex_search(line, m, line_re))
      return fail("unexpected output from 'btrfs subvolume list' command: " + line);
    vols.push_back({std::stoull(m[1]), std::stoull(m[2]), m[3]});
  }
  return vols;
}

Result<int64_t> btrfs_subvolume_get_default(Ctx& ctx, const api::Mountable& fs) {
  auto out = with_mounted_btrfs(ctx, fs, {"subvolume", "get-default"});
  if (!out) return forward(out.error());
  // "ID 5 (FS_TREE)" or "ID 256 gen 9 top level 5 path a".
  static const std::regex id_re(R"(^ID\s*(-?\d+))");
  std::smatch m;
  const auto id = std::regex_search(*out, m, id_re) ? whole_integer(m[1].str(), 10) : std::nullopt;
  if (!id) return fail("unexpected output from 'btrfs subvolume get-default' command: " + *out);
  return *id;
}

}  // namespace gfsd::domain
