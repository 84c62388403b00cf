// Opening, closing and moving through the journal, and its settings.
#include <cerrno>

#include "domain/core/host_path.hpp"
#include "domain/journal/journal_actions.hpp"

namespace gfsd::domain {

namespace journal {

Result<ports::Journal*> need_journal(Ctx& ctx, const char* function) {
  if (ctx.journal == nullptr || !ctx.journal->is_open())
    return fail(std::string(function) +
                ": you must call 'journal-open' first to initialize the journal handle");
  return ctx.journal;
}

}  // namespace journal

Result<void> journal_open(Ctx& ctx, const std::string& directory) {
  const std::string what = "sd_journal_open_directory: " + directory;
  if (ctx.journal == nullptr) return fail_errno(ENOSYS, what);
  // Opening always drops the journal open before, even if this open fails.
  ctx.journal->close();
  auto where = resolved_host_path(ctx, directory);
  if (!where) return fail_errno(where.error().errnum, what);
  auto r = ctx.journal->open(*where);
  if (!r) return fail_errno(r.error().errnum, what);
  return {};
}

Result<void> journal_close(Ctx& ctx) {
  auto j = journal::need_journal(ctx, "do_journal_close");
  if (!j) return forward(j.error());
  (*j)->close();
  return {};
}

Result<bool> journal_next(Ctx& ctx) {
  auto j = journal::need_journal(ctx, "do_journal_next");
  if (!j) return forward(j.error());
  auto r = (*j)->next();
  if (!r) return fail_errno(r.error().errnum, "sd_journal_next");
  return *r;
}

Result<int64_t> journal_skip(Ctx& ctx, int64_t skip) {
  auto j = journal::need_journal(ctx, "do_journal_skip");
  if (!j) return forward(j.error());
  if (skip == 0) return 0;
  // The magnitude in unsigned arithmetic: -INT64_MIN does not fit an int64_t.
  const uint64_t count = skip > 0 ? static_cast<uint64_t>(skip) : 0 - static_cast<uint64_t>(skip);
  auto r = skip > 0 ? (*j)->skip_forward(count) : (*j)->skip_backward(count);
  if (!r)
    return fail_errno(r.error().errnum,
                      "failed to skip " + std::to_string(skip) + " journal entries");
  return *r;
}

// A threshold set above INT64_MAX (a negative one, taken as a size_t) reads
// back as a negative number, as the original's cast made it.
Result<int64_t> journal_get_data_threshold(Ctx& ctx) {
  auto j = journal::need_journal(ctx, "do_journal_get_data_threshold");
  if (!j) return forward(j.error());
  auto r = (*j)->data_threshold();
  if (!r) return fail_errno(r.error().errnum, "sd_journal_get_data_threshold");
  return static_cast<int64_t>(*r);
}

Result<void> journal_set_data_threshold(Ctx& ctx, int64_t threshold) {
  auto j = journal::need_journal(ctx, "do_journal_set_data_threshold");
  if (!j) return forward(j.error());
  auto r = (*j)->set_data_threshold(static_cast<uint64_t>(threshold));
  if (!r) return fail_errno(r.error().errnum, "sd_journal_set_data_threshold");
  return {};
}

Result<int64_t> journal_get_realtime_usec(Ctx& ctx) {
  auto j = journal::need_journal(ctx, "do_journal_get_realtime_usec");
  if (!j) return forward(j.error());
  auto r = (*j)->realtime_usec();
  if (!r) return fail_errno(r.error().errnum, "sd_journal_get_realtime_usec");
  return static_cast<int64_t>(*r);
}

}  // namespace gfsd::domain
