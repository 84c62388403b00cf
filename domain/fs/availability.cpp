#include <cctype>

#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

// Is the filesystem in /proc/filesystems (after trying to load its module)?
Result<bool> filesystem_available(Ctx& ctx, const std::string& filesystem) {
  for (char c : filesystem)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
      return fail("filesystem name contains non-alphanumeric characters");
  return ctx.host.kernel_has_filesystem(filesystem);
}

}  // namespace gfsd::domain
