// balance, defragment, resize, sync of a mounted btrfs: command lines and errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

TEST(BtrfsFilesystemBalance, OldSpellingOnTheGuestPath) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "balance", "/test1"}, GuestArgs({{2, Last::Follow}})))
      .WillOnce(Return(exited(0, "Done, had to relocate 3 out of 3 chunks\n")));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "balance", "/x"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: not a btrfs filesystem: /sysroot/x")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_filesystem_balance(ctx, "/test1"));
  auto r = btrfs_filesystem_balance(ctx, "/x");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/x: ERROR: not a btrfs filesystem: /sysroot/x");
}

TEST(BtrfsFilesystemDefragment, RecursiveWithFlushAndCompression) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "filesystem", "defragment", "-r", "-f", "-clzo", "/"},
                            GuestArgs({{6, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "filesystem", "defragment", "-r", "-czlib", "/hello"},
                            GuestArgs({{5, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "filesystem", "defragment", "-r", "/d"},
                            GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::btrfs_filesystem_defragment o;
  o.flush = true;
  o.compress = "lzo";
  EXPECT_TRUE(btrfs_filesystem_defragment(ctx, "/", o));
  o.flush = false;
  o.compress = "zlib";
  EXPECT_TRUE(btrfs_filesystem_defragment(ctx, "/hello", o));
  EXPECT_TRUE(btrfs_filesystem_defragment(ctx, "/d", {}));
}

TEST(BtrfsFilesystemDefragment, UnknownCompressionRunsNothing) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  api::opt::btrfs_filesystem_defragment o;
  o.compress = "zstd";
  auto r = btrfs_filesystem_defragment(ctx, "/", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "unknown compress method: zstd");
}

TEST(BtrfsFilesystemResize, MaxUnlessASizeIsGiven) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "filesystem", "resize", "max", "/"},
                            GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0, "Resize device id 1 (/dev/sda1) from 300.00MiB to max\n")));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "filesystem", "resize", "200000000", "/"},
                            GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(1, "", "ERROR: unable to resize '/sysroot/': Invalid argument")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_filesystem_resize(ctx, "/", {}));
  api::opt::btrfs_filesystem_resize o;
  o.size = 200000000;
  auto r = btrfs_filesystem_resize(ctx, "/", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/: ERROR: unable to resize '/sysroot/': Invalid argument");
}

TEST(BtrfsFilesystemResize, SizeMustBePositive) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  for (int64_t size : {int64_t{0}, int64_t{-5}}) {
    api::opt::btrfs_filesystem_resize o;
    o.size = size;
    auto r = btrfs_filesystem_resize(ctx, "/", o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, "size is zero or negative");
  }
}

TEST(BtrfsFilesystemSync, OnTheGuestPath) {
  MockPorts m;
  EXPECT_CALL(m.runner,
              run(Argv{"btrfs", "filesystem", "sync", "/test1"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "filesystem", "sync", "/no/dir"}, _))
      .WillOnce(
          Return(fail_with(ENOENT, "btrfs: cannot access '/no/dir': No such file or directory")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_filesystem_sync(ctx, "/test1"));
  auto r = btrfs_filesystem_sync(ctx, "/no/dir");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "/no/dir: btrfs: cannot access '/no/dir': No such file or directory");
}

}  // namespace
}  // namespace gfsd::domain::test
