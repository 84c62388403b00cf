// drop_caches, sleep, and the retired 9p actions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>

#include "domain/system/misc_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

TEST(DropCaches, SyncsAndFlushesTheDisksBeforeWriting) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.fs, sync()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.devices, flush_all_disks());
  EXPECT_CALL(m.devices, write_file("/proc/sys/vm/drop_caches", "3"))
      .WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_TRUE(drop_caches(ctx, 3));
}

TEST(DropCaches, TheKernelsRefusalNamesTheProcFileAlone) {
  MockPorts m;
  EXPECT_CALL(m.devices, write_file("/proc/sys/vm/drop_caches", "-1"))
      .WillOnce(Return(fail_errno(EINVAL, "write: /proc/sys/vm/drop_caches")));
  EXPECT_CALL(m.devices, write_file("/proc/sys/vm/drop_caches", "0"))
      .WillOnce(Return(fail_errno(EACCES, "/proc/sys/vm/drop_caches")));
  auto ctx = m.ctx();
  EXPECT_THAT(drop_caches(ctx, -1),
              IsError(EINVAL, "/proc/sys/vm/drop_caches: Invalid argument"));
  EXPECT_THAT(drop_caches(ctx, 0),
              IsError(EACCES, "/proc/sys/vm/drop_caches: Permission denied"));
}

TEST(Sleep, NegativeWrapsLikeSleep3sUnsignedArgument) {
  EXPECT_EQ(sleep_seconds(0), 0u);
  EXPECT_EQ(sleep_seconds(7), 7u);
  EXPECT_EQ(sleep_seconds(-1), 4294967295u);
}

TEST(Sleep, SleepsTheSeconds) {
  MockPorts m;
  auto ctx = m.ctx();
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(domain::sleep(ctx, 0));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(500));
  EXPECT_TRUE(domain::sleep(ctx, 1));
  EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::seconds(1));
}

TEST(NineP, BothActionsFailAsTheOriginalWithErrnoZero) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(list_9p(ctx), IsError(0, "9p support was removed in libguestfs 1.48: Success"));
  api::opt::mount_9p o;
  o.options = "ro";
  EXPECT_THAT(mount_9p(ctx, "tag", "/mnt", o),
              IsError(0, "9p support was removed in libguestfs 1.48: Success"));
}

}  // namespace
}  // namespace gfsd::domain::test
