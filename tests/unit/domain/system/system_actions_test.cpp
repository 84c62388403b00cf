// scrub_*, selinux_relabel, modprobe, f2fs_expand: their command lines and
// the original's error texts.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/system/system_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::Return;

TEST(ScrubDevice, RunsScrubOnTheDevice) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"scrub", "/dev/sdc"}, AllOf(Chrooted(false), GuestArgs({}))))
      .WillOnce(Return(exited(0, "scrub: using NNSA NAP-14.1-C patterns\n")));
  auto ctx = m.ctx();
  EXPECT_TRUE(scrub_device(ctx, "/dev/sdc"));
}

TEST(ScrubDevice, ErrorsNameTheDevice) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(1, "", "scrub: /dev/sdc already scrubbed? (-f to force)")))
      .WillOnce(Return(fail_with(ENOENT, "scrub: No such file or directory")));
  auto ctx = m.ctx();
  EXPECT_THAT(scrub_device(ctx, "/dev/sdc"),
              IsError(0, "/dev/sdc: scrub: /dev/sdc already scrubbed? (-f to force)"));
  EXPECT_THAT(scrub_device(ctx, "/dev/sdc"), IsError(0, "/dev/sdc: scrub: No such file or directory"));
}

TEST(ScrubFile, ScrubsAndRemovesTheResolvedFile) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/link")).WillOnce(Return(std::string("/etc/secret")));
  EXPECT_CALL(m.runner,
              run(Argv{"scrub", "-r", "/etc/secret"}, AllOf(Chrooted(false), GuestArgs({{2, Last::AsIs}}))))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(scrub_file(ctx, "/link"));
}

// C API tests scrub_file_2 (a dangling link) and scrub_file_3 (a link out
// of the guest, "../sysroot/..."): the name does not resolve, and the
// original said so as "malloc: <strerror>".
TEST(ScrubFile, AnUnresolvableNameIsTheOriginalsMallocError) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/scrub_file_3_link")).WillOnce(Return(fail_errno(ENOENT, "x")));
  EXPECT_CALL(m.fs, realpath("/loop")).WillOnce(Return(fail_errno(ELOOP, "x")));
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(scrub_file(ctx, "/scrub_file_3_link"),
              IsError(ENOENT, "malloc: No such file or directory"));
  EXPECT_THAT(scrub_file(ctx, "/loop"), IsError(ELOOP, "malloc: Too many levels of symbolic links"));
}

// scrub refuses a directory itself; the error names the path asked for.
TEST(ScrubFile, ADirectoryIsScrubsRefusal) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/d/")).WillOnce(Return(std::string("/d")));
  EXPECT_CALL(m.runner, run(Argv{"scrub", "-r", "/d"}, _))
      .WillOnce(Return(exited(1, "", "scrub: /sysroot/d is wrong type of file")));
  auto ctx = m.ctx();
  EXPECT_THAT(scrub_file(ctx, "/d/"), IsError(0, "/d/: scrub: /sysroot/d is wrong type of file"));
}

TEST(ScrubFreespace, FillsANewDirectory) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"scrub", "-X", "/fill"}, GuestArgs({{2, Last::AsIs}})))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(1, "", "scrub: mkdir /sysroot/fill: File exists")));
  auto ctx = m.ctx();
  EXPECT_TRUE(scrub_freespace(ctx, "/fill"));
  EXPECT_THAT(scrub_freespace(ctx, "/fill"),
              IsError(0, "/fill: scrub: mkdir /sysroot/fill: File exists"));
}

TEST(Modprobe, LoadsTheModule) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"modprobe", "fat"}, AllOf(Chrooted(false), FoldsStdout(false))))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"modprobe", "nope"}, _))
      .WillOnce(Return(exited(1, "", "modprobe: FATAL: Module nope not found in directory /lib/modules/6.1.0")));
  auto ctx = m.ctx();
  EXPECT_TRUE(modprobe(ctx, "fat"));
  EXPECT_THAT(modprobe(ctx, "nope"),
              IsError(0, "modprobe: FATAL: Module nope not found in directory /lib/modules/6.1.0"));
}

TEST(F2fsExpand, RunsResizeF2fsWithStdoutInTheError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"resize.f2fs", "/dev/sda1"}, FoldsStdout(true)))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(255, "", "Info: ...\n\tError: Not available on mounted device!")));
  auto ctx = m.ctx();
  EXPECT_TRUE(f2fs_expand(ctx, "/dev/sda1"));
  EXPECT_THAT(f2fs_expand(ctx, "/dev/sda1"),
              IsError(0, "Info: ...\n\tError: Not available on mounted device!"));
}

// What the guest paths resolve to (each exists, none is a link).
void guest_tree(MockPorts& m) {
  ON_CALL(m.fs, realpath(_)).WillByDefault([](const std::string& p) -> Result<std::string> {
    return p;
  });
}

// setfiles's answers to "setfiles -m" and "setfiles -C" alone.
void setfiles_knows(MockPorts& m, bool m_option, bool c_option) {
  auto answer = [](bool knows, char opt) {
    return exited(1, "",
                  knows ? "usage:  setfiles [-diIDlmnpqvCEFWT] spec_file pathname..."
                        : std::string("setfiles: invalid option -- '") + opt + "'\nusage: ...");
  };
  EXPECT_CALL(m.runner, run(Argv{"setfiles", "-m"}, _)).WillOnce(Return(answer(m_option, 'm')));
  EXPECT_CALL(m.runner, run(Argv{"setfiles", "-C"}, _)).WillOnce(Return(answer(c_option, 'C')));
}

TEST(SelinuxRelabel, TheOriginalsCommandLine) {
  MockPorts m;
  guest_tree(m);
  setfiles_knows(m, true, true);
  const std::string spec = "/etc/selinux/targeted/contexts/files/file_contexts";
  EXPECT_CALL(m.runner, run(Argv{"setfiles", "-F", "-e", "/sysroot/dev", "-e", "/sysroot/proc",
                                 "-e", "/sysroot/selinux", "-e", "/sysroot/sys", "-m", "-C", "-r",
                                 "/sysroot", "-q", spec, "/sysroot/"},
                            AllOf(Chrooted(false), GuestArgs({{15, Last::Follow}}))))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::selinux_relabel o;
  o.force = true;
  EXPECT_TRUE(selinux_relabel(ctx, spec, "/", o));
}

TEST(SelinuxRelabel, OptionsSetfilesLacksAreLeftOutAndAskedOnce) {
  MockPorts m;
  guest_tree(m);
  m.config.verbose = true;
  setfiles_knows(m, false, false);
  EXPECT_CALL(m.runner, run(Argv{"setfiles", "-e", "/sysroot/dev", "-e", "/sysroot/proc", "-e",
                                 "/sysroot/selinux", "-e", "/sysroot/sys", "-r", "/sysroot", "-v",
                                 "/spec", "/sysroot/home"},
                            GuestArgs({{12, Last::Follow}})))
      .Times(2)
      .WillRepeatedly(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(selinux_relabel(ctx, "/spec", "/home", {}));
  EXPECT_TRUE(selinux_relabel(ctx, "/spec", "/home", {}));
}

// Live mode: the guest is the appliance's own "/", which the original still
// hands to -r as its empty sysroot name.
TEST(SelinuxRelabel, LiveModeGivesAnEmptyRoot) {
  MockPorts m;
  m.config.sysroot = "";
  guest_tree(m);
  setfiles_knows(m, true, true);
  EXPECT_CALL(m.runner, run(Argv{"setfiles", "-e", "/dev", "-e", "/proc", "-e", "/selinux", "-e",
                                 "/sys", "-m", "-C", "-r", "", "-q", "/spec", "/"},
                            _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(selinux_relabel(ctx, "/spec", "/", {}));
}

// With -C, status 1 means some files could not be relabelled: not an error.
TEST(SelinuxRelabel, StatusOneIsSuccessOnlyWithC) {
  MockPorts m;
  guest_tree(m);
  setfiles_knows(m, true, true);
  EXPECT_CALL(m.runner, run(testing::Contains(std::string("/sysroot/")), _))
      .WillOnce(Return(exited(1, "", "setfiles: could not set context")))
      .WillOnce(Return(exited(255, "", "setfiles: fatal")));
  auto ctx = m.ctx();
  EXPECT_TRUE(selinux_relabel(ctx, "/spec", "/", {}));
  EXPECT_THAT(selinux_relabel(ctx, "/spec", "/", {}), IsError(0, "setfiles: fatal"));
}

TEST(SelinuxRelabel, StatusOneFailsWithoutC) {
  MockPorts m;
  guest_tree(m);
  setfiles_knows(m, true, false);
  EXPECT_CALL(m.runner, run(testing::Contains(std::string("/sysroot/")), _))
      .WillOnce(Return(exited(1, "", "setfiles: could not set context")));
  auto ctx = m.ctx();
  EXPECT_THAT(selinux_relabel(ctx, "/spec", "/", {}),
              IsError(0, "setfiles: could not set context"));
}

}  // namespace
}  // namespace gfsd::domain::test
