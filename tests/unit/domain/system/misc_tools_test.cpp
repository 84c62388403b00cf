// df, df_h, dmesg: the appliance's tools run as they are, their stderr alone
// as the error; df needs a mounted root, checked with the original's wording.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/system/misc_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

// df -h in a private mount namespace with a tmpfs sysroot.
const char kDfH[] =
    "Filesystem      Size  Used Avail Use% Mounted on\n"
    "/dev/vda        252G   30G   67G  31% /\n"
    "tmpfs            12G     0   12G   0% /dev/disk\n"
    "tmpfs            64M     0   64M   0% /sysroot\n";

void root_mounted(MockPorts& m, bool yes) {
  std::vector<ports::MountEntry> table{{"/dev/vda", "/", "ext4"}};
  if (yes) table.push_back({"/dev/sda1", "/sysroot", "ext4"});
  ON_CALL(m.mounts, list()).WillByDefault(Return(table));
}

MATCHER(NotChrooted, "") { return !arg.chroot_sysroot && arg.guest_args.empty(); }

TEST(Df, RunsInTheApplianceNotTheGuest) {
  MockPorts m;
  root_mounted(m, true);
  EXPECT_CALL(m.runner, run(Argv{"df"}, NotChrooted())).WillOnce(Return(exited(0, "table\n")));
  EXPECT_CALL(m.runner, run(Argv{"df", "-h"}, NotChrooted())).WillOnce(Return(exited(0, kDfH)));
  auto ctx = m.ctx();
  EXPECT_THAT(df(ctx), HasValue(std::string("table\n")));
  EXPECT_THAT(df_h(ctx), HasValue(std::string(kDfH)));
}

TEST(Df, NeedsARootNamedAfterTheOriginalsFunction) {
  MockPorts m;
  root_mounted(m, false);
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(df(ctx),
              IsError(0, "do_df: you must call 'mount' first to mount the root filesystem"));
  EXPECT_THAT(df_h(ctx),
              IsError(0, "do_df_h: you must call 'mount' first to mount the root filesystem"));
}

TEST(Df, ErrorIsStderrAlone) {
  MockPorts m;
  root_mounted(m, true);
  EXPECT_CALL(m.runner, run(Argv{"df", "-h"}, _))
      .WillOnce(Return(exited(1, "partial\n", "df: /x: Transport endpoint is not connected")));
  EXPECT_CALL(m.runner, run(Argv{"df"}, _)).WillOnce(Return(fail_errno(ENOENT, "df")));
  auto ctx = m.ctx();
  EXPECT_THAT(df_h(ctx), IsError(0, "df: /x: Transport endpoint is not connected"));
  EXPECT_THAT(df(ctx), IsError(0, "df: No such file or directory"));
}

TEST(Dmesg, TheKernelLogAsItIs) {
  MockPorts m;
  const std::string log = "[    0.000000] Linux version 6.1.0\n[    1.0] x\n";
  EXPECT_CALL(m.runner, run(Argv{"dmesg"}, NotChrooted())).WillOnce(Return(exited(0, log)));
  auto ctx = m.ctx();
  EXPECT_THAT(dmesg(ctx), HasValue(log));
}

TEST(Dmesg, NeedsNoRootAndFailsWithStderr) {
  MockPorts m;
  root_mounted(m, false);
  EXPECT_CALL(m.runner, run(Argv{"dmesg"}, _))
      .WillOnce(Return(exited(1, "", "dmesg: read kernel buffer failed: Operation not permitted")));
  auto ctx = m.ctx();
  EXPECT_THAT(dmesg(ctx), IsError(0, "dmesg: read kernel buffer failed: Operation not permitted"));
}

}  // namespace
}  // namespace gfsd::domain::test
