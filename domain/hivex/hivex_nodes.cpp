// Walking and changing the keys (nodes) of the daemon's hive.
#include "domain/hivex/hivex_actions.hpp"

namespace gfsd::domain {

using hivex::failed;
using hivex::need_hive;

Result<int64_t> hivex_root(Ctx& ctx) {
  auto hive = need_hive(ctx, "do_hivex_root");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->root();
  if (!r) return failed(r.error());
  return *r;
}

Result<std::string> hivex_node_name(Ctx& ctx, int64_t nodeh) {
  auto hive = need_hive(ctx, "do_hivex_node_name");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->node_name(nodeh);
  if (!r) return failed(r.error());
  return std::move(*r);
}

Result<std::vector<api::HivexNode>> hivex_node_children(Ctx& ctx, int64_t nodeh) {
  auto hive = need_hive(ctx, "do_hivex_node_children");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->node_children(nodeh);
  if (!r) return failed(r.error());
  std::vector<api::HivexNode> out;
  out.reserve(r->size());
  for (int64_t h : *r) out.push_back(api::HivexNode{h});
  return out;
}

// 0 when the node has no such child.
Result<int64_t> hivex_node_get_child(Ctx& ctx, int64_t nodeh, const std::string& name) {
  auto hive = need_hive(ctx, "do_hivex_node_get_child");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->node_get_child(nodeh, name);
  if (!r) return failed(r.error());
  return *r;
}

Result<int64_t> hivex_node_parent(Ctx& ctx, int64_t nodeh) {
  auto hive = need_hive(ctx, "do_hivex_node_parent");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->node_parent(nodeh);
  if (!r) return failed(r.error());
  return *r;
}

Result<int64_t> hivex_node_add_child(Ctx& ctx, int64_t parent, const std::string& name) {
  auto hive = need_hive(ctx, "do_hivex_node_add_child");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->node_add_child(parent, name);
  if (!r) return failed(r.error());
  return *r;
}

Result<void> hivex_node_delete_child(Ctx& ctx, int64_t nodeh) {
  auto hive = need_hive(ctx, "do_hivex_node_delete_child");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->node_delete_child(nodeh);
  if (!r) return failed(r.error());
  return {};
}

}  // namespace gfsd::domain
