// Which filesystems make up an inspected OS, and where they are mounted.
#include "domain/inspect/inspect_actions.hpp"

namespace gfsd::domain {

using inspect::mountable_to_string;
using inspect::search_for_root;

// Mount point -> mountable from the guest's fstab (absolute mount points
// only); just "/" -> root when there is no fstab (Windows).
Result<api::Hashtable> inspect_get_mountpoints(Ctx& ctx, const api::Mountable& root) {
  auto data = search_for_root(ctx, root);
  if (!data) return forward(data.error());
  api::Hashtable out;
  if ((*data)->fstab.empty()) {
    out.emplace_back("/", mountable_to_string(root));
    return out;
  }
  for (const auto& e : (*data)->fstab)
    if (!e.mountpoint.empty() && e.mountpoint[0] == '/')
      out.emplace_back(e.mountpoint, mountable_to_string(e.mountable));
  return out;
}

Result<std::vector<std::string>> inspect_get_filesystems(Ctx& ctx, const api::Mountable& root) {
  auto data = search_for_root(ctx, root);
  if (!data) return forward(data.error());
  std::vector<std::string> out;
  if ((*data)->fstab.empty()) {
    out.push_back(mountable_to_string(root));
    return out;
  }
  for (const auto& e : (*data)->fstab) out.push_back(mountable_to_string(e.mountable));
  return out;
}

// Drive letter -> device, from the Windows registry.
Result<api::Hashtable> inspect_get_drive_mappings(Ctx& ctx, const api::Mountable& root) {
  auto data = search_for_root(ctx, root);
  if (!data) return forward(data.error());
  api::Hashtable out;
  for (const auto& m : (*data)->drive_mappings) out.emplace_back(m.letter, m.device);
  return out;
}

}  // namespace gfsd::domain
