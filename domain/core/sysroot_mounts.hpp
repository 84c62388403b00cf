// The one filter for "mounted at or below the sysroot": the guest's mounts as
// the kernel lists them. In live mode (empty sysroot) that is every mount.
#pragma once

#include <string>
#include <vector>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

struct SysrootMount {
  std::string source;       // the device, as the kernel shows it
  std::string host_target;  // where the kernel has it ("/sysroot/boot")
  std::string guest_path;   // the same as the guest sees it ("/boot")
  std::string fstype;
};

// In kernel order (parents before what is mounted on them).
Result<std::vector<SysrootMount>> sysroot_mounts(Ctx& ctx);

// Whether sysroot_mounts() would list anything, asked without copying the
// mount table: the check every Pathname call makes, so no allocation.
bool anything_mounted_in_sysroot(Ctx& ctx);

}  // namespace gfsd::domain
