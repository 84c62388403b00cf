// Quota groups: command lines, guest paths, errors, and the --raw probe of
// `btrfs qgroup show`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/btrfs/btrfs_upkeep.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::ElementsAre;
using testing::InSequence;
using testing::Return;

const Argv kShowHelp{"btrfs", "qgroup", "show", "--help"};
// What btrfs-progs 6.2 says, cut down to the lines that matter.
const char kHelpWithRaw[] =
    "usage: btrfs qgroup show [options] <path>\n"
    "    --raw                     raw numbers in bytes \n"
    "    --human-readable          human friendly numbers, base 1024 (default)\n";
const char kRawReport[] =
    "Qgroupid    Referenced    Exclusive   Path \n"
    "--------    ----------    ---------   ---- \n"
    "0/5              16384        16384   <toplevel>\n"
    "0/256          3162112      3162112   sv1\n";

TEST(BtrfsQgroupLimit, CommandLine) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "qgroup", "limit", "1000000", "/sv1"},
                            GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_qgroup_limit(ctx, "/sv1", 1000000));
}

// The size goes to btrfs as given, a negative one too: btrfs refuses it.
TEST(BtrfsQgroupLimit, NegativeSizeIsBtrfssToRefuse) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "qgroup", "limit", "-1", "/sv1"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: invalid size argument: -1")));
  auto ctx = m.ctx();
  auto r = btrfs_qgroup_limit(ctx, "/sv1", -1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/sv1: ERROR: invalid size argument: -1");
}

TEST(BtrfsQgroupCreateDestroy, CommandLines) {
  MockPorts m;
  EXPECT_CALL(m.runner,
              run(Argv{"btrfs", "qgroup", "create", "1/0", "/"}, GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner,
              run(Argv{"btrfs", "qgroup", "destroy", "1/0", "/"}, GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_qgroup_create(ctx, "1/0", "/"));
  EXPECT_TRUE(btrfs_qgroup_destroy(ctx, "1/0", "/"));
}

TEST(BtrfsQgroupCreateDestroy, ErrorNamesTheSubvolume) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "qgroup", "destroy", "1/0", "/sub"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: unable to destroy quota group: Device or resource busy")));
  auto ctx = m.ctx();
  auto r = btrfs_qgroup_destroy(ctx, "1/0", "/sub");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/sub: ERROR: unable to destroy quota group: Device or resource busy");
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(BtrfsQgroupAssignRemove, CommandLines) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "qgroup", "assign", "0/256", "1/0", "/"},
                            GuestArgs({{5, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "qgroup", "remove", "0/256", "1/0", "/"},
                            GuestArgs({{5, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(btrfs_qgroup_assign(ctx, "0/256", "1/0", "/"));
  EXPECT_TRUE(btrfs_qgroup_remove(ctx, "0/256", "1/0", "/"));
}

TEST(BtrfsQgroupAssignRemove, ErrorNamesThePath) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "qgroup", "remove", "0/256", "1/0", "/p"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: unable to assign quota group: No such file")));
  auto ctx = m.ctx();
  auto r = btrfs_qgroup_remove(ctx, "0/256", "1/0", "/p");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/p: ERROR: unable to assign quota group: No such file");
}

TEST(BtrfsQgroupShow, AsksForBytesWhenBtrfsKnowsRaw) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kShowHelp, _)).WillOnce(Return(exited(0, kHelpWithRaw)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "qgroup", "show", "--raw", "/"},
                            GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0, kRawReport)));
  auto ctx = m.ctx();
  auto r = btrfs_qgroup_show(ctx, "/");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(*r, ElementsAre(api::Btrfsqgroup{"0/5", 16384, 16384},
                              api::Btrfsqgroup{"0/256", 3162112, 3162112}));
}

TEST(BtrfsQgroupShow, OldBtrfsWithoutRaw) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kShowHelp, _))
      .WillOnce(Return(exited(0, "usage: btrfs qgroup show -pcreFf <path>\n")));
  EXPECT_CALL(m.runner,
              run(Argv{"btrfs", "qgroup", "show", "/"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0, "qgroupid rfer excl\n-------- ---- ----\n0/5 9249849344 9249849344\n")));
  auto ctx = m.ctx();
  auto r = btrfs_qgroup_show(ctx, "/");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(*r, ElementsAre(api::Btrfsqgroup{"0/5", 9249849344, 9249849344}));
}

// Only the help text's words count, whatever the help's exit status; a help
// that could not run means no --raw.
TEST(BtrfsQgroupShow, AFailedProbeMeansNoRaw) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kShowHelp, _))
      .WillOnce(Return(fail_with(ENOENT, "btrfs: No such file or directory")));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "qgroup", "show", "/"}, _))
      .WillOnce(Return(fail_with(ENOENT, "btrfs: No such file or directory")));
  auto ctx = m.ctx();
  auto r = btrfs_qgroup_show(ctx, "/");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/: btrfs: No such file or directory");
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(BtrfsQgroupShow, QuotasNotEnabled) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kShowHelp, _)).WillOnce(Return(exited(1, kHelpWithRaw)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "qgroup", "show", "--raw", "/"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: can't list qgroups: quotas not enabled")));
  auto ctx = m.ctx();
  auto r = btrfs_qgroup_show(ctx, "/");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/: ERROR: can't list qgroups: quotas not enabled");
}

}  // namespace
}  // namespace gfsd::domain::test
