// btrfs_filesystem_show: the parsing of real `btrfs filesystem show` output
// (btrfs-progs 6.2, Debian 12's) and the original's errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::ElementsAre;
using testing::IsEmpty;
using testing::Return;

const char kTwoDevices[] =
    "Label: 'test'  uuid: 55ab5723-510e-4566-b8f4-41c0f453bf71\n"
    "\tTotal devices 2 FS bytes used 144.00KiB\n"
    "\tdevid    1 size 300.00MiB used 48.00MiB path /dev/loop0\n"
    "\tdevid    2 size 300.00MiB used 40.00MiB path /dev/loop1\n"
    "\n";

const char kOneDevice[] =
    "Label: none  uuid: 8c08bf57-8a12-4747-875a-416f0abbe7e4\n"
    "\tTotal devices 1 FS bytes used 144.00KiB\n"
    "\tdevid    1 size 300.00MiB used 88.00MiB path /dev/loop2\n"
    "\n";

// The same two-device filesystem with its second loop device detached.
const char kOneMissing[] =
    "warning, device 2 is missing\n"
    "Label: 'test'  uuid: 55ab5723-510e-4566-b8f4-41c0f453bf71\n"
    "\tTotal devices 2 FS bytes used 240.00KiB\n"
    "\tdevid    1 size 300.00MiB used 96.00MiB path /dev/loop0\n"
    "\t*** Some devices missing\n"
    "\n";

TEST(BtrfsFilesystemShowParse, EveryDevicePath) {
  auto r = parse_btrfs_filesystem_show(kTwoDevices, "/dev/loop0");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(*r, ElementsAre("/dev/loop0", "/dev/loop1"));
  auto one = parse_btrfs_filesystem_show(kOneDevice, "/dev/loop2");
  ASSERT_TRUE(one) << one.error().message;
  EXPECT_THAT(*one, ElementsAre("/dev/loop2"));
}

TEST(BtrfsFilesystemShowParse, MissingDevicesAreENODEV) {
  auto r = parse_btrfs_filesystem_show(kOneMissing, "/dev/loop0");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dev/loop0: missing devices");
  EXPECT_EQ(r.error().errnum, ENODEV);
}

TEST(BtrfsFilesystemShowParse, FewerThanThreeLinesAreTruncated) {
  auto r = parse_btrfs_filesystem_show("Label: none  uuid: x\n\tTotal devices 1\n", "/dev/sda");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "truncated output from 'btrfs filesystem show' command");
}

TEST(BtrfsFilesystemShowParse, VersionLinesAndDevidsWithoutPathAreSkipped) {
  auto r = parse_btrfs_filesystem_show(
      "Label: none  uuid: x\n"
      "\tTotal devices 2 FS bytes used 28.00KiB\n"
      "\tdevid    1 size 1.00GiB used 0.00B\n"
      "\tdevid    2 size 1.00GiB used 0.00B path /dev/sdb trailing words\n"
      "\n"
      "Btrfs v3.12\n"
      "btrfs-progs v4.1\n",
      "/dev/sdb");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(*r, ElementsAre("/dev/sdb"));
}

TEST(BtrfsFilesystemShowParse, AnUnknownLineIsAnError) {
  auto r = parse_btrfs_filesystem_show(
      "Label: none  uuid: x\n"
      "\tTotal devices 1 FS bytes used 28.00KiB\n"
      "  devid 1 path /dev/sda\n",
      "/dev/sda");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "unrecognized line in output from 'btrfs filesystem show':   devid 1 path /dev/sda");
}

TEST(BtrfsFilesystemShowParse, TheFirstLineIsNeverLookedAt) {
  auto r = parse_btrfs_filesystem_show("anything at all\n\n\n", "/dev/sda");
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, IsEmpty());
}

TEST(BtrfsFilesystemShow, RunsOnTheDevice) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "filesystem", "show", "/dev/sda1"}, GuestArgs({})))
      .WillOnce(Return(exited(0, kTwoDevices)));
  auto ctx = m.ctx();
  auto r = btrfs_filesystem_show(ctx, "/dev/sda1");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(*r, ElementsAre("/dev/loop0", "/dev/loop1"));
}

TEST(BtrfsFilesystemShow, ADeviceWithoutBtrfs) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "filesystem", "show", "/dev/sdb"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: no btrfs on /dev/sdb")));
  auto ctx = m.ctx();
  auto r = btrfs_filesystem_show(ctx, "/dev/sdb");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dev/sdb: ERROR: no btrfs on /dev/sdb");
  EXPECT_EQ(r.error().errnum, 0);
}

}  // namespace
}  // namespace gfsd::domain::test
