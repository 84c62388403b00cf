// rsync, rsync_in, rsync_out: which argv entries are guest paths, the
// optional flags in the original's order, and its error text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/archives/archive_actions.hpp"
#include "unit/domain/archives/archive_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::Return;

TEST(Rsync, BothEndsAreGuestPaths) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"rsync", "/src/", "/dest"},
                            AllOf(GuestArgs({{1, Last::AsIs}, {2, Last::Follow}}),
                                  Chrooted(false))))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(rsync(ctx, "/src/", "/dest", {}));
}

TEST(Rsync, ArchiveThenDelete) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"rsync", "--archive", "--delete", "/a", "/b"},
                            GuestArgs({{3, Last::AsIs}, {4, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"rsync", "--delete", "/a", "/b"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::rsync o;
  o.archive = true;
  o.deletedest = true;
  EXPECT_TRUE(rsync(ctx, "/a", "/b", o));
  o.archive = false;
  EXPECT_TRUE(rsync(ctx, "/a", "/b", o));
}

TEST(Rsync, ErrorNamesBothEndsAsGiven) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(23, "",
                              "rsync: [sender] change_dir \"/sysroot/a\" failed: No such file or "
                              "directory (2)\nrsync error: some files/attrs were not transferred "
                              "(see previous errors) (code 23) at main.c(1338) [sender=3.2.7]")))
      .WillOnce([](const Argv&, const ports::RunOptions&) -> Result<ports::ProcessResult> {
        return fail_with(ENOENT, "rsync: No such file or directory");
      });
  auto ctx = m.ctx();
  EXPECT_THAT(rsync(ctx, "/a/", "/b", {}),
              IsError(0, "'/a/' to '/b': rsync: [sender] change_dir \"/sysroot/a\" failed: No "
                         "such file or directory (2)\nrsync error: some files/attrs were not "
                         "transferred (see previous errors) (code 23) at main.c(1338) "
                         "[sender=3.2.7]"));
  EXPECT_THAT(rsync(ctx, "/a", "/b", {}),
              IsError(0, "'/a' to '/b': rsync: No such file or directory"));
}

TEST(RsyncIn, TheRemoteIsPassedAsItIs) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"rsync", "--archive", "rsync://10.0.2.2:999/src/", "/dest"},
                            GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(5, "", "@ERROR: Unknown module 'src'")));
  auto ctx = m.ctx();
  api::opt::rsync_in o;
  o.archive = true;
  EXPECT_TRUE(rsync_in(ctx, "rsync://10.0.2.2:999/src/", "/dest", o));
  EXPECT_THAT(rsync_in(ctx, "rsync://10.0.2.2:999/src/", "/dest", o),
              IsError(0, "'rsync://10.0.2.2:999/src/' to '/dest': @ERROR: Unknown module 'src'"));
}

TEST(RsyncOut, TheSourceIsTheGuestPath) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"rsync", "--delete", "/src", "rsync://host/dest/"},
                            GuestArgs({{2, Last::AsIs}})))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(10, "", "rsync: failed to connect to host: Connection refused")));
  auto ctx = m.ctx();
  api::opt::rsync_out o;
  o.deletedest = true;
  EXPECT_TRUE(rsync_out(ctx, "/src", "rsync://host/dest/", o));
  EXPECT_THAT(rsync_out(ctx, "/src", "rsync://host/dest/", o),
              IsError(0, "'/src' to 'rsync://host/dest/': rsync: failed to connect to host: "
                         "Connection refused"));
}

// Deliberately stricter than the original: any other remote is a path of the
// appliance for rsync, a way out of the sysroot. Nothing runs.
TEST(RsyncRemote, MustBeAnRsyncDaemon) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  const std::string why =
      ": the remote must be an rsync daemon: "
      "rsync://[user@]host[:port]/module[/path] or host::module[/path]";
  for (const std::string remote : {"/etc", "user.escape", "../x", "host:/path", "::module",
                                   "a/b::module", "", "RSYNC://host/m"}) {
    EXPECT_THAT(rsync_in(ctx, remote, "/dest", {}), IsError(EINVAL, remote + why)) << remote;
    EXPECT_THAT(rsync_out(ctx, "/src", remote, {}), IsError(EINVAL, remote + why)) << remote;
  }
}

TEST(RsyncRemote, DaemonAddressesAreAccepted) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(4).WillRepeatedly(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(rsync_in(ctx, "host::module/path", "/dest", {}));
  EXPECT_TRUE(rsync_in(ctx, "rsync://user@host:873/module", "/dest", {}));
  EXPECT_TRUE(rsync_out(ctx, "/src", "10.0.2.2::m", {}));
  EXPECT_TRUE(rsync_out(ctx, "/src", "rsync://h/m/p/", {}));
}

}  // namespace
}  // namespace gfsd::domain::test
