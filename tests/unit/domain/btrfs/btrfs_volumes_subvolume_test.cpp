// Creating, snapshotting, deleting subvolumes and setting the default one:
// the btrfs command lines, the guest paths in them, the original's errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

// btrfs makes the subvolume by its name in the parent directory: a symlink
// there is not followed (btrfs refuses the name, it exists).
TEST(BtrfsSubvolumeCreate, GuestPathNamedAsItIs) {
  MockPorts m;
  EXPECT_CALL(m.runner,
              run(Argv{"btrfs", "subvolume", "create", "/test1"}, GuestArgs({{3, Last::AsIs}})))
      .WillOnce(Return(exited(0, "Create subvolume '/sysroot/test1'\n")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_subvolume_create(ctx, "/test1", {}));
}

TEST(BtrfsSubvolumeCreate, InAQgroup) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "create", "-i", "0/1000", "/d/s"},
                            GuestArgs({{5, Last::AsIs}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::btrfs_subvolume_create o;
  o.qgroupid = "0/1000";
  EXPECT_TRUE(btrfs_subvolume_create(ctx, "/d/s", o));
}

TEST(BtrfsSubvolumeCreate, ExistingTarget) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "create", "/sub1"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: target path already exists: /sysroot/sub1")));
  auto ctx = m.ctx();
  auto r = btrfs_subvolume_create(ctx, "/sub1", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/sub1: ERROR: target path already exists: /sysroot/sub1");
  EXPECT_EQ(r.error().errnum, 0);
}

// btrfs resolves the path it deletes (realpath): followed inside the sysroot.
TEST(BtrfsSubvolumeDelete, GuestPathFollowed) {
  MockPorts m;
  EXPECT_CALL(m.runner,
              run(Argv{"btrfs", "subvolume", "delete", "/test1"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0, "Delete subvolume (no-commit): '/sysroot/test1'\n")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_subvolume_delete(ctx, "/test1"));
}

TEST(BtrfsSubvolumeDelete, MissingSubvolumeAndPlainDirectory) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "delete", "/nope"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: Could not statfs: No such file or directory")));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "delete", "/dir1"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: Not a Btrfs subvolume: Invalid argument")));
  auto ctx = m.ctx();
  auto missing = btrfs_subvolume_delete(ctx, "/nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "/nope: ERROR: Could not statfs: No such file or directory");
  auto dir = btrfs_subvolume_delete(ctx, "/dir1");
  ASSERT_FALSE(dir);
  EXPECT_EQ(dir.error().message, "/dir1: ERROR: Not a Btrfs subvolume: Invalid argument");
}

// The destination too is followed inside the sysroot: btrfs snapshots into
// it when it leads to a directory, and must not look through a link on the host.
TEST(BtrfsSubvolumeSnapshot, BothGuestPathsFollowed) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "snapshot", "/dir/test3", "/dir/test5"},
                            GuestArgs({{3, Last::Follow}, {4, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_subvolume_snapshot(ctx, "/dir/test3", "/dir/test5", {}));
}

TEST(BtrfsSubvolumeSnapshot, ReadOnlyAndQgroup) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "snapshot", "-r", "-i", "0/1000", "/a",
                                 "/b"},
                            GuestArgs({{6, Last::Follow}, {7, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::btrfs_subvolume_snapshot o;
  o.ro = true;
  o.qgroupid = "0/1000";
  EXPECT_TRUE(btrfs_subvolume_snapshot(ctx, "/a", "/b", o));
}

TEST(BtrfsSubvolumeSnapshot, RoFalseAddsNothing) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "snapshot", "/a", "/b"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::btrfs_subvolume_snapshot o;
  o.ro = false;
  EXPECT_TRUE(btrfs_subvolume_snapshot(ctx, "/a", "/b", o));
}

TEST(BtrfsSubvolumeSnapshot, ErrorNamesSourceAndDest) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "snapshot", "/dir1", "/x"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: Not a Btrfs subvolume: Invalid argument")));
  auto ctx = m.ctx();
  auto r = btrfs_subvolume_snapshot(ctx, "/dir1", "/x", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dir1: /x: ERROR: Not a Btrfs subvolume: Invalid argument");
}

TEST(BtrfsSubvolumeSetDefault, IdThenGuestPath) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "set-default", "256", "/"},
                            GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "set-default", "999", "/"}, _))
      .WillOnce(Return(
          exited(1, "", "ERROR: Could not set default subvolume: No such file or directory")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_subvolume_set_default(ctx, 256, "/"));
  auto r = btrfs_subvolume_set_default(ctx, 999, "/");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "/: ERROR: Could not set default subvolume: No such file or directory");
}

}  // namespace
}  // namespace gfsd::domain::test
