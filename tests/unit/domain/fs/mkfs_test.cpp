// mkfs: the command line per filesystem type, the option checks, the wipe first.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/fs/fs_actions.hpp"
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

TEST(Mkfs, ExtUsesMke2fsForced) {
  MockPorts m;
  InSequence seq;
  expect_wipe(m, "/dev/sda1");
  EXPECT_CALL(m.runner, run(Argv{"mke2fs", "-t", "ext4", "-F", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(mkfs(ctx, "ext4", "/dev/sda1", {}));
}

TEST(Mkfs, ExtWithEveryOption) {
  MockPorts m;
  InSequence seq;
  expect_wipe(m, "/dev/sda1");
  EXPECT_CALL(m.runner, run(Argv{"mke2fs", "-t", "ext3", "-F", "-b", "4096", "-O", "^has_journal",
                                 "-I", "256", "-L", "root", "/dev/sda1"},
                            _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::mkfs o;
  o.blocksize = 4096;
  o.features = "^has_journal";
  o.inode = 256;
  o.label = "root";
  EXPECT_TRUE(mkfs(ctx, "ext3", "/dev/sda1", o));
}

TEST(Mkfs, XfsForcedWithSizeAndLabel) {
  MockPorts m;
  InSequence seq;
  expect_wipe(m, "/dev/sda");
  EXPECT_CALL(m.runner,
              run(Argv{"mkfs", "-t", "xfs", "-f", "-b", "size=4096", "-L", "x", "/dev/sda"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::mkfs o;
  o.blocksize = 4096;
  o.label = "x";
  EXPECT_TRUE(mkfs(ctx, "xfs", "/dev/sda", o));
}

TEST(Mkfs, VfatWholeDiskNoMbrAndClusterInSectors) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"mkfs.fat"}, _))
      .WillOnce(Return(exited(1, "", "Usage: mkfs.fat [OPTIONS] TARGET [BLOCKS]\n --mbr[=y|n|a]")));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getss", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0, "512\n")));
  expect_wipe(m, "/dev/sda1");
  EXPECT_CALL(m.runner, run(Argv{"mkfs", "-t", "vfat", "-I", "--mbr=n", "-s", "8", "-n", "DOS",
                                 "/dev/sda1"},
                            _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::mkfs o;
  o.blocksize = 4096;
  o.label = "DOS";
  EXPECT_TRUE(mkfs(ctx, "vfat", "/dev/sda1", o));
}

TEST(Mkfs, OldMkfsFatGetsNoMbrOption) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mkfs.fat"}, _)).WillOnce(Return(exited(1, "", "Usage: ...")));
  expect_wipe(m, "/dev/sda1");
  EXPECT_CALL(m.runner, run(Argv{"mkfs", "-t", "msdos", "-I", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(mkfs(ctx, "msdos", "/dev/sda1", {}));
}

TEST(Mkfs, ClusterSizeOutOfRange) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mkfs.fat"}, _)).WillOnce(Return(exited(1)));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--getss", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0, "4096\n")));
  EXPECT_CALL(m.runner, run(Argv{"wipefs", "-a", "--force", "/dev/sda1"}, _)).Times(0);
  auto ctx = m.ctx();
  api::opt::mkfs o;
  o.blocksize = 512;
  EXPECT_THAT(mkfs(ctx, "vfat", "/dev/sda1", o),
              IsError(0, "unsupported cluster size for vfat filesystem (requested cluster size = "
                         "512, sector size = 4096, trying sectors per cluster = 0)"));
}

TEST(Mkfs, NtfsQuickForcedClusterSize) {
  MockPorts m;
  expect_wipe(m, "/dev/sda1");
  EXPECT_CALL(m.runner,
              run(Argv{"mkfs", "-t", "ntfs", "-Q", "-F", "-c", "4096", "-L", "W", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::mkfs o;
  o.blocksize = 4096;
  o.label = "W";
  EXPECT_TRUE(mkfs(ctx, "ntfs", "/dev/sda1", o));
}

TEST(Mkfs, OptionChecksComeBeforeAnyWipe) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  api::opt::mkfs bs;
  bs.blocksize = 1000;
  EXPECT_THAT(mkfs(ctx, "ext4", "/dev/sda1", bs),
              IsError(0, "block size must be > 0 and a power of 2"));
  bs.blocksize = 4096;
  EXPECT_THAT(mkfs(ctx, "btrfs", "/dev/sda1", bs),
              IsError(0, "blocksize cannot be set on btrfs filesystems, use 'mkfs-btrfs'"));
  api::opt::mkfs in;
  in.inode = 256;
  EXPECT_THAT(mkfs(ctx, "xfs", "/dev/sda1", in),
              IsError(0, "inode size (-I) can only be set on ext2/3/4 filesystems"));
  in.inode = 0;
  EXPECT_THAT(mkfs(ctx, "ext2", "/dev/sda1", in), IsError(0, "inode size must be larger than zero"));
  api::opt::mkfs ss;
  ss.sectorsize = 512;
  EXPECT_THAT(mkfs(ctx, "ext2", "/dev/sda1", ss),
              IsError(0, "sector size (-S) can only be set on ufs filesystems"));
  api::opt::mkfs lb;
  lb.label = "01234567890123456";
  EXPECT_THAT(mkfs(ctx, "ext2", "/dev/sda1", lb),
              IsError(0, "01234567890123456: ext2/3/4 labels are limited to 16 bytes"));
  lb.label = "0123456789abc";
  EXPECT_THAT(mkfs(ctx, "xfs", "/dev/sda1", lb),
              IsError(0, "0123456789abc: xfs labels are limited to 12 bytes"));
  lb.label = "l";
  EXPECT_THAT(mkfs(ctx, "minix", "/dev/sda1", lb),
              IsError(0, "don't know how to set the label for 'minix' filesystems"));
}

TEST(Mkfs, FailureNamesTypeAndDevice) {
  MockPorts m;
  expect_wipe(m, "/dev/sda1");
  EXPECT_CALL(m.runner, run(Argv{"mkfs", "-t", "foo", "/dev/sda1"}, _))
      .WillOnce(Return(exited(1, "", "mkfs: failed to execute mkfs.foo: No such file or directory")));
  auto ctx = m.ctx();
  EXPECT_THAT(mkfs(ctx, "foo", "/dev/sda1", {}),
              IsError(0, "foo: /dev/sda1: mkfs: failed to execute mkfs.foo: No such file or "
                         "directory"));
}

TEST(MkfsB, IsMkfsWithABlockSize) {
  MockPorts m;
  expect_wipe(m, "/dev/sda1");
  EXPECT_CALL(m.runner, run(Argv{"mke2fs", "-t", "ext2", "-F", "-b", "1024", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(mkfs_b(ctx, "ext2", 1024, "/dev/sda1"));
}

}  // namespace
}  // namespace gfsd::domain::test
