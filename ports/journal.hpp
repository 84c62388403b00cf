// A systemd journal (libsystemd's sd-journal): one open journal per daemon,
// read entry by entry. The adapter holds the open journal; the domain asks
// is_open() before anything that needs it and words every error itself, so
// the errors here carry the library's errno only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ports/result.hpp"

namespace gfsd::ports {

class Journal {
 public:
  virtual ~Journal() = default;
  // Whether the backing library can be loaded (or the kernel facility exists): the
  // feature group is reported unavailable otherwise (domain/internal/features.cpp).
  virtual bool available() = 0;

  // Opens the journal files of a host directory (sd_journal_open_directory,
  // no flags). Needs nothing open; on failure nothing is.
  virtual Result<void> open(const std::string& host_directory) = 0;
  virtual bool is_open() const = 0;
  // Closes the open journal, if any.
  virtual void close() = 0;

  // The calls below need an open journal.
  // Moves to the next entry: false at the end.
  virtual Result<bool> next() = 0;
  // Moves count entries on (or back); how many it moved.
  virtual Result<int64_t> skip_forward(uint64_t count) = 0;
  virtual Result<int64_t> skip_backward(uint64_t count) = 0;
  // Largest size of a field's data returned (0: no limit).
  virtual Result<uint64_t> data_threshold() = 0;
  virtual Result<void> set_data_threshold(uint64_t bytes) = 0;
  // When the current entry was written, in microseconds since the epoch.
  virtual Result<uint64_t> realtime_usec() = 0;
  // The fields of the current entry, "NAME=data" each, from the first.
  virtual void restart_fields() = 0;
  // The next field, or nullopt after the last. The bytes belong to the
  // library and stay valid only until the next call.
  virtual Result<std::optional<std::string_view>> next_field() = 0;
};

}  // namespace gfsd::ports
