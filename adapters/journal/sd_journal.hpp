// ports::Journal over libsystemd's sd-journal, loaded on first use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ports/journal.hpp"

struct sd_journal;

namespace gfsd::adapters {

class SdJournal final : public ports::Journal {
 public:
  SdJournal() = default;
  ~SdJournal() override;
  SdJournal(const SdJournal&) = delete;
  SdJournal& operator=(const SdJournal&) = delete;

  bool available() override;
  Result<void> open(const std::string& host_directory) override;
  bool is_open() const override { return j_ != nullptr; }
  void close() override;
  Result<bool> next() override;
  Result<int64_t> skip_forward(uint64_t count) override;
  Result<int64_t> skip_backward(uint64_t count) override;
  Result<uint64_t> data_threshold() override;
  Result<void> set_data_threshold(uint64_t bytes) override;
  Result<uint64_t> realtime_usec() override;
  void restart_fields() override;
  Result<std::optional<std::string_view>> next_field() override;

 private:
  sd_journal* j_ = nullptr;
};

}  // namespace gfsd::adapters
