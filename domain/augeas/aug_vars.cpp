// Augeas variables: defvar and defnode.
#include "domain/augeas/aug_actions.hpp"

namespace gfsd::domain {

Result<int32_t> aug_defvar(Ctx& ctx, const std::string& name,
                           const std::optional<std::string>& expr) {
  auto tree = augeas::need_tree(ctx, "do_aug_defvar");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->defvar(name, expr);
  if (!r) return augeas::aug_failure("aug_defvar: " + name + ": " + augeas::or_null(expr), r.error());
  return *r;
}

Result<api::IntBool> aug_defnode(Ctx& ctx, const std::string& name, const std::string& expr,
                                 const std::string& val) {
  auto tree = augeas::need_tree(ctx, "do_aug_defnode");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->defnode(name, expr, val);
  if (!r)
    return augeas::aug_failure("aug_defnode: " + name + ": " + expr + ": " + val, r.error());
  return api::IntBool{r->first, r->second ? 1 : 0};
}

}  // namespace gfsd::domain
