// mkfs_btrfs: the mkfs.btrfs command line, the option checks, the wipes first.
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

void expect_wipe(MockPorts& m, const std::string& dev) {
  EXPECT_CALL(m.runner, run(Argv{"wipefs", "-a", "--force", dev}, _)).WillOnce(Return(exited(0)));
}

TEST(MkfsBtrfs, EveryDeviceWipedThenOneMkfs) {
  MockPorts m;
  InSequence seq;
  expect_wipe(m, "/dev/sda1");
  expect_wipe(m, "/dev/sda2");
  EXPECT_CALL(m.runner, run(Argv{"mkfs.btrfs", "/dev/sda1", "/dev/sda2"}, GuestArgs({})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(mkfs_btrfs(ctx, {"/dev/sda1", "/dev/sda2"}, {}));
}

TEST(MkfsBtrfs, EveryOptionInTheOriginalsOrderAllocstartIgnored) {
  // The C API test mkfs_btrfs_0's options.
  MockPorts m;
  InSequence seq;
  expect_wipe(m, "/dev/sda1");
  EXPECT_CALL(m.runner,
              run(Argv{"mkfs.btrfs", "--byte-count", "268435456", "--data", "single", "--label",
                       "test", "--metadata", "single", "--nodesize", "65536", "--sectorsize",
                       "4096", "/dev/sda1"},
                  _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::mkfs_btrfs o;
  o.allocstart = 0;
  o.bytecount = 268435456;
  o.datatype = "single";
  o.label = "test";
  o.metadata = "single";
  o.nodesize = 65536;
  o.sectorsize = 4096;
  EXPECT_TRUE(mkfs_btrfs(ctx, {"/dev/sda1"}, o));
}

TEST(MkfsBtrfs, LeafsizeAndRaidProfiles) {
  MockPorts m;
  InSequence seq;
  expect_wipe(m, "/dev/sda");
  expect_wipe(m, "/dev/sdb");
  EXPECT_CALL(m.runner, run(Argv{"mkfs.btrfs", "--data", "raid1", "--leafsize", "16384",
                                 "--metadata", "raid10", "/dev/sda", "/dev/sdb"},
                            _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::mkfs_btrfs o;
  o.datatype = "raid1";
  o.leafsize = 16384;
  o.metadata = "raid10";
  EXPECT_TRUE(mkfs_btrfs(ctx, {"/dev/sda", "/dev/sdb"}, o));
}

// Each check fails before anything runs (no wipe either: the mock fails
// any run nobody expected, and none is expected here).
void expect_refused(const api::opt::mkfs_btrfs& o, const std::string& message,
                    std::vector<std::string> devices = {"/dev/sda1"}) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  auto r = mkfs_btrfs(ctx, devices, o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, message);
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(MkfsBtrfs, OptionChecksInTheOriginalsWords) {
  expect_refused({}, "list of devices must be non-empty", {});
  api::opt::mkfs_btrfs o;
  o.bytecount = 0;
  expect_refused(o, "bytecount must be > 0");
  o = {};
  o.datatype = "raid5";
  expect_refused(o, "datatype not one of the allowed values");
  o = {};
  o.leafsize = 3000;
  expect_refused(o, "leafsize must be > 0 and a power of two");
  o = {};
  o.metadata = "dup";
  expect_refused(o, "metadata not one of the allowed values");
  o = {};
  o.nodesize = -4096;
  expect_refused(o, "nodesize must be > 0 and a power of two");
  o = {};
  o.sectorsize = 0;
  expect_refused(o, "sectorsize must be > 0 and a power of two");
  // The first failing check in the original's order wins.
  o = {};
  o.sectorsize = 3;
  o.bytecount = -1;
  expect_refused(o, "bytecount must be > 0");
}

TEST(MkfsBtrfs, FailureNamesTheFirstDevice) {
  MockPorts m;
  expect_wipe(m, "/dev/sda1");
  expect_wipe(m, "/dev/sdb1");
  EXPECT_CALL(m.runner, run(Argv{"mkfs.btrfs", "/dev/sda1", "/dev/sdb1"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: '/dev/sdb1' is too small to make a usable filesystem\n"
                                     "ERROR: minimum size for each btrfs device is 114294784")));
  auto ctx = m.ctx();
  auto r = mkfs_btrfs(ctx, {"/dev/sda1", "/dev/sdb1"}, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "/dev/sda1: ERROR: '/dev/sdb1' is too small to make a usable filesystem\n"
            "ERROR: minimum size for each btrfs device is 114294784");
}

TEST(MkfsBtrfs, AProgramThatCannotStartIsWordedAsItsOutput) {
  MockPorts m;
  expect_wipe(m, "/dev/sda1");
  EXPECT_CALL(m.runner, run(Argv{"mkfs.btrfs", "/dev/sda1"}, _))
      .WillOnce(Return(fail_with(ENOENT, "mkfs.btrfs: No such file or directory")));
  auto ctx = m.ctx();
  auto r = mkfs_btrfs(ctx, {"/dev/sda1"}, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dev/sda1: mkfs.btrfs: No such file or directory");
  EXPECT_EQ(r.error().errnum, 0);
}

}  // namespace
}  // namespace gfsd::domain::test
