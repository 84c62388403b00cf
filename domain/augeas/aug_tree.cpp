// Reading and changing single nodes of the daemon's Augeas tree.
#include "domain/augeas/aug_actions.hpp"

namespace gfsd::domain {

using augeas::aug_failure;
using augeas::need_tree;
using augeas::or_null;

Result<std::string> aug_get(Ctx& ctx, const std::string& augpath) {
  auto tree = need_tree(ctx, "do_aug_get");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->get(augpath);
  if (!r) return aug_failure("aug_get: " + augpath, r.error());
  if (!r->matched) return fail("no matching node");
  // A matched node may have no value at all (e.g. "/augeas").
  if (!r->value) return fail("Augeas returned NULL match");
  return std::move(*r->value);
}

Result<void> aug_set(Ctx& ctx, const std::string& augpath, const std::string& val) {
  auto tree = need_tree(ctx, "do_aug_set");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->set(augpath, val);
  if (!r) return aug_failure("aug_set: " + augpath + ": " + val, r.error());
  return {};
}

Result<void> aug_clear(Ctx& ctx, const std::string& augpath) {
  auto tree = need_tree(ctx, "do_aug_clear");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->set(augpath, std::nullopt);
  if (!r) return aug_failure("aug_clear: " + augpath, r.error());
  return {};
}

Result<int32_t> aug_setm(Ctx& ctx, const std::string& base, const std::optional<std::string>& sub,
                         const std::string& val) {
  auto tree = need_tree(ctx, "do_aug_setm");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->setm(base, sub, val);
  if (!r) return aug_failure("aug_setm: " + base + ": " + or_null(sub) + ": " + val, r.error());
  return *r;
}

Result<void> aug_insert(Ctx& ctx, const std::string& augpath, const std::string& label,
                        bool before) {
  auto tree = need_tree(ctx, "do_aug_insert");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->insert(augpath, label, before);
  if (!r)
    return aug_failure("aug_insert: " + augpath + ": " + label + " [before=" +
                           (before ? "1" : "0") + "]",
                       r.error());
  return {};
}

Result<int32_t> aug_rm(Ctx& ctx, const std::string& augpath) {
  auto tree = need_tree(ctx, "do_aug_rm");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->rm(augpath);
  if (!r) return aug_failure("aug_rm: " + augpath, r.error());
  return *r;
}

Result<void> aug_mv(Ctx& ctx, const std::string& src, const std::string& dest) {
  auto tree = need_tree(ctx, "do_aug_mv");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->mv(src, dest);
  if (!r) return aug_failure("aug_mv: " + src + ": " + dest, r.error());
  return {};
}

Result<std::string> aug_label(Ctx& ctx, const std::string& augpath) {
  auto tree = need_tree(ctx, "do_aug_label");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->label(augpath);
  if (!r) return aug_failure("aug_label: " + augpath, r.error());
  if (!*r) return fail("no matching nodes found");
  return std::move(**r);
}

}  // namespace gfsd::domain
