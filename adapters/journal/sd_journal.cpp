#include "adapters/journal/sd_journal.hpp"

#include <systemd/sd-journal.h>

#include <cerrno>

#include "adapters/posix/lazy_library.hpp"

namespace gfsd::adapters {

namespace {

#define SD_JOURNAL_FUNCTIONS(X) \
  X(sd_journal_close) \
  X(sd_journal_enumerate_data) \
  X(sd_journal_get_data_threshold) \
  X(sd_journal_get_realtime_usec) \
  X(sd_journal_next) \
  X(sd_journal_next_skip) \
  X(sd_journal_open_directory) \
  X(sd_journal_previous_skip) \
  X(sd_journal_restart_data) \
  X(sd_journal_set_data_threshold)

// Loaded on first use: library().get() before the first call, then lib().
GFSD_LAZY_API(SdJournalApi, SD_JOURNAL_FUNCTIONS, "libsystemd.so.0")

// sd-journal returns -errno.
tl::unexpected<Error> journal_error(int r) { return fail_with(-r, ""); }

// No journal: the domain checks is_open() first, so this is a programming error
// turned into a reply rather than a crash.
tl::unexpected<Error> not_open() { return fail_with(EBADF, ""); }

}  // namespace

SdJournal::~SdJournal() { close(); }

bool SdJournal::available() { return library().get().has_value(); }

Result<void> SdJournal::open(const std::string& host_directory) {
  close();
  if (auto api = library().get(); !api) return fail_with(ENOSYS, api.error().message);
  sd_journal* j = nullptr;
  const int r = lib().sd_journal_open_directory(&j, host_directory.c_str(), 0);
  if (r < 0) return journal_error(r);
  j_ = j;
  return {};
}

void SdJournal::close() {
  if (j_ == nullptr) return;
  lib().sd_journal_close(j_);
  j_ = nullptr;
}

Result<bool> SdJournal::next() {
  if (j_ == nullptr) return not_open();
  const int r = lib().sd_journal_next(j_);
  if (r < 0) return journal_error(r);
  return r > 0;
}

Result<int64_t> SdJournal::skip_forward(uint64_t count) {
  if (j_ == nullptr) return not_open();
  const int r = lib().sd_journal_next_skip(j_, count);
  if (r < 0) return journal_error(r);
  return int64_t{r};
}

Result<int64_t> SdJournal::skip_backward(uint64_t count) {
  if (j_ == nullptr) return not_open();
  const int r = lib().sd_journal_previous_skip(j_, count);
  if (r < 0) return journal_error(r);
  return int64_t{r};
}

Result<uint64_t> SdJournal::data_threshold() {
  if (j_ == nullptr) return not_open();
  size_t bytes = 0;
  const int r = lib().sd_journal_get_data_threshold(j_, &bytes);
  if (r < 0) return journal_error(r);
  return uint64_t{bytes};
}

Result<void> SdJournal::set_data_threshold(uint64_t bytes) {
  if (j_ == nullptr) return not_open();
  const int r = lib().sd_journal_set_data_threshold(j_, static_cast<size_t>(bytes));
  if (r < 0) return journal_error(r);
  return {};
}

Result<uint64_t> SdJournal::realtime_usec() {
  if (j_ == nullptr) return not_open();
  uint64_t usec = 0;
  const int r = lib().sd_journal_get_realtime_usec(j_, &usec);
  if (r < 0) return journal_error(r);
  return usec;
}

void SdJournal::restart_fields() {
  if (j_ != nullptr) lib().sd_journal_restart_data(j_);
}

Result<std::optional<std::string_view>> SdJournal::next_field() {
  if (j_ == nullptr) return not_open();
  const void* data = nullptr;
  size_t length = 0;
  const int r = lib().sd_journal_enumerate_data(j_, &data, &length);
  if (r < 0) return journal_error(r);
  if (r == 0) return std::optional<std::string_view>();
  return std::optional<std::string_view>(std::string_view(static_cast<const char*>(data), length));
}

}  // namespace gfsd::adapters
