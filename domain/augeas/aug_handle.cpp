// Opening, closing, loading and saving the daemon's Augeas tree.
#include "domain/augeas/aug_actions.hpp"
#include "domain/core/host_path.hpp"

namespace gfsd::domain {

using augeas::aug_failure;
using augeas::need_tree;

Result<void> aug_init(Ctx& ctx, const std::string& root, int32_t flags) {
  // A new init always drops the previous tree, even if this one fails.
  ctx.state.augeas.reset();
  if (ctx.augeas == nullptr) return fail("augeas initialization failed");
  // Augeas takes a host directory name: the root resolved inside the sysroot
  // (a guest symlink on the way cannot lead it to the appliance's files).
  auto host_root = resolved_host_path(ctx, root);
  if (!host_root) return fail_errno(host_root.error().errnum, "aug_init: " + root);
  auto tree = ctx.augeas->open(*host_root, flags);
  if (!tree) {
    if (tree.error().errnum == 0 && tree.error().message.empty())
      return fail("augeas initialization failed");
    return aug_failure("aug_init: " + root + " (flags " + std::to_string(flags) + ")",
                       tree.error());
  }
  ctx.state.augeas = std::move(*tree);
  return {};
}

Result<void> aug_close(Ctx& ctx) {
  auto tree = need_tree(ctx, "do_aug_close");
  if (!tree) return forward(tree.error());
  ctx.state.augeas.reset();
  return {};
}

Result<void> aug_load(Ctx& ctx) {
  auto tree = need_tree(ctx, "do_aug_load");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->load();
  if (!r) return aug_failure("aug_load", r.error());
  return {};
}

Result<void> aug_save(Ctx& ctx) {
  auto tree = need_tree(ctx, "do_aug_save");
  if (!tree) return forward(tree.error());
  auto r = (*tree)->save();
  if (!r) return aug_failure("aug_save", r.error());
  return {};
}

Result<void> aug_transform(Ctx& ctx, const std::string& lens, const std::string& file,
                           const api::opt::aug_transform& opts) {
  auto tree = need_tree(ctx, "do_aug_transform");
  if (!tree) return forward(tree.error());
  const bool exclude = opts.remove.value_or(false);
  auto r = (*tree)->transform(lens, file, exclude);
  if (!r)
    return aug_failure("aug_transform: " + lens + ": " + file + ": " + (exclude ? "excl" : "incl"),
                       r.error());
  return {};
}

}  // namespace gfsd::domain
