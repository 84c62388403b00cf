// Shared bits of the archive tests: a FileOut stream that keeps what it got,
// and runners that play a program writing to it.
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <string>

#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {

// What the download stream saw: the reply, the data, the end.
struct Download {
  bool started = false;
  bool finished = false;
  std::string data;
};

// Wires m.download to record into the returned object.
inline std::shared_ptr<Download> record_download(mocks::MockPorts& m) {
  auto d = std::make_shared<Download>();
  ON_CALL(m.download, start()).WillByDefault([d] {
    d->started = true;
    return Result<void>{};
  });
  ON_CALL(m.download, write(testing::_, testing::_)).WillByDefault([d](const char* p, size_t n) {
    d->data.append(p, n);
    return Result<void>{};
  });
  ON_CALL(m.download, finish()).WillByDefault([d] {
    d->finished = true;
    return Result<void>{};
  });
  return d;
}

// A program that writes `out` to the stdout sink and exits with `status`.
inline auto writes(std::string out, int status = 0, std::string err = "") {
  return [=](const Argv&, const ports::RunOptions& opts) -> Result<ports::ProcessResult> {
    if (!opts.stdout_sink) return exited(status, out, err);
    GFSD_TRY(opts.stdout_sink(out.data(), out.size()));
    return exited(status, "", err);
  };
}

MATCHER_P(StdinFile, path, "") { return arg.stdin_file == path; }

}  // namespace gfsd::domain::test
