// balance and scrub: the btrfs command lines, the guest path handed to the
// runner, and the original's "<path>: <stderr>" errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <functional>

#include "domain/btrfs/btrfs_upkeep.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::Return;

// The path is argv[3], resolved inside the sysroot, following a final symlink.
const auto kPathPinned = GuestArgs({{3, Last::Follow}});

struct Control {
  const char* name;
  std::function<Result<void>(Ctx&, const std::string&)> action;
  Argv argv;
};

std::vector<Control> controls() {
  return {
      {"balance pause", btrfs_balance_pause, {"btrfs", "balance", "pause", "/mnt"}},
      {"balance cancel", btrfs_balance_cancel, {"btrfs", "balance", "cancel", "/mnt"}},
      {"balance resume", btrfs_balance_resume, {"btrfs", "balance", "resume", "/mnt"}},
      {"scrub start", btrfs_scrub_start, {"btrfs", "scrub", "start", "/mnt"}},
      {"scrub cancel", btrfs_scrub_cancel, {"btrfs", "scrub", "cancel", "/mnt"}},
      {"scrub resume", btrfs_scrub_resume, {"btrfs", "scrub", "resume", "/mnt"}},
  };
}

TEST(BtrfsBalanceScrubControl, RunsBtrfsOnTheGuestPath) {
  for (const auto& c : controls()) {
    MockPorts m;
    EXPECT_CALL(m.runner, run(c.argv, AllOf(kPathPinned, Chrooted(false))))
        .WillOnce(Return(exited(0, "whatever it says\n")));
    auto ctx = m.ctx();
    auto r = c.action(ctx, "/mnt");
    EXPECT_TRUE(r) << c.name << ": " << r.error().message;
  }
}

TEST(BtrfsBalanceScrubControl, ErrorIsPathThenStderr) {
  for (const auto& c : controls()) {
    MockPorts m;
    EXPECT_CALL(m.runner, run(c.argv, _))
        .WillOnce(Return(exited(2, "", "ERROR: balance pause on '/sysroot/mnt' failed: Not running")));
    auto ctx = m.ctx();
    auto r = c.action(ctx, "/mnt");
    ASSERT_FALSE(r) << c.name;
    EXPECT_EQ(r.error().message, "/mnt: ERROR: balance pause on '/sysroot/mnt' failed: Not running")
        << c.name;
    EXPECT_EQ(r.error().errnum, 0) << c.name;
  }
}

// `btrfs scrub resume` with nothing to resume says so on stdout only.
TEST(BtrfsBalanceScrubControl, EmptyStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "scrub", "resume", "/"}, _))
      .WillOnce(Return(exited(2, "scrub: nothing to resume for /sysroot, fsid 0dd6\n", "")));
  auto ctx = m.ctx();
  auto r = btrfs_scrub_resume(ctx, "/");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/: ");
}

TEST(BtrfsBalanceScrubControl, APathThatCannotBeResolved) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "scrub", "start", "/gone"}, _))
      .WillOnce(Return(fail_with(ENOENT, "btrfs: cannot access '/gone': No such file or directory")));
  auto ctx = m.ctx();
  auto r = btrfs_scrub_start(ctx, "/gone");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/gone: btrfs: cannot access '/gone': No such file or directory");
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(BtrfsBalanceStatus, ParsesTheReport) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "balance", "status", "/"}, kPathPinned))
      .WillOnce(Return(exited(0,
                              "Balance on '/sysroot/' is paused\n"
                              "1 out of about 9 chunks balanced (1 considered),  89% left\n")));
  auto ctx = m.ctx();
  auto r = btrfs_balance_status(ctx, "/");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, (api::Btrfsbalance{"paused", 9, 1, 1, 89}));
}

TEST(BtrfsBalanceStatus, NoBalance) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "balance", "status", "/"}, _))
      .WillOnce(Return(exited(0, "No balance found on '/sysroot/'\n")));
  auto ctx = m.ctx();
  auto r = btrfs_balance_status(ctx, "/");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->btrfsbalance_status, "none");
}

TEST(BtrfsBalanceStatus, CommandFailure) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "balance", "status", "/d"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: not a btrfs filesystem: /sysroot/d")));
  auto ctx = m.ctx();
  auto r = btrfs_balance_status(ctx, "/d");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/d: ERROR: not a btrfs filesystem: /sysroot/d");
}

TEST(BtrfsScrubStatus, ParsesTheReportAndLogsIt) {
  MockPorts m;
  const std::string out =
      "UUID:             0dd63fec-d69b-433b-98ea-ec9f536fa0f5\n"
      "Scrub started:    Sun Dec  6 18:26:39 2026\n"
      "Status:           finished\n"
      "Duration:         0:00:00\n"
      "\tdata_extents_scrubbed: 0\n"
      "\ttree_extents_scrubbed: 18\n"
      "\tdata_bytes_scrubbed: 0\n"
      "\ttree_bytes_scrubbed: 294912\n"
      "\tread_errors: 0\n"
      "\tcsum_errors: 0\n"
      "\tverify_errors: 0\n"
      "\tno_csum: 0\n"
      "\tcsum_discards: 0\n"
      "\tsuper_errors: 0\n"
      "\tmalloc_errors: 0\n"
      "\tuncorrectable_errors: 0\n"
      "\tunverified_errors: 0\n"
      "\tcorrected_errors: 0\n"
      "\tlast_physical: 72548352\n";
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "scrub", "status", "-R", "/"},
                            GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0, out)));
  EXPECT_CALL(m.log, debug("output from 'btrfs scrub status -R /' is:\n" + out));
  auto ctx = m.ctx();
  auto r = btrfs_scrub_status(ctx, "/");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->btrfsscrub_tree_extents_scrubbed, 18u);
  EXPECT_EQ(r->btrfsscrub_tree_bytes_scrubbed, 294912u);
  EXPECT_EQ(r->btrfsscrub_last_physical, 72548352u);
}

TEST(BtrfsScrubStatus, CommandFailure) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "scrub", "status", "-R", "/"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: cannot access '/sysroot/': No such file")));
  auto ctx = m.ctx();
  auto r = btrfs_scrub_status(ctx, "/");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/: ERROR: cannot access '/sysroot/': No such file");
}

TEST(BtrfsScrubStatus, OutputEndsAtANul) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "scrub", "status", "-R", "/"}, _))
      .WillOnce(Return(exited(0, std::string("UUID: x\n\0\tno stats available\n", 30))));
  auto ctx = m.ctx();
  auto r = btrfs_scrub_status(ctx, "/");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "truncated output from 'btrfs scrub status -R' command");
}

}  // namespace
}  // namespace gfsd::domain::test
