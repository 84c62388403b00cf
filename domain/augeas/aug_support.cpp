#include <cerrno>

#include "domain/augeas/aug_actions.hpp"

namespace gfsd::domain::augeas {

Result<ports::AugeasTree*> need_tree(Ctx& ctx, const char* function) {
  if (!ctx.state.augeas)
    return fail(std::string(function) +
                ": you must call 'aug-init' first to initialize Augeas");
  return ctx.state.augeas.get();
}

tl::unexpected<Error> aug_failure(const std::string& what, const Error& e) {
  if (e.errnum == ENOMEM) return fail(what + ": augeas out of memory");
  return fail(what + ": " + e.message);
}

std::string or_null(const std::optional<std::string>& s) { return s ? *s : "(null)"; }

}  // namespace gfsd::domain::augeas
