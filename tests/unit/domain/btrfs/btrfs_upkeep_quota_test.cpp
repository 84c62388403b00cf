// Quotas on a Mountable: a path is used where it is, a device or btrfsvol is
// mounted on a private directory for the command, then unmounted and removed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/btrfs/btrfs_upkeep.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

const Argv kMktemp{"mktemp", "-d", "/tmp/btrfs.XXXXXX"};
const std::string kDir = "/tmp/btrfs.Ab12Cd";

api::Mountable path(const std::string& p) { return {api::MountableType::Path, p, ""}; }

TEST(BtrfsQuota, APathIsAGuestArgument) {
  MockPorts m;
  EXPECT_CALL(m.runner,
              run(Argv{"btrfs", "quota", "enable", "/data"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner,
              run(Argv{"btrfs", "quota", "disable", "/data"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner,
              run(Argv{"btrfs", "quota", "rescan", "/data"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0, "quota rescan started\n")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_quota_enable(ctx, path("/data"), true));
  EXPECT_TRUE(btrfs_quota_enable(ctx, path("/data"), false));
  EXPECT_TRUE(btrfs_quota_rescan(ctx, path("/data")));
}

// The original named sysroot + path in this message.
TEST(BtrfsQuota, APathErrorNamesTheHostPath) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "quota", "rescan", "/data"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: quota rescan failed: Invalid argument")));
  auto ctx = m.ctx();
  auto r = btrfs_quota_rescan(ctx, path("/data"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/sysroot/data: ERROR: quota rescan failed: Invalid argument");
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(BtrfsQuota, ADeviceIsMountedForTheCommand) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kMktemp, _)).WillOnce(Return(exited(0, kDir + "\n")));
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "", "/dev/sda1", kDir}, GuestArgs({})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "quota", "enable", kDir}, GuestArgs({})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"umount", kDir}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"rmdir", kDir}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  auto r = btrfs_quota_enable(ctx, device("/dev/sda1"), true);
  EXPECT_TRUE(r) << r.error().message;
}

TEST(BtrfsQuota, ABtrfsvolIsMountedWithItsSubvolume) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kMktemp, _)).WillOnce(Return(exited(0, kDir + "\n")));
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "subvol=home", "/dev/sda1", kDir}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "quota", "rescan", kDir}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"umount", kDir}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"rmdir", kDir}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  auto r = btrfs_quota_rescan(ctx, btrfsvol("/dev/sda1", "home"));
  EXPECT_TRUE(r) << r.error().message;
}

TEST(BtrfsQuota, AFailedMount) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kMktemp, _)).WillOnce(Return(exited(0, kDir + "\n")));
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "subvol=x", "/dev/sda1", kDir}, _))
      .WillOnce(Return(exited(32, "", "mount: /tmp/btrfs.Ab12Cd: wrong fs type.")));
  EXPECT_CALL(m.runner, run(Argv{"rmdir", kDir}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  auto r = btrfs_quota_enable(ctx, btrfsvol("/dev/sda1", "x"), true);
  ASSERT_FALSE(r);
  // The caller's options, none, not the subvolume.
  EXPECT_EQ(r.error().message,
            "/dev/sda1 on <internal> (options: ''): mount: /tmp/btrfs.Ab12Cd: wrong fs type.");
}

TEST(BtrfsQuota, ACommandFailureStillUnmounts) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kMktemp, _)).WillOnce(Return(exited(0, kDir + "\n")));
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "", "/dev/sda1", kDir}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "quota", "rescan", kDir}, _))
      .WillOnce(Return(exited(1, "", "ERROR: quota rescan failed: Invalid argument")));
  // Its failure does not hide the command's.
  EXPECT_CALL(m.runner, run(Argv{"umount", kDir}, _)).WillOnce(Return(exited(32, "", "busy")));
  auto ctx = m.ctx();
  auto r = btrfs_quota_rescan(ctx, device("/dev/sda1"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, kDir + ": ERROR: quota rescan failed: Invalid argument");
}

TEST(BtrfsQuota, AFailedUnmount) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kMktemp, _)).WillOnce(Return(exited(0, kDir + "\n")));
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "", "/dev/sda1", kDir}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "quota", "disable", kDir}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"umount", kDir}, _))
      .WillOnce(Return(exited(32, "", "umount: /tmp/btrfs.Ab12Cd: target is busy.")));
  auto ctx = m.ctx();
  auto r = btrfs_quota_enable(ctx, device("/dev/sda1"), false);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "umount: umount: /tmp/btrfs.Ab12Cd: target is busy.");
}

TEST(BtrfsQuota, NoTemporaryDirectory) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kMktemp, _))
      .WillOnce(Return(exited(1, "", "mktemp: failed to create directory via template")));
  auto ctx = m.ctx();
  auto r = btrfs_quota_enable(ctx, device("/dev/sda1"), true);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "mktemp: failed to create directory via template");
}

}  // namespace
}  // namespace gfsd::domain::test
