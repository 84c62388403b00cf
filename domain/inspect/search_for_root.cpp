#include "domain/inspect/inspect_actions.hpp"

namespace gfsd::domain::inspect {

Result<const InspectionData*> search_for_root(Ctx& ctx, const api::Mountable& root) {
  const auto& inspection = ctx.state.inspection;
  if (!inspection || inspection->filesystems.empty())
    return fail("no inspection data: call guestfs_inspect_os first");
  for (const auto& fs : inspection->filesystems)
    if (fs.role == Role::Root && same_mountable(fs.mountable, root)) return &fs.data;
  return fail(mountable_to_string(root) +
              ": root device not found: only call this function with a root device previously "
              "returned by guestfs_inspect_os");
}

}  // namespace gfsd::domain::inspect
