// fstrim: the program's argv, its optional arguments and its errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "blockio_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

api::opt::fstrim fstrim_opts(std::optional<int64_t> offset = {}, std::optional<int64_t> length = {},
                             std::optional<int64_t> mfe = {}) {
  api::opt::fstrim o;
  o.offset = offset;
  o.length = length;
  o.minimumfreeextent = mfe;
  return o;
}

TEST(Fstrim, SyncsThenTrimsTheMountpoint) {
  MockPorts m;
  {
    InSequence s;
    EXPECT_CALL(m.fs, sync()).WillOnce(Return(Result<void>{}));
    EXPECT_CALL(m.devices, flush_all_disks());
    EXPECT_CALL(m.runner, run(Argv{"fstrim", "/"}, GuestArgs({{1, Last::Follow}})))
        .WillOnce(Return(exited(0)));
  }
  auto ctx = m.ctx();
  EXPECT_TRUE(fstrim(ctx, "/", fstrim_opts()));
}

TEST(Fstrim, OptionalArgumentsInTheOriginalsOrder) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"fstrim", "-o", "0", "-l", "1048576", "-m", "4096", "/data"},
                            GuestArgs({{7, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(fstrim(ctx, "/data", fstrim_opts(0, 1048576, 4096)));
}

TEST(Fstrim, VerboseAddsV) {
  MockPorts m;
  m.config.verbose = true;
  EXPECT_CALL(m.runner, run(Argv{"fstrim", "-l", "5", "-v", "/"}, GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0, "/sysroot/: 0 B (0 bytes) trimmed\n")));
  auto ctx = m.ctx();
  EXPECT_TRUE(fstrim(ctx, "/", fstrim_opts({}, 5)));
}

TEST(Fstrim, BadOptionalArguments) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(fstrim(ctx, "/", fstrim_opts(-1)), IsError(0, "offset < 0"));
  EXPECT_THAT(fstrim(ctx, "/", fstrim_opts({}, 0)), IsError(0, "length <= 0"));
  EXPECT_THAT(fstrim(ctx, "/", fstrim_opts({}, {}, 0)), IsError(0, "minimumfreeextent <= 0"));
}

TEST(Fstrim, UnsupportedDiscardIsEnotsup) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"fstrim", "/"}, _))
      .WillOnce(Return(exited(1, "", "fstrim: /sysroot/: the discard operation is not supported")))
      .WillOnce(Return(exited(1, "", "fstrim: /sysroot/: FITRIM ioctl failed: Read-only file system")));
  auto ctx = m.ctx();
  EXPECT_THAT(fstrim(ctx, "/", fstrim_opts()),
              IsError(ENOTSUP, "fstrim: /sysroot/: the discard operation is not supported"));
  EXPECT_THAT(fstrim(ctx, "/", fstrim_opts()),
              IsError(0, "fstrim: /sysroot/: FITRIM ioctl failed: Read-only file system"));
}

}  // namespace
}  // namespace gfsd::domain::test
