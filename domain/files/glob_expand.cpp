#include "domain/files/content_actions.hpp"

namespace gfsd::domain {

// Paths matching a shell pattern inside the guest ({a,b} too); directories
// get a trailing '/' unless directoryslash:false.
Result<std::vector<std::string>> glob_expand(Ctx& ctx, const std::string& pattern,
                                             const api::opt::glob_expand& opts) {
  return ctx.fs.glob(pattern, opts.directoryslash.value_or(true));
}

}  // namespace gfsd::domain
