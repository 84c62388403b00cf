// The systemd journal actions (group "journal"): one journal per daemon,
// opened on a guest directory and read entry by entry.
#pragma once

#include <cstdint>
#include <string>

#include "domain/ctx.hpp"
#include "ports/journal.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// journal_handle.cpp
Result<void> journal_open(Ctx& ctx, const std::string& directory);
Result<void> journal_close(Ctx& ctx);
Result<bool> journal_next(Ctx& ctx);
Result<int64_t> journal_skip(Ctx& ctx, int64_t skip);
Result<int64_t> journal_get_data_threshold(Ctx& ctx);
Result<void> journal_set_data_threshold(Ctx& ctx, int64_t threshold);
Result<int64_t> journal_get_realtime_usec(Ctx& ctx);

// journal_get.cpp
Result<void> internal_journal_get(Ctx& ctx);

namespace journal {

// The open journal, or the original's error naming its C function
// ("do_journal_next: you must call 'journal-open' first ...").
Result<ports::Journal*> need_journal(Ctx& ctx, const char* function);

}  // namespace journal

}  // namespace gfsd::domain
