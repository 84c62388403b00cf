// mknod and its typed variants.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

Result<void> ok() { return {}; }

TEST(Mknod, PassesModeAndDeviceNumbers) {
  MockPorts m;
  EXPECT_CALL(m.fs, mknod("/n", 0020644u, 1u, 3u)).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(mknod(ctx, 0020644, 1, 3, "/n"));
}

TEST(Mknod, NegativeNumbersReachTheCLibraryUnsigned) {
  MockPorts m;
  EXPECT_CALL(m.fs, mknod("/n", 0060600u, 0xffffffffu, 0u))
      .WillOnce(Return(fail_errno(EINVAL, "/n")));
  auto ctx = m.ctx();
  EXPECT_THAT(mknod(ctx, 0060600, -1, 0, "/n"), IsError(EINVAL, "/n: Invalid argument"));
}

TEST(Mknod, NegativeModeAndPortErrors) {
  MockPorts m;
  EXPECT_CALL(m.fs, mknod("/x", _, _, _)).WillOnce(Return(fail_errno(EEXIST, "/x")));
  auto ctx = m.ctx();
  EXPECT_THAT(mknod(ctx, -1, 0, 0, "/p"), IsError(0, "/p: mode is negative"));
  EXPECT_THAT(mknod(ctx, 0010644, 0, 0, "/x"), IsError(EEXIST, "/x: File exists"));
}

TEST(Mkfifo, AddsTheFifoType) {
  MockPorts m;
  EXPECT_CALL(m.fs, mknod("/fifo", 0010640u, 0u, 0u)).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(mkfifo(ctx, 0640, "/fifo"));
}

TEST(MknodB, AddsTheBlockType) {
  MockPorts m;
  EXPECT_CALL(m.fs, mknod("/b", 0060600u, 8u, 1u)).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(mknod_b(ctx, 0600, 8, 1, "/b"));
}

TEST(MknodC, AddsTheCharType) {
  MockPorts m;
  EXPECT_CALL(m.fs, mknod("/c", 0027777u, 1u, 5u)).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(mknod_c(ctx, 07777, 1, 5, "/c"));
}

TEST(MknodTyped, OnlyPermissionBitsAreAccepted) {
  MockPorts m;
  EXPECT_CALL(m.fs, mknod(_, _, _, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(mkfifo(ctx, 010644, "/f"),
              IsError(0, "10644: mode must specify only file permission bits"));
  EXPECT_THAT(mknod_b(ctx, -1, 0, 0, "/b"),
              IsError(0, "37777777777: mode must specify only file permission bits"));
  EXPECT_THAT(mknod_c(ctx, 010000, 0, 0, "/c"),
              IsError(0, "10000: mode must specify only file permission bits"));
}

}  // namespace
}  // namespace gfsd::domain::test
