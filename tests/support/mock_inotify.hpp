// GoogleMock double of ports::Inotify, with its open/closed state kept like
// the adapter's: open() opens, close() closes, is_open() tells.
// In a test: `MockPorts m; MockInotify ino; auto ctx = m.ctx(); ctx.inotify = &ino;`.
#pragma once

#include <gmock/gmock.h>

#include <string>
#include <vector>

#include "ports/inotify.hpp"
#include "support/mock_ports.hpp"

namespace gfsd::mocks {

class MockInotify : public ports::Inotify {
 public:
  MockInotify();
  ~MockInotify() override;
  MOCK_METHOD(bool, available, (), (override));
  MOCK_METHOD(bool, is_open, (), (override));
  MOCK_METHOD(Result<void>, set_max_queued_events, (int32_t n), (override));
  MOCK_METHOD(Result<void>, open, (), (override));
  MOCK_METHOD(Result<void>, close, (), (override));
  MOCK_METHOD(Result<int64_t>, add_watch, (const std::string& host_path, uint32_t mask),
              (override));
  MOCK_METHOD(Result<void>, rm_watch, (int32_t wd), (override));
  MOCK_METHOD(Result<std::vector<ports::InotifyEvent>>, read_queued, (), (override));

  // As if inotify_init had run.
  void set_open(bool open) { open_ = open; }

 private:
  bool open_ = false;
};

}  // namespace gfsd::mocks
