// sfdisk, sfdisk_N, sfdiskM: the command lines the original built, the script
// on stdin, and its texts. The failures are what util-linux 2.38 made of the
// original's CHS options (checked on a loop device: "invalid option -- 'C'",
// "unsupported unit 'M'", exit status 1), which the original only reported
// as "<command>: external command failed".
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

// A runner that plays sfdisk: reads its whole script (into *script), then
// exits with `status` and `err` on stderr.
auto sfdisk_reading(std::string* script, int status, std::string err = "") {
  return [=](const Argv&, const ports::RunOptions& opts) -> Result<ports::ProcessResult> {
    if (!opts.stdin_source) return exited(99, "", "no stdin");
    char buf[3];
    for (;;) {
      auto n = opts.stdin_source(buf, sizeof buf);
      if (!n) return forward(n.error());
      if (*n == 0) break;
      script->append(buf, *n);
    }
    return exited(status, "", err);
  };
}

TEST(Sfdisk, ScriptLinesOnStdinThenTheTableIsReReadAndUdevSettled) {
  MockPorts m;
  InSequence seq;
  std::string script;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "/dev/sda"}, _))
      .WillOnce(sfdisk_reading(&script, 0));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--rereadpt", "/dev/sda"}, _))
      .WillOnce(Return(exited(1, "", "BLKRRPART: Device or resource busy")));  // ignored
  EXPECT_CALL(m.devices, settle(""));
  auto ctx = m.ctx();
  EXPECT_TRUE(sfdisk(ctx, "/dev/sda", 0, 0, 0, {",100M,L", ",,L"}));
  EXPECT_EQ(script, ",100M,L\n,,L\n");
}

TEST(Sfdisk, NoLinesIsAnEmptyScript) {
  MockPorts m;
  std::string script;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "/dev/sda"}, _)).WillOnce(sfdisk_reading(&script, 0));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--rereadpt", "/dev/sda"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(sfdisk(ctx, "/dev/sda", 0, 0, 0, {}));
  EXPECT_EQ(script, "");
}

TEST(Sfdisk, ChsOptionsAreStillPassedAndTheirFailureIsTheOriginals) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "-C", "10", "-H", "-3", "-S", "63", "/dev/sda"}, _))
      .WillOnce(Return(exited(1, "", "sfdisk: invalid option -- 'C'\n"
                                     "Try 'sfdisk --help' for more information.")));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--rereadpt", "/dev/sda"}, _)).Times(0);
  EXPECT_CALL(m.devices, settle(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(sfdisk(ctx, "/dev/sda", 10, -3, 63, {",,L"}),
              IsError(0, "sfdisk -C 10 -H -3 -S 63 /dev/sda: external command failed"));
}

TEST(Sfdisk, AProgramThatCannotRunIsAnExternalCommandFailureToo) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "-H", "4", "/dev/sda"}, _))
      .WillOnce(Return(fail_errno(ENOENT, "sfdisk")));
  auto ctx = m.ctx();
  EXPECT_THAT(sfdisk(ctx, "/dev/sda", 0, 4, 0, {",,L"}),
              IsError(0, "sfdisk -H 4 /dev/sda: external command failed"));
}

TEST(SfdiskN, PartnumOnlyWhenPositive) {
  MockPorts m;
  std::string script;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "-N", "7", "/dev/sdb"}, _))
      .WillOnce(sfdisk_reading(&script, 1,
                               "sfdisk: /dev/sdb: cannot modify partition 7: partition table "
                               "contains only 4 partitions"));
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "/dev/sdb"}, _)).WillOnce(sfdisk_reading(&script, 0));
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "-S", "5", "/dev/sdb"}, _))
      .WillOnce(Return(exited(1, "", "sfdisk: invalid option -- 'S'")));
  EXPECT_CALL(m.runner, run(Argv{"blockdev", "--rereadpt", "/dev/sdb"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_THAT(sfdisk_N(ctx, "/dev/sdb", 7, 0, 0, 0, ",50M,L"),
              IsError(0, "sfdisk -N 7 /dev/sdb: external command failed"));
  EXPECT_EQ(script, ",50M,L\n");
  script.clear();
  EXPECT_TRUE(sfdisk_N(ctx, "/dev/sdb", 0, 0, 0, 0, ",50M,L"));
  EXPECT_EQ(script, ",50M,L\n");
  EXPECT_THAT(sfdisk_N(ctx, "/dev/sdb", -1, 0, 0, 5, ",50M,L"),
              IsError(0, "sfdisk -S 5 /dev/sdb: external command failed"));
}

TEST(SfdiskM, MegabyteUnitsAreRefusedBySfdisk238) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "-uM", "/dev/sda"}, _))
      .WillOnce(Return(exited(1, "", "sfdisk: unsupported unit 'M'")));
  auto ctx = m.ctx();
  EXPECT_THAT(sfdiskM(ctx, "/dev/sda", {",,L"}),
              IsError(0, "sfdisk -uM /dev/sda: external command failed"));
}

TEST(SfdiskScriptArgv, OptionOrderIsNThenChsThenFlagThenDevice) {
  SfdiskCommand cmd;
  cmd.partnum = 2;
  cmd.cyls = 1;
  cmd.heads = 2;
  cmd.sectors = 3;
  cmd.extra_flag = "-uM";
  auto argv = sfdisk_script_argv(cmd, "/dev/vda");
  ASSERT_TRUE(argv);
  EXPECT_EQ(*argv, (Argv{"sfdisk", "-N", "2", "-C", "1", "-H", "2", "-S", "3", "-uM",
                         "/dev/vda"}));
}

TEST(SfdiskScriptArgv, TheOriginalsBufferLimit) {
  // "sfdisk " is 7 characters: a 248-character device fills 255, the most
  // that left room for the NUL.
  const std::string fits = "/dev/" + std::string(243, 'x');
  ASSERT_EQ(fits.size(), 248u);
  auto ok = sfdisk_script_argv({}, fits);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->back(), fits);
  EXPECT_THAT(sfdisk_script_argv({}, fits + "x"),
              IsError(0, "internal buffer overflow: sfdisk device name too long"));

  SfdiskCommand long_flag;
  long_flag.extra_flag = std::string(249, 'f');
  EXPECT_THAT(sfdisk_script_argv(long_flag, "/dev/sda"),
              IsError(0, "internal buffer overflow: sfdisk extra_flag too long"));
  long_flag.extra_flag = std::string(248, 'f');
  EXPECT_THAT(sfdisk_script_argv(long_flag, "/dev/sda"),
              IsError(0, "internal buffer overflow: sfdisk device name too long"));
}

TEST(Sfdisk, TooLongADeviceRunsNothing) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(sfdisk(ctx, "/dev/" + std::string(300, 'x'), 0, 0, 0, {}),
              IsError(0, "internal buffer overflow: sfdisk device name too long"));
}

}  // namespace
}  // namespace gfsd::domain::test
