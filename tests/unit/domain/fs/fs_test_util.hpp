// Shared bits of the mount, fs and command tests.
#pragma once

#include <gmock/gmock.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "support/mock_ports.hpp"
#include "unit/domain/files/files_test_util.hpp"

namespace gfsd::domain::test {

using Argv = std::vector<std::string>;

// What a program run returned.
inline Result<ports::ProcessResult> exited(int status, std::string out = "", std::string err = "") {
  return ports::ProcessResult{status, std::move(out), std::move(err)};
}

inline api::Mountable device(const std::string& dev) {
  return api::Mountable{api::MountableType::Device, dev, ""};
}

inline api::Mountable btrfsvol(const std::string& dev, const std::string& vol) {
  return api::Mountable{api::MountableType::Btrfsvol, dev, vol};
}

MATCHER_P(Chrooted, yes, "") { return arg.chroot_sysroot == yes; }
MATCHER_P(FoldsStdout, yes, "") { return arg.fold_stdout_on_stderr == yes; }

// The argv entries passed as guest paths, for the runner to resolve inside
// the sysroot, and how their last component is treated.
using Last = ports::GuestArg::Last;
inline auto GuestArgs(std::vector<ports::GuestArg> args) {
  return testing::Field("guest_args", &ports::RunOptions::guest_args, args);
}
inline auto GuestCwd(const std::string& dir) {
  return testing::Field("guest_cwd", &ports::RunOptions::guest_cwd, dir);
}

// An upload stream giving `data` then EOF (FileIn actions).
inline void upload_of(mocks::MockPorts& m, const std::string& data) {
  auto pos = std::make_shared<size_t>(0);
  ON_CALL(m.upload, read(testing::_, testing::_))
      .WillByDefault([=](char* buf, size_t n) -> Result<size_t> {
        const size_t k = std::min(n, data.size() - *pos);
        std::copy(data.data() + *pos, data.data() + *pos + k, buf);
        *pos += k;
        return k;
      });
}

}  // namespace gfsd::domain::test
