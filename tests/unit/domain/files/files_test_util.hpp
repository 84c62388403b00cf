// Shared bits of the file-action tests.
#pragma once

#include <gmock/gmock.h>

#include <string>

#include "support/mock_ports.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain::test {

inline ports::FileStat stat_of(int64_t mode, int64_t size = 0) {
  ports::FileStat s;
  s.mode = mode;
  s.size = size;
  return s;
}

inline constexpr int64_t kRegular = 0100644;
inline constexpr int64_t kDirectory = 0040755;
inline constexpr int64_t kSymlink = 0120777;

// Checks an error's errno and its exact message text.
MATCHER_P2(IsError, errnum, message, "") {
  if (arg) {
    *result_listener << "succeeded";
    return false;
  }
  *result_listener << "error (" << arg.error().errnum << ") \"" << arg.error().message << "\"";
  return arg.error().errnum == errnum && arg.error().message == message;
}

// Checks a success and its value.
MATCHER_P(HasValue, value, "") {
  if (!arg) {
    *result_listener << "failed: \"" << arg.error().message << "\"";
    return false;
  }
  return *arg == value;
}

}  // namespace gfsd::domain::test
