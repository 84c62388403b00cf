// Listing nodes of the daemon's Augeas tree.
#include <algorithm>

#include "domain/augeas/aug_actions.hpp"

namespace gfsd::domain {

namespace {

Result<std::vector<std::string>> match_in(ports::AugeasTree& tree, const std::string& augpath) {
  auto r = tree.match(augpath);
  if (!r) return augeas::aug_failure("aug_match: " + augpath, r.error());
  return std::move(*r);
}

}  // namespace

Result<std::vector<std::string>> aug_match(Ctx& ctx, const std::string& augpath) {
  auto tree = augeas::need_tree(ctx, "do_aug_match");
  if (!tree) return forward(tree.error());
  return match_in(**tree, augpath);
}

// The children of augpath (which may also be a variable), sorted bytewise.
Result<std::vector<std::string>> aug_ls(Ctx& ctx, const std::string& augpath) {
  auto tree = augeas::need_tree(ctx, "do_aug_ls");
  if (!tree) return forward(tree.error());
  const size_t len = augpath.size();
  if (len > 1 && (augpath.back() == '/' || augpath.back() == ']' || augpath.back() == '*'))
    return fail("don't use aug-ls with a path that ends with / ] *");
  auto r = match_in(**tree, augpath == "/" ? "/*" : augpath + "/*");
  if (!r) return r;
  std::sort(r->begin(), r->end());
  return r;
}

}  // namespace gfsd::domain
