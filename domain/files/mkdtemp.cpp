// mkdtemp: a new private directory named after a template ending in XXXXXX.
#include <string>

#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

// The port words the error as the original did ("<template>: <strerror>",
// EINVAL for a template without its XXXXXX) and returns the guest path.
Result<std::string> mkdtemp(Ctx& ctx, const std::string& tmpl) {
  return ctx.fs.make_temp_dir(tmpl);
}

}  // namespace gfsd::domain
