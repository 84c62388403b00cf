// Shared bits of the block I/O tests: an in-memory file behind a MockFile.
#pragma once

#include <gmock/gmock.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "domain/blockio/blockio_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {

using FileResult = Result<std::unique_ptr<ports::File>>;

// What a MemFile holds and what was done to it. Each write and seek is logged
// ("write 8192@0", "seek 16384"), so tests can see where holes were left.
struct MemState {
  std::string data;
  int64_t pos = 0;
  bool closed = false;
  std::vector<std::string> ops;
  std::vector<size_t> read_sizes;  // how much each read asked for
};

// A file or device in memory. The test keeps `state` (shared) while the
// domain owns the file; expectations can still be set on `mock`.
struct MemFile {
  std::shared_ptr<MemState> state = std::make_shared<MemState>();
  std::unique_ptr<testing::NiceMock<mocks::MockFile>> owned =
      std::make_unique<testing::NiceMock<mocks::MockFile>>();
  mocks::MockFile* mock = owned.get();

  explicit MemFile(std::string content = "") {
    state->data = std::move(content);
    auto st = state;
    ON_CALL(*mock, read(testing::_, testing::_)).WillByDefault([st](char* b, size_t n) {
      st->read_sizes.push_back(n);
      const auto size = static_cast<int64_t>(st->data.size());
      const size_t k = st->pos >= size ? 0 : std::min(n, static_cast<size_t>(size - st->pos));
      std::memcpy(b, st->data.data() + st->pos, k);
      st->pos += static_cast<int64_t>(k);
      return Result<size_t>(k);
    });
    ON_CALL(*mock, write(testing::_, testing::_)).WillByDefault([st](const char* b, size_t n) {
      st->ops.push_back("write " + std::to_string(n) + "@" + std::to_string(st->pos));
      const auto end = static_cast<size_t>(st->pos) + n;
      if (st->data.size() < end) st->data.resize(end, '\0');
      std::memcpy(st->data.data() + st->pos, b, n);
      st->pos += static_cast<int64_t>(n);
      return Result<void>{};
    });
    ON_CALL(*mock, seek(testing::_)).WillByDefault([st](int64_t off) {
      st->ops.push_back("seek " + std::to_string(off));
      st->pos = off;
      return Result<void>{};
    });
    ON_CALL(*mock, close()).WillByDefault([st] {
      st->closed = true;
      return Result<void>{};
    });
  }
  FileResult take() { return FileResult(std::unique_ptr<ports::File>(std::move(owned))); }
};

inline FileResult open_error(int errnum, const std::string& path) {
  return FileResult(fail_errno(errnum, path));
}

}  // namespace gfsd::domain::test
