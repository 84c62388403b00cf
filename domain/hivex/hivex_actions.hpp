// The hivex_* actions: one open Windows Registry hive per daemon
// (DaemonState::hive), from hivex_open to hivex_close.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// hivex_handle.cpp
Result<void> hivex_open(Ctx& ctx, const std::string& filename, const api::opt::hivex_open& opts);
Result<void> hivex_close(Ctx& ctx);
Result<void> hivex_commit(Ctx& ctx, const std::optional<std::string>& filename);

// hivex_nodes.cpp
Result<int64_t> hivex_root(Ctx& ctx);
Result<std::string> hivex_node_name(Ctx& ctx, int64_t nodeh);
Result<std::vector<api::HivexNode>> hivex_node_children(Ctx& ctx, int64_t nodeh);
Result<int64_t> hivex_node_get_child(Ctx& ctx, int64_t nodeh, const std::string& name);
Result<int64_t> hivex_node_parent(Ctx& ctx, int64_t nodeh);
Result<int64_t> hivex_node_add_child(Ctx& ctx, int64_t parent, const std::string& name);
Result<void> hivex_node_delete_child(Ctx& ctx, int64_t nodeh);

// hivex_values.cpp
Result<std::vector<api::HivexValue>> hivex_node_values(Ctx& ctx, int64_t nodeh);
Result<int64_t> hivex_node_get_value(Ctx& ctx, int64_t nodeh, const std::string& key);
Result<std::string> hivex_value_key(Ctx& ctx, int64_t valueh);
Result<int64_t> hivex_value_type(Ctx& ctx, int64_t valueh);
Result<std::string> hivex_value_value(Ctx& ctx, int64_t valueh);
Result<std::string> hivex_value_string(Ctx& ctx, int64_t valueh);
Result<std::string> hivex_value_utf8(Ctx& ctx, int64_t valueh);
Result<void> hivex_node_set_value(Ctx& ctx, int64_t nodeh, const std::string& key, int64_t t,
                                  const std::string& val);

namespace hivex {

// The open hive, or the original's complaint naming the C function that needed it.
Result<ports::Hive*> need_hive(Ctx& ctx, const char* function);

// A hivex failure as the original words it: "failed: <strerror(errno)>".
tl::unexpected<Error> failed(const Error& e);

}  // namespace hivex

}  // namespace gfsd::domain
