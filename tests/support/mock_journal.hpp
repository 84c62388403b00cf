// GoogleMock double of ports::Journal. A test sets ctx.journal = &mock.
#pragma once

#include <gmock/gmock.h>

#include "ports/journal.hpp"

namespace gfsd::mocks {

class MockJournal : public ports::Journal {
 public:
  ~MockJournal() override;
  MOCK_METHOD(bool, available, (), (override));
  MOCK_METHOD(Result<void>, open, (const std::string& host_directory), (override));
  MOCK_METHOD(bool, is_open, (), (const, override));
  MOCK_METHOD(void, close, (), (override));
  MOCK_METHOD(Result<bool>, next, (), (override));
  MOCK_METHOD(Result<int64_t>, skip_forward, (uint64_t count), (override));
  MOCK_METHOD(Result<int64_t>, skip_backward, (uint64_t count), (override));
  MOCK_METHOD(Result<uint64_t>, data_threshold, (), (override));
  MOCK_METHOD(Result<void>, set_data_threshold, (uint64_t bytes), (override));
  MOCK_METHOD(Result<uint64_t>, realtime_usec, (), (override));
  MOCK_METHOD(void, restart_fields, (), (override));
  MOCK_METHOD((Result<std::optional<std::string_view>>), next_field, (), (override));
};

}  // namespace gfsd::mocks
