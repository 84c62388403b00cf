// Reading and setting the values of the daemon's hive.
#include "domain/hivex/hivex_actions.hpp"

namespace gfsd::domain {

using hivex::failed;
using hivex::need_hive;

Result<std::vector<api::HivexValue>> hivex_node_values(Ctx& ctx, int64_t nodeh) {
  auto hive = need_hive(ctx, "do_hivex_node_values");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->node_values(nodeh);
  if (!r) return failed(r.error());
  std::vector<api::HivexValue> out;
  out.reserve(r->size());
  for (int64_t h : *r) out.push_back(api::HivexValue{h});
  return out;
}

// 0 when the node has no such value.
Result<int64_t> hivex_node_get_value(Ctx& ctx, int64_t nodeh, const std::string& key) {
  auto hive = need_hive(ctx, "do_hivex_node_get_value");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->node_get_value(nodeh, key);
  if (!r) return failed(r.error());
  return *r;
}

Result<std::string> hivex_value_key(Ctx& ctx, int64_t valueh) {
  auto hive = need_hive(ctx, "do_hivex_value_key");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->value_key(valueh);
  if (!r) return failed(r.error());
  return std::move(*r);
}

Result<int64_t> hivex_value_type(Ctx& ctx, int64_t valueh) {
  auto hive = need_hive(ctx, "do_hivex_value_type");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->value_type(valueh);
  if (!r) return failed(r.error());
  return *r;
}

Result<std::string> hivex_value_value(Ctx& ctx, int64_t valueh) {
  auto hive = need_hive(ctx, "do_hivex_value_value");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->value_value(valueh);
  if (!r) return failed(r.error());
  return std::move(r->data);
}

Result<std::string> hivex_value_string(Ctx& ctx, int64_t valueh) {
  auto hive = need_hive(ctx, "do_hivex_value_string");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->value_string(valueh);
  if (!r) return failed(r.error());
  return std::move(*r);
}

// The deprecated name of hivex_value_string; the original's message names the new one.
Result<std::string> hivex_value_utf8(Ctx& ctx, int64_t valueh) {
  return hivex_value_string(ctx, valueh);
}

Result<void> hivex_node_set_value(Ctx& ctx, int64_t nodeh, const std::string& key, int64_t t,
                                  const std::string& val) {
  auto hive = need_hive(ctx, "do_hivex_node_set_value");
  if (!hive) return forward(hive.error());
  auto r = (*hive)->node_set_value(nodeh, key, t, val);
  if (!r) return failed(r.error());
  return {};
}

}  // namespace gfsd::domain
