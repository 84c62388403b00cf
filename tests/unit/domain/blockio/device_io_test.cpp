// pread_device, pwrite_device, blkdiscard, blkdiscardzeroes, is_whole_device.
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

TEST(PreadDevice, OnePreadThroughThePort) {
  MockPorts m;
  EXPECT_CALL(m.devices, pread("/dev/sdd", 8u, 32768)).WillOnce(Return(std::string("\1CD001\1\0", 8)));
  auto ctx = m.ctx();
  EXPECT_THAT(pread_device(ctx, "/dev/sdd", 8, 32768), HasValue(std::string("\1CD001\1\0", 8)));
}

TEST(PreadDevice, PastTheEndIsAnEmptyReadAndErrorsNameTheStep) {
  MockPorts m;
  EXPECT_CALL(m.devices, pread("/dev/sda", 10u, int64_t{1} << 40)).WillOnce(Return(std::string()));
  EXPECT_CALL(m.devices, pread("/dev/sdb", 1u, 0)).WillOnce(Return(fail_errno(EIO, "pread: /dev/sdb")));
  auto ctx = m.ctx();
  EXPECT_THAT(pread_device(ctx, "/dev/sda", 10, int64_t{1} << 40), HasValue(std::string()));
  EXPECT_THAT(pread_device(ctx, "/dev/sdb", 1, 0), IsError(EIO, "pread: /dev/sdb: Input/output error"));
}

TEST(PreadDevice, BadNumbersAfterTheDeviceOpens) {
  MockPorts m;
  EXPECT_CALL(m.devices, probe("/dev/sda")).Times(3).WillRepeatedly(Return(Result<void>{}));
  EXPECT_CALL(m.devices, pread(_, _, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(pread_device(ctx, "/dev/sda", -1, 0), IsError(0, "count is negative"));
  EXPECT_THAT(pread_device(ctx, "/dev/sda", 1, -1), IsError(0, "offset is negative"));
  EXPECT_THAT(pread_device(ctx, "/dev/sda", 4 * 1024 * 1024, 0),
              IsError(0, "/dev/sda: count is too large for the protocol, use smaller reads"));
}

TEST(PreadDevice, AnOpenErrorWinsOverBadNumbers) {
  MockPorts m;
  EXPECT_CALL(m.devices, probe("/dev/sr0")).WillOnce(Return(fail_errno(ENOMEDIUM, "/dev/sr0")));
  auto ctx = m.ctx();
  EXPECT_THAT(pread_device(ctx, "/dev/sr0", -1, 0),
              IsError(ENOMEDIUM, "open: /dev/sr0: No medium found"));
}

TEST(PwriteDevice, WritesThenLetsUdevSettle) {
  MockPorts m;
  const std::string zeros(66, '\0');
  {
    InSequence s;
    EXPECT_CALL(m.devices, pwrite("/dev/sda", zeros, 446)).WillOnce(Return(size_t{66}));
    EXPECT_CALL(m.devices, settle(""));
  }
  auto ctx = m.ctx();
  EXPECT_THAT(pwrite_device(ctx, "/dev/sda", zeros, 446), HasValue(66));
}

TEST(PwriteDevice, ShortWritesAndErrors) {
  MockPorts m;
  EXPECT_CALL(m.devices, pwrite("/dev/sda", "abcd", 1022)).WillOnce(Return(size_t{2}));
  EXPECT_CALL(m.devices, pwrite("/dev/sda", "abcd", 1024))
      .WillOnce(Return(fail_errno(ENOSPC, "pwrite: /dev/sda")));
  auto ctx = m.ctx();
  EXPECT_THAT(pwrite_device(ctx, "/dev/sda", "abcd", 1022), HasValue(2));
  EXPECT_THAT(pwrite_device(ctx, "/dev/sda", "abcd", 1024),
              IsError(ENOSPC, "pwrite: /dev/sda: No space left on device"));
}

TEST(PwriteDevice, NegativeOffsetBeforeOpening) {
  MockPorts m;
  EXPECT_CALL(m.devices, pwrite(_, _, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(pwrite_device(ctx, "/dev/sda", "x", -1), IsError(0, "offset is negative"));
}

TEST(Blkdiscard, DiscardsTheSizeBlockdevReports) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getsize64", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, "104857600\n")));
  EXPECT_CALL(m.devices, discard("/dev/sda", 0u, 104857600u)).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_TRUE(blkdiscard(ctx, "/dev/sda"));
}

TEST(Blkdiscard, Errors) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getsize64", "/dev/sdb"}, _))
      .WillOnce(Return(exited(1, "", "blockdev: cannot open /dev/sdb: No such device")));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getsize64", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, "512\n")));
  EXPECT_CALL(m.devices, discard("/dev/sda", 0u, 512u))
      .WillOnce(Return(fail_errno(EOPNOTSUPP, "ioctl: /dev/sda: BLKDISCARD")));
  auto ctx = m.ctx();
  EXPECT_THAT(blkdiscard(ctx, "/dev/sdb"),
              IsError(0, "blockdev: blockdev: cannot open /dev/sdb: No such device"));
  EXPECT_THAT(blkdiscard(ctx, "/dev/sda"),
              IsError(EOPNOTSUPP, "ioctl: /dev/sda: BLKDISCARD: Operation not supported"));
}

TEST(Blkdiscardzeroes, AsksTheDevice) {
  MockPorts m;
  EXPECT_CALL(m.devices, discard_zeroes("/dev/sda")).WillOnce(Return(true));
  EXPECT_CALL(m.devices, discard_zeroes("/dev/sdb")).WillOnce(Return(false));
  EXPECT_CALL(m.devices, discard_zeroes("/dev/sdc"))
      .WillOnce(Return(fail_errno(ENOTTY, "ioctl: /dev/sdc: BLKDISCARDZEROES")));
  auto ctx = m.ctx();
  EXPECT_THAT(blkdiscardzeroes(ctx, "/dev/sda"), HasValue(true));
  EXPECT_THAT(blkdiscardzeroes(ctx, "/dev/sdb"), HasValue(false));
  EXPECT_THAT(blkdiscardzeroes(ctx, "/dev/sdc"),
              IsError(ENOTTY, "ioctl: /dev/sdc: BLKDISCARDZEROES: Inappropriate ioctl for device"));
}

TEST(IsWholeDevice, LooksForTheDeviceLinkInSysBlock) {
  MockPorts m;
  EXPECT_CALL(m.host, path_exists("/sys/block/sda/device")).WillOnce(Return(true));
  EXPECT_CALL(m.host, path_exists("/sys/block/sda1/device")).WillOnce(Return(false));
  EXPECT_CALL(m.host, path_exists("/sys/block/VG/LV/device")).WillOnce(Return(false));
  auto ctx = m.ctx();
  EXPECT_THAT(is_whole_device(ctx, "/dev/sda"), HasValue(true));
  EXPECT_THAT(is_whole_device(ctx, "/dev/sda1"), HasValue(false));
  EXPECT_THAT(is_whole_device(ctx, "/dev/VG/LV"), HasValue(false));
}

}  // namespace
}  // namespace gfsd::domain::test
