// btrfstune, btrfsck, btrfs-image and btrfs rescue on devices: command lines, errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

TEST(BtrfsSetSeeding, WhatBtrfstuneAnswersIsNotLookedAt) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfstune", "-S", "1", "/dev/sda1"}, GuestArgs({})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfstune", "-S", "0", "/dev/sda1"}, _))
      .WillOnce(Return(exited(1, "", "WARNING: this is dangerous, clearing the seeding flag ...")));
  EXPECT_CALL(m.runner, run(Argv{"btrfstune", "-S", "1", "/dev/sdb"}, _))
      .WillOnce(Return(fail_with(ENOENT, "btrfstune: No such file or directory")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_set_seeding(ctx, "/dev/sda1", true));
  EXPECT_TRUE(btrfs_set_seeding(ctx, "/dev/sda1", false));
  EXPECT_TRUE(btrfs_set_seeding(ctx, "/dev/sdb", true));
}

TEST(BtrfsSetSeeding, KilledBtrfstuneIsAnError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfstune", "-S", "1", "/dev/sda1"}, _))
      .WillOnce(Return(exited(-1, "", "partial")));
  auto ctx = m.ctx();
  auto r = btrfs_set_seeding(ctx, "/dev/sda1", true);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dev/sda1: partial");
}

TEST(BtrfstuneSeeding, ClearingIsForced) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfstune", "-S", "1", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfstune", "-S", "0", "-f", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfstune_seeding(ctx, "/dev/sda1", true));
  EXPECT_TRUE(btrfstune_seeding(ctx, "/dev/sda1", false));
}

TEST(BtrfstuneSeeding, ANonBtrfsDevice) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfstune", "-S", "1", "/dev/sdb"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: no btrfs filesystem found on /dev/sdb")));
  auto ctx = m.ctx();
  auto r = btrfstune_seeding(ctx, "/dev/sdb", true);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dev/sdb: ERROR: no btrfs filesystem found on /dev/sdb");
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(BtrfstuneFeatures, ExtrefAndSkinnyMetadata) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfstune", "-r", "/dev/sda1"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfstune", "-x", "/dev/sda1"}, _))
      .WillOnce(Return(exited(1, "", "oops")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfstune_enable_extended_inode_refs(ctx, "/dev/sda1"));
  auto r = btrfstune_enable_skinny_metadata_extent_refs(ctx, "/dev/sda1");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dev/sda1: oops");
}

TEST(BtrfsFsck, PlainSuperAndRepair) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfsck", "/dev/sda1"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfsck", "--super", "1", "--repair", "/dev/sda1"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: no valid Btrfs found on /dev/sda1")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_fsck(ctx, "/dev/sda1", {}));
  api::opt::btrfs_fsck o;
  o.superblock = 1;
  o.repair = true;
  auto r = btrfs_fsck(ctx, "/dev/sda1", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dev/sda1: ERROR: no valid Btrfs found on /dev/sda1");
}

TEST(BtrfsFsck, RepairFalseAndNegativeSuperblock) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfsck", "--super", "0", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::btrfs_fsck o;
  o.superblock = 0;
  o.repair = false;
  EXPECT_TRUE(btrfs_fsck(ctx, "/dev/sda1", o));
  o.superblock = -1;
  auto r = btrfs_fsck(ctx, "/dev/sda1", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "super block offset must be >= 0");
}

TEST(BtrfsImage, SourcesThenTheImageInsideTheGuest) {
  MockPorts m;
  EXPECT_CALL(m.runner,
              run(Argv{"btrfs-image", "/dev/sda2", "/1.img"}, GuestArgs({{2, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs-image", "-c", "2", "/dev/sda2", "/dev/sdb", "/2.img"},
                            GuestArgs({{5, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_image(ctx, {"/dev/sda2"}, "/1.img", {}));
  api::opt::btrfs_image o;
  o.compresslevel = 2;
  EXPECT_TRUE(btrfs_image(ctx, {"/dev/sda2", "/dev/sdb"}, "/2.img", o));
}

TEST(BtrfsImage, NegativeLevelIsTheDefaultAndErrorsNameSourceAndImage) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs-image", "/dev/sdb", "/x.img"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: open ctree failed")));
  auto ctx = m.ctx();
  api::opt::btrfs_image o;
  o.compresslevel = -1;
  auto r = btrfs_image(ctx, {"/dev/sdb"}, "/x.img", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dev/sdb /x.img: ERROR: open ctree failed");
}

TEST(BtrfsImage, NoSources) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  auto r = btrfs_image(ctx, {}, "/x.img", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "list of sources must be non-empty");
}

TEST(BtrfsRescue, ChunkAndSuperRecoverAnswerYes) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "rescue", "chunk-recover", "-y", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "rescue", "super-recover", "-y", "/dev/sda1"}, _))
      .WillOnce(Return(exited(1, "", "oops")));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_rescue_chunk_recover(ctx, "/dev/sda1"));
  auto r = btrfs_rescue_super_recover(ctx, "/dev/sda1");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dev/sda1: oops");
}

}  // namespace
}  // namespace gfsd::domain::test
