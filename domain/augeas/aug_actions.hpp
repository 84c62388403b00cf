// The aug_* actions: one Augeas tree per daemon (DaemonState::augeas), opened
// by aug_init on a directory of the guest and kept until aug_close.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// aug_handle.cpp
Result<void> aug_init(Ctx& ctx, const std::string& root, int32_t flags);
Result<void> aug_close(Ctx& ctx);
Result<void> aug_load(Ctx& ctx);
Result<void> aug_save(Ctx& ctx);
Result<void> aug_transform(Ctx& ctx, const std::string& lens, const std::string& file,
                           const api::opt::aug_transform& opts);

// aug_tree.cpp
Result<std::string> aug_get(Ctx& ctx, const std::string& augpath);
Result<void> aug_set(Ctx& ctx, const std::string& augpath, const std::string& val);
Result<void> aug_clear(Ctx& ctx, const std::string& augpath);
Result<int32_t> aug_setm(Ctx& ctx, const std::string& base, const std::optional<std::string>& sub,
                         const std::string& val);
Result<void> aug_insert(Ctx& ctx, const std::string& augpath, const std::string& label,
                        bool before);
Result<int32_t> aug_rm(Ctx& ctx, const std::string& augpath);
Result<void> aug_mv(Ctx& ctx, const std::string& src, const std::string& dest);
Result<std::string> aug_label(Ctx& ctx, const std::string& augpath);

// aug_match.cpp
Result<std::vector<std::string>> aug_match(Ctx& ctx, const std::string& augpath);
Result<std::vector<std::string>> aug_ls(Ctx& ctx, const std::string& augpath);

// aug_vars.cpp
Result<int32_t> aug_defvar(Ctx& ctx, const std::string& name,
                           const std::optional<std::string>& expr);
Result<api::IntBool> aug_defnode(Ctx& ctx, const std::string& name, const std::string& expr,
                                 const std::string& val);

namespace augeas {

// The open tree, or the original's complaint naming the C function that
// needed it (e.g. "do_aug_get: you must call 'aug-init' first ...").
Result<ports::AugeasTree*> need_tree(Ctx& ctx, const char* function);

// An Augeas failure reported as the original does: "<what>: <Augeas's
// description>", or "<what>: augeas out of memory".
tl::unexpected<Error> aug_failure(const std::string& what, const Error& e);

// How printf shows an optional string ("(null)" for none), for messages.
std::string or_null(const std::optional<std::string>& s);

}  // namespace augeas

}  // namespace gfsd::domain
