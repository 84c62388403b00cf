// sfdisk_l, sfdisk_kernel_geometry, sfdisk_disk_geometry: one flag each,
// sfdisk's stdout as the answer. Fixtures are util-linux 2.38.1's output on a
// 300 MiB loop device.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/partitions/sfdisk_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

const char kListing[] =
    "Disk /dev/sda: 300 MiB, 314572800 bytes, 614400 sectors\n"
    "Units: sectors of 1 * 512 = 512 bytes\n"
    "Sector size (logical/physical): 512 bytes / 512 bytes\n"
    "I/O size (minimum/optimal): 512 bytes / 512 bytes\n"
    "Disklabel type: dos\n"
    "Disk identifier: 0xf34706d6\n"
    "\n"
    "Device     Boot  Start    End Sectors  Size Id Type\n"
    "/dev/sda1         2048 206847  204800  100M 83 Linux\n"
    "/dev/sda2       206848 614399  407552  199M 83 Linux\n";

const char kGeometry[] = "/dev/sda: 38 cylinders, 255 heads, 63 sectors/track\n";

TEST(SfdiskL, ListsThenSettles) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "-l", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, kListing)));
  EXPECT_CALL(m.devices, settle(""));
  auto ctx = m.ctx();
  EXPECT_THAT(sfdisk_l(ctx, "/dev/sda"), HasValue(std::string(kListing)));
}

TEST(SfdiskKernelGeometry, DashLowerG) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "-g", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, kGeometry)));
  auto ctx = m.ctx();
  EXPECT_THAT(sfdisk_kernel_geometry(ctx, "/dev/sda"), HasValue(std::string(kGeometry)));
}

TEST(SfdiskDiskGeometry, DashUpperGOnlyWarnsOnStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "-G", "/dev/sda"}, _))
      .WillOnce(Return(exited(0, kGeometry,
                              "sfdisk: --show-pt-geometry is no more implemented. "
                              "Using --show-geometry.")));
  auto ctx = m.ctx();
  EXPECT_THAT(sfdisk_disk_geometry(ctx, "/dev/sda"), HasValue(std::string(kGeometry)));
}

TEST(SfdiskL, FailureIsDeviceThenStderrWithoutErrno) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "-l", "/dev/sdb"}, _))
      .WillOnce(Return(exited(1, "", "sfdisk: cannot open /dev/sdb: No medium found")));
  EXPECT_CALL(m.devices, settle(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(sfdisk_l(ctx, "/dev/sdb"),
              IsError(0, "/dev/sdb: sfdisk: cannot open /dev/sdb: No medium found"));
}

TEST(SfdiskKernelGeometry, AProgramThatCannotRunReadsAsItsChildsMessage) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "-g", "/dev/sda"}, _))
      .WillOnce(Return(fail_errno(ENOENT, "sfdisk")));
  auto ctx = m.ctx();
  EXPECT_THAT(sfdisk_kernel_geometry(ctx, "/dev/sda"),
              IsError(0, "/dev/sda: sfdisk: No such file or directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
