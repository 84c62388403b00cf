// Doubles for the FileIn tests: a file that collects what is written to it,
// and an upload stream fed from a list of chunks.
#pragma once

#include <gmock/gmock.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "support/mock_ports.hpp"

namespace gfsd::domain::test {

using FileResult = Result<std::unique_ptr<ports::File>>;
using NiceFile = testing::NiceMock<mocks::MockFile>;

// A MockFile that collects what is written to it; the test keeps a raw pointer
// for expectations while the domain owns the file.
struct SinkFile {
  std::string written;
  std::unique_ptr<NiceFile> owned = std::make_unique<NiceFile>();
  mocks::MockFile* file = owned.get();

  SinkFile() {
    ON_CALL(*file, write(testing::_, testing::_))
        .WillByDefault(testing::Invoke([this](const char* b, size_t n) {
          written.append(b, n);
          return Result<void>{};
        }));
    ON_CALL(*file, close()).WillByDefault(testing::Return(Result<void>{}));
  }
  FileResult take() { return FileResult(std::unique_ptr<ports::File>(std::move(owned))); }
};

// Feeds the upload stream from a list of chunks, then end of file.
inline void feed_upload(mocks::MockPorts& m, std::vector<std::string> chunks) {
  auto queue = std::make_shared<std::vector<std::string>>(std::move(chunks));
  auto index = std::make_shared<size_t>(0);
  ON_CALL(m.upload, read(testing::_, testing::_))
      .WillByDefault(testing::Invoke([queue, index](char* b, size_t n) {
        if (*index == queue->size()) return Result<size_t>(size_t{0});
        const std::string& c = (*queue)[(*index)++];
        EXPECT_LE(c.size(), n);
        std::memcpy(b, c.data(), c.size());
        return Result<size_t>(c.size());
      }));
}

}  // namespace gfsd::domain::test
