// Opening, closing and committing the daemon's hive.
#include <cerrno>

#include "domain/core/host_path.hpp"
#include "domain/core/arg_checks.hpp"
#include "domain/hivex/hivex_actions.hpp"

namespace gfsd::domain {

namespace hivex {

Result<ports::Hive*> need_hive(Ctx& ctx, const char* function) {
  if (!ctx.state.hive)
    return fail(std::string(function) +
                ": you must call 'hivex-open' first to initialize the hivex handle");
  return ctx.state.hive.get();
}

tl::unexpected<Error> failed(const Error& e) { return fail_errno(e.errnum, "failed"); }

}  // namespace hivex

Result<void> hivex_open(Ctx& ctx, const std::string& filename, const api::opt::hivex_open& opts) {
  // Opening always drops the previous hive, even if this open fails.
  ctx.state.hive.reset();
  int32_t flags = 0;
  if (opts.verbose.value_or(false)) flags |= ports::kHiveOpenVerbose;
  if (opts.debug.value_or(false)) flags |= ports::kHiveOpenDebug;
  if (opts.write.value_or(false)) flags |= ports::kHiveOpenWrite;
  if (opts.unsafe.value_or(false)) flags |= ports::kHiveOpenUnsafe;
  if (ctx.hivex == nullptr) return fail_errno(ENOSYS, "hivex failed to open " + filename);
  auto where = resolved_host_path(ctx, filename);
  if (!where) return fail_errno(where.error().errnum, "hivex failed to open " + filename);
  auto hive = ctx.hivex->open(*where, flags);
  if (!hive) return fail_errno(hive.error().errnum, "hivex failed to open " + filename);
  ctx.state.hive = std::move(*hive);
  return {};
}

Result<void> hivex_close(Ctx& ctx) {
  auto hive = hivex::need_hive(ctx, "do_hivex_close");
  if (!hive) return forward(hive.error());
  ctx.state.hive.reset();
  return {};
}

// Without a file name the hive is written back where it was opened from.
Result<void> hivex_commit(Ctx& ctx, const std::optional<std::string>& filename) {
  auto hive = hivex::need_hive(ctx, "do_hivex_commit");
  if (!hive) return forward(hive.error());
  if (!filename) {
    auto r = (*hive)->commit("");
    if (!r) return fail_errno(r.error().errnum, "commit failed");
    return {};
  }
  // The argument is an OptString, so the Pathname checks are made here.
  GFSD_TRY(check_pathname(ctx, "do_hivex_commit", *filename));
  GFSD_TRY(check_root_mounted(ctx, "do_hivex_commit"));
  auto where = resolved_host_path(ctx, *filename);
  if (!where) return fail_errno(where.error().errnum, *filename + ": commit failed");
  auto r = (*hive)->commit(*where);
  if (!r) return fail_errno(r.error().errnum, *filename + ": commit failed");
  return {};
}

}  // namespace gfsd::domain
