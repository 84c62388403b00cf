// A ports::File over bytes in memory for unit tests: read() gives `data` in
// pieces of at most `piece` bytes, then EOF; or fails with `read_errno`.
#pragma once

#include <algorithm>
#include <cerrno>
#include <string>

#include "ports/filesystem.hpp"

namespace gfsd::mocks {

class DataFile : public ports::File {
 public:
  explicit DataFile(std::string data, size_t piece = SIZE_MAX, int read_errno = 0)
      : data_(std::move(data)), piece_(piece), read_errno_(read_errno) {}
  Result<size_t> read(char* buf, size_t n) override {
    if (read_errno_) return fail_errno(read_errno_, "read");
    const size_t k = std::min({n, piece_, data_.size() - pos_});
    std::copy(data_.data() + pos_, data_.data() + pos_ + k, buf);
    pos_ += k;
    return k;
  }
  Result<void> write(const char*, size_t) override { return fail_errno(EBADF, "write"); }
  Result<void> seek(int64_t) override { return fail_errno(ESPIPE, "seek"); }
  Result<void> close() override { return {}; }

 private:
  std::string data_;
  size_t piece_;
  int read_errno_;
  size_t pos_ = 0;
};

}  // namespace gfsd::mocks
