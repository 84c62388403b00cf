// The run wrappers: each one's error wording, for a program that could not
// start, one that exited non-zero, and one killed by a signal.
#include "domain/core/run_tool.hpp"

#include <cerrno>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

// What the runner says when the program cannot be executed.
Result<ports::ProcessResult> not_started() { return fail_errno(ENOENT, "tool"); }
Result<ports::ProcessResult> killed() { return ports::ProcessResult{-1, "", "cut"}; }

TEST(RunOrFailStderr, ExitFailureIsStderrAloneStartFailureAsIs) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"tool", "x"}, _))
      .WillOnce(Return(exited(0, std::string("out\0more", 8), "")))
      .WillOnce(Return(exited(3, "out", "it broke")))
      .WillOnce(Return(killed()))
      .WillOnce(Return(not_started()));
  auto ctx = m.ctx();
  EXPECT_THAT(run_or_fail_stderr(ctx, {"tool", "x"}), HasValue(std::string("out\0more", 8)));
  EXPECT_THAT(run_or_fail_stderr(ctx, {"tool", "x"}), IsError(0, "it broke"));
  EXPECT_THAT(run_or_fail_stderr(ctx, {"tool", "x"}), IsError(0, "cut"));
  EXPECT_THAT(run_or_fail_stderr(ctx, {"tool", "x"}), IsError(ENOENT, "tool: No such file or directory"));
}

TEST(RunOrFailStderr, PassesTheOptions) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, FoldsStdout(true))).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  ports::RunOptions opts;
  opts.fold_stdout_on_stderr = true;
  EXPECT_TRUE(run_or_fail_stderr(ctx, {"tool"}, opts));
}

TEST(RunLvmOrFailStderr, RunsLvmAndSettlesOnlyWhenAsked) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "pvs"}, _)).WillOnce(Return(exited(0, "pv\n")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "pvcreate", "/dev/sda"}, _))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(5, "", "  Device /dev/sda excluded")));
  EXPECT_CALL(m.devices, settle("")).Times(1);
  auto ctx = m.ctx();
  EXPECT_THAT(run_lvm_or_fail_stderr(ctx, {"pvs"}), HasValue(std::string("pv\n")));
  EXPECT_TRUE(run_lvm_settled_or_fail_stderr(ctx, {"pvcreate", "/dev/sda"}));
  EXPECT_THAT(run_lvm_settled_or_fail_stderr(ctx, {"pvcreate", "/dev/sda"}),
              IsError(0, "  Device /dev/sda excluded"));
}

TEST(RunOrFailPrefixed, EveryFailureIsPrefixedWithoutErrno) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mkfs", "/dev/sda1"}, FoldsStdout(false)))
      .WillOnce(Return(exited(0, std::string("ok\0junk", 7))))
      .WillOnce(Return(exited(1, "", "bad superblock")))
      .WillOnce(Return(killed()))
      .WillOnce(Return(not_started()));
  auto ctx = m.ctx();
  const Argv argv{"mkfs", "/dev/sda1"};
  EXPECT_THAT(run_or_fail_prefixed(ctx, argv, "/dev/sda1: "), HasValue(std::string("ok")));
  EXPECT_THAT(run_or_fail_prefixed(ctx, argv, "/dev/sda1: "), IsError(0, "/dev/sda1: bad superblock"));
  EXPECT_THAT(run_or_fail_prefixed(ctx, argv, "/dev/sda1: "), IsError(0, "/dev/sda1: cut"));
  EXPECT_THAT(run_or_fail_prefixed(ctx, argv, "/dev/sda1: "),
              IsError(0, "/dev/sda1: tool: No such file or directory"));
}

TEST(RunOkOrFailPrefixed, SameWordingFoldsWhenAsked) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"xfs_admin"}, FoldsStdout(true)))
      .WillOnce(Return(exited(0, "ignored")))
      .WillOnce(Return(exited(2, "", "no")));
  auto ctx = m.ctx();
  EXPECT_TRUE(run_ok_or_fail_prefixed(ctx, {"xfs_admin"}, "d: ", stdout_on_stderr()));
  EXPECT_THAT(run_ok_or_fail_prefixed(ctx, {"xfs_admin"}, "d: ", stdout_on_stderr()), IsError(0, "d: no"));
}

TEST(RunOrFailExitStatus, TheOcamlCommandWording) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"findfs", "LABEL=x"}, _))
      .WillOnce(Return(exited(0, "/dev/sda1\n")))
      .WillOnce(Return(exited(2, "", "findfs: unable to resolve 'LABEL=x'")))
      .WillOnce(Return(killed()))
      .WillOnce(Return(not_started()));
  auto ctx = m.ctx();
  const Argv argv{"findfs", "LABEL=x"};
  EXPECT_THAT(run_or_fail_exit_status(ctx, argv), HasValue(std::string("/dev/sda1\n")));
  EXPECT_THAT(run_or_fail_exit_status(ctx, argv),
              IsError(0, "findfs exited with status 2: findfs: unable to resolve 'LABEL=x'"));
  EXPECT_THAT(run_or_fail_exit_status(ctx, argv),
              IsError(0, "external command ‘findfs’ killed by signal"));
  EXPECT_THAT(run_or_fail_exit_status(ctx, argv), IsError(ENOENT, "tool: No such file or directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
