// Block device listing, partition names and the blockdev family.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/devices/device_actions.hpp"
#include "domain/devices/partition_names.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::ElementsAre;
using testing::InSequence;
using testing::Return;

using Names = std::vector<std::string>;

TEST(PartitionNames, SplitsDiskAndNumber) {
  auto a = split_device_partition("/dev/sda12");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->disk, "sda");
  EXPECT_EQ(a->part, 12);
  auto b = split_device_partition("/dev/md0p1");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->disk, "md0");
  EXPECT_EQ(b->part, 1);
  auto c = split_device_partition("/dev/vdb");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->disk, "vdb");
  EXPECT_EQ(c->part, 0);
  // Not under /dev: the name as it is.
  auto d = split_device_partition("sdc3");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->disk, "sdc");
  EXPECT_EQ(d->part, 3);
  EXPECT_FALSE(split_device_partition("/dev/sda99999999999999999999"));
}

TEST(PartitionNames, SortsLikeTheOriginal) {
  Names n{"/dev/sdaa1", "/dev/sdb10", "/dev/sdb2", "/dev/vda1", "/dev/sdz", "/dev/sda"};
  sort_device_names(n);
  EXPECT_THAT(n, ElementsAre("/dev/sda", "/dev/vda1", "/dev/sdb2", "/dev/sdb10", "/dev/sdz",
                             "/dev/sdaa1"));
}

TEST(ListDevices, AreTheScannedDisks) {
  MockPorts m;
  EXPECT_CALL(m.devices, scan_disks()).WillOnce(Return(Names{"/dev/sda", "/dev/sdb"}));
  auto ctx = m.ctx();
  auto r = list_devices(ctx);
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, ElementsAre("/dev/sda", "/dev/sdb"));
}

TEST(NrDevices, CountsTheScannedDisks) {
  MockPorts m;
  EXPECT_CALL(m.devices, scan_disks()).WillOnce(Return(Names{"/dev/sda", "/dev/sdb", "/dev/sdc"}));
  auto ctx = m.ctx();
  EXPECT_EQ(nr_devices(ctx), 3);
}

TEST(ListPartitions, SysfsEntriesSortedPerDiskThenMd) {
  MockPorts m;
  EXPECT_CALL(m.devices, scan_disks()).WillOnce(Return(Names{"/dev/sda", "/dev/sdb"}));
  EXPECT_CALL(m.devices, list_dir("/sys/block/sda"))
      .WillOnce(Return(Names{"queue", "sda10", "sda2", "holders", "sda1", "size"}));
  EXPECT_CALL(m.devices, list_dir("/sys/block/sdb")).WillOnce(Return(Names{"queue"}));
  EXPECT_CALL(m.devices, list_dir("/sys/block"))
      .WillOnce(Return(Names{"sda", "md127", "sdb", "mdx", "loop0"}));
  EXPECT_CALL(m.devices, list_dir("/sys/block/md127")).WillOnce(Return(Names{"md127p1", "md"}));
  auto ctx = m.ctx();
  auto r = list_partitions(ctx);
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, ElementsAre("/dev/sda1", "/dev/sda2", "/dev/sda10", "/dev/md127p1"));
}

TEST(ListPartitions, UnreadableSysfsIsAnErrorWithoutErrno) {
  MockPorts m;
  EXPECT_CALL(m.devices, scan_disks()).WillOnce(Return(Names{"/dev/sda"}));
  EXPECT_CALL(m.devices, list_dir("/sys/block/sda"))
      .WillOnce(Return(fail_errno(ENOENT, "/sys/block/sda")));
  auto ctx = m.ctx();
  auto r = list_partitions(ctx);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, 0);
  EXPECT_EQ(r.error().message, "/sys/block/sda: No such file or directory");
}

TEST(ListDiskLabels, LabelsAndResolvedDevices) {
  MockPorts m;
  EXPECT_CALL(m.devices, list_dir("/dev/disk/guestfs"))
      .WillOnce(Return(Names{"boot", ".hidden", "root"}));
  EXPECT_CALL(m.devices, realpath("/dev/disk/guestfs/boot")).WillOnce(Return(std::string("/dev/sda")));
  EXPECT_CALL(m.devices, realpath("/dev/disk/guestfs/root")).WillOnce(Return(std::string("/dev/sdb")));
  auto ctx = m.ctx();
  auto r = list_disk_labels(ctx);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, (api::Hashtable{{"boot", "/dev/sda"}, {"root", "/dev/sdb"}}));
}

TEST(ListDiskLabels, NoDirectoryMeansNoLabels) {
  MockPorts m;
  EXPECT_CALL(m.devices, list_dir("/dev/disk/guestfs"))
      .WillOnce(Return(fail_errno(ENOENT, "/dev/disk/guestfs")));
  auto ctx = m.ctx();
  auto r = list_disk_labels(ctx);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

TEST(ListDiskLabels, OtherErrorsAreReported) {
  MockPorts m;
  EXPECT_CALL(m.devices, list_dir("/dev/disk/guestfs"))
      .WillOnce(Return(fail_errno(EACCES, "/dev/disk/guestfs")));
  auto ctx = m.ctx();
  auto r = list_disk_labels(ctx);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EACCES);
  EXPECT_EQ(r.error().message, "opendir: /dev/disk/guestfs: Permission denied");
}

TEST(PartToDev, StripsThePartitionNumber) {
  MockPorts m;
  auto ctx = m.ctx();
  EXPECT_EQ(part_to_dev(ctx, "/dev/sda1"), std::string("/dev/sda"));
  EXPECT_EQ(part_to_dev(ctx, "/dev/md0p2"), std::string("/dev/md0"));
  EXPECT_EQ(part_to_partnum(ctx, "/dev/sdb12"), 12);
  auto bad = part_to_dev(ctx, "/dev/sda");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "device name is not a partition");
  auto bad2 = part_to_partnum(ctx, "/dev/sda");
  ASSERT_FALSE(bad2);
  EXPECT_EQ(bad2.error().message, "device name is not a partition");
}

TEST(Blockdev, GetSize64RunsBlockdevAfterSettling) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.devices, settle(""));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getsize64", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, "524288000\n")));
  auto ctx = m.ctx();
  EXPECT_EQ(blockdev_getsize64(ctx, "/dev/sda"), 524288000);
}

TEST(Blockdev, QueriesParseTheirOutput) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getss", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, "512\n")));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getbsz", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, "4096\n")));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getsz", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, "1024000\n")));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getro", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, "1\n")));
  auto ctx = m.ctx();
  EXPECT_EQ(blockdev_getss(ctx, "/dev/sda"), 512);
  EXPECT_EQ(blockdev_getbsz(ctx, "/dev/sda"), 4096);
  EXPECT_EQ(blockdev_getsz(ctx, "/dev/sda"), 1024000);
  EXPECT_EQ(blockdev_getro(ctx, "/dev/sda"), true);
}

TEST(Blockdev, SettersRunTheirSwitch) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--setrw", "/dev/sda"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--setro", "/dev/sda"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--flushbufs", "/dev/sda"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--rereadpt", "/dev/sda"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--setra", "256", "/dev/sda"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(blockdev_setrw(ctx, "/dev/sda"));
  EXPECT_TRUE(blockdev_setro(ctx, "/dev/sda"));
  EXPECT_TRUE(blockdev_flushbufs(ctx, "/dev/sda"));
  EXPECT_TRUE(blockdev_rereadpt(ctx, "/dev/sda"));
  EXPECT_TRUE(blockdev_setra(ctx, "/dev/sda", 256));
}

TEST(Blockdev, ErrorsCarryBlockdevsStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--rereadpt", "/dev/sda"}, _))
      .WillOnce(Return(exited(1, "", "blockdev: ioctl error on BLKRRPART: Device or resource busy")));
  auto ctx = m.ctx();
  auto r = blockdev_rereadpt(ctx, "/dev/sda");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, 0);
  EXPECT_EQ(r.error().message, "blockdev: blockdev: ioctl error on BLKRRPART: Device or resource busy");
}

TEST(Blockdev, NoNumberIsAnError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getss", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, "")));
  auto ctx = m.ctx();
  auto r = blockdev_getss(ctx, "/dev/sda");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "blockdev: expected output, but got nothing");
}

TEST(Blockdev, NegativeReadaheadIsRefusedWithoutRunning) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  auto r = blockdev_setra(ctx, "/dev/sda", -1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "readahead sectors must be >= 0");
}

TEST(Blockdev, SetbszDoesNothingAsTheOriginal) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_TRUE(blockdev_setbsz(ctx, "/dev/sda", 4096));
}

}  // namespace
}  // namespace gfsd::domain::test
