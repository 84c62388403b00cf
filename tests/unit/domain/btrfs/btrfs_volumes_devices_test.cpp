// Adding, deleting, replacing devices: the --force probe, the command lines, errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

const Argv kAddHelp{"btrfs", "device", "add", "--help"};

// The start of btrfs-progs 6.2's answer.
const char kAddHelpText[] =
    "usage: btrfs device add [options] <device> [<device>...] <path>\n"
    "\n"
    "    Add one or more devices to a mounted filesystem.\n"
    "\n"
    "    -K|--nodiscard    do not perform whole device TRIM on devices that report such "
    "capability\n"
    "    -f|--force        force overwrite existing filesystem on the disk\n";

TEST(BtrfsDeviceAdd, ForcedWhenBtrfsKnowsTheOption) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kAddHelp, _)).WillOnce(Return(exited(0, kAddHelpText)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "device", "add", "--force", "/dev/sdb", "/dev/sdc", "/"},
                            GuestArgs({{6, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_device_add(ctx, {"/dev/sdb", "/dev/sdc"}, "/"));
}

TEST(BtrfsDeviceAdd, NotForcedWhenItDoesNot) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kAddHelp, _))
      .WillOnce(Return(exited(0, "usage: btrfs device add <device> [<device>...] <path>\n")));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "device", "add", "/dev/sdb", "/mnt"},
                            GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(
          exited(1, "", "ERROR: error adding device '/dev/sdb': Device or resource busy")));
  auto ctx = m.ctx();
  auto r = btrfs_device_add(ctx, {"/dev/sdb"}, "/mnt");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "/mnt: ERROR: error adding device '/dev/sdb': Device or resource busy");
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(BtrfsDeviceAdd, AFailedProbeIsTheError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kAddHelp, _)).WillOnce(Return(exited(1, "", "oops")));
  auto ctx = m.ctx();
  auto r = btrfs_device_add(ctx, {"/dev/sdb"}, "/");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "btrfs device add --help: oops");
}

TEST(BtrfsDevices, NoDevicesIsNothingToDo) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_device_add(ctx, {}, "/"));
  EXPECT_TRUE(btrfs_device_delete(ctx, {}, "/"));
}

TEST(BtrfsDeviceDelete, DevicesThenTheGuestPath) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "device", "delete", "/dev/sdb", "/dev/sdc", "/"},
                            GuestArgs({{5, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "device", "delete", "/dev/sda1", "/"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: error removing device '/dev/sda1': unable to go below "
                                     "one device")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_device_delete(ctx, {"/dev/sdb", "/dev/sdc"}, "/"));
  auto r = btrfs_device_delete(ctx, {"/dev/sda1"}, "/");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "/: ERROR: error removing device '/dev/sda1': unable to go below one device");
}

TEST(BtrfsReplace, InTheForegroundForced) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "replace", "start", "-B", "-f", "/dev/sda1", "/dev/sdb1",
                                 "/"},
                            GuestArgs({{7, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "replace", "start", "-B", "-f", "/dev/sdc", "/dev/sdb1",
                                 "/"},
                            _))
      .WillOnce(Return(exited(1, "", "ERROR: '/dev/sdc' is not a valid block device")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_replace(ctx, "/dev/sda1", "/dev/sdb1", "/"));
  auto r = btrfs_replace(ctx, "/dev/sdc", "/dev/sdb1", "/");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/: ERROR: '/dev/sdc' is not a valid block device");
}

}  // namespace
}  // namespace gfsd::domain::test
