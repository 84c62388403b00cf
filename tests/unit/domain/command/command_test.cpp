// command, command_lines, sh, sh_lines (bind mounts, chroot, errors), utsname.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/command/command_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

std::vector<ports::MountEntry> root_mounted() { return {{"/dev/sda1", "/sysroot", "ext4"}}; }

// What is bound where: guest paths, pinned by the runner (argv[3]).
const char* const kBinds[][2] = {
    {"/dev", "/dev"},   {"/dev/pts", "/dev/pts"},
    {"/proc", "/proc"}, {"/sys/fs/selinux", "/selinux"},
    {"/sys", "/sys"},   {"/sys/fs/selinux", "/sys/fs/selinux"},
};

TEST(Command, BindMountsRunChrootedUnmountsInReverse) {
  MockPorts m;
  ON_CALL(m.mounts, list()).WillByDefault(Return(root_mounted()));
  InSequence seq;
  for (const auto& b : kBinds)
    EXPECT_CALL(m.runner, run(Argv{"mount", "--bind", b[0], b[1]}, GuestArgs({{3, Last::Follow}})))
        .WillOnce(Return(exited(std::string(b[1]).find("selinux") != std::string::npos ? 32 : 0)));
  EXPECT_CALL(m.runner, run(Argv{"/bin/echo", "hi"}, Chrooted(true)))
      .WillOnce(Return(exited(0, "hi\n")));
  for (const char* t : {"/sysroot/sys", "/sysroot/proc", "/sysroot/dev/pts", "/sysroot/dev"})
    EXPECT_CALL(m.runner, run(Argv{"umount", t}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_THAT(command(ctx, {"/bin/echo", "hi"}), HasValue(std::string("hi\n")));
}

// A guest whose /dev is a symlink to "/" (and has no /proc): the bind goes
// where the link leads inside the guest, and is undone there.
TEST(Command, BindMountTargetsResolveInsideTheGuest) {
  MockPorts m;
  ON_CALL(m.mounts, list()).WillByDefault(Return(root_mounted()));
  ON_CALL(m.fs, realpath(_)).WillByDefault([](const std::string& p) -> Result<std::string> {
    if (p == "/dev" || p == "/") return std::string("/");
    if (p == "/sys") return std::string("/sys");
    return fail_with(ENOENT, p + ": No such file or directory");
  });
  InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"mount", "--bind", "/dev", "/"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"mount", "--bind", "/sys", "/sys"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"/bin/true"}, Chrooted(true))).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"umount", "/sysroot/sys"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"umount", "/sysroot/"}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(command(ctx, {"/bin/true"}));
}

TEST(Command, NeedsARootAndArguments) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  EXPECT_CALL(m.mounts, list())
      .WillOnce(Return(std::vector<ports::MountEntry>{}))
      .WillOnce(Return(root_mounted()));
  auto ctx = m.ctx();
  EXPECT_THAT(command(ctx, {"true"}),
              IsError(0, "do_command: you must call 'mount' first to mount the root filesystem"));
  EXPECT_THAT(command(ctx, {}), IsError(0, "passed an empty list"));
}

TEST(Command, FailureIsStderrOnlyAndExecFailureHasNoErrno) {
  MockPorts m;
  ON_CALL(m.mounts, list()).WillByDefault(Return(root_mounted()));
  EXPECT_CALL(m.runner, run(_, _)).WillRepeatedly(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"false"}, Chrooted(true)))
      .WillOnce(Return(exited(1, "out", "err text")));
  EXPECT_CALL(m.runner, run(Argv{"nope"}, Chrooted(true)))
      .WillOnce(Return(fail_errno(ENOENT, "nope")));
  auto ctx = m.ctx();
  EXPECT_THAT(command(ctx, {"false"}), IsError(0, "err text"));
  EXPECT_THAT(command(ctx, {"nope"}), IsError(0, "nope: No such file or directory"));
}

TEST(Command, OutputStopsAtANul) {
  MockPorts m;
  ON_CALL(m.mounts, list()).WillByDefault(Return(root_mounted()));
  EXPECT_CALL(m.runner, run(_, _)).WillRepeatedly(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"cat", "/bin/true"}, _))
      .WillOnce(Return(exited(0, std::string("ELF\0rest", 8))));
  auto ctx = m.ctx();
  EXPECT_THAT(command(ctx, {"cat", "/bin/true"}), HasValue(std::string("ELF")));
}

TEST(Sh, BinShDashC) {
  MockPorts m;
  ON_CALL(m.mounts, list()).WillByDefault(Return(root_mounted()));
  EXPECT_CALL(m.runner, run(_, _)).WillRepeatedly(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"/bin/sh", "-c", "echo a; echo b"}, Chrooted(true)))
      .WillRepeatedly(Return(exited(0, "a\nb\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(sh(ctx, "echo a; echo b"), HasValue(std::string("a\nb\n")));
  EXPECT_THAT(sh_lines(ctx, "echo a; echo b"), HasValue(Argv{"a", "b"}));
}

TEST(Command, NetworkSwapsResolvConfAndRestoresIt) {
  MockPorts m;
  m.config.network = true;
  ON_CALL(m.mounts, list()).WillByDefault(Return(root_mounted()));
  EXPECT_CALL(m.runner, run(_, _)).WillRepeatedly(Return(exited(0)));
  EXPECT_CALL(m.fs, stat("/etc/resolv.conf", false)).WillOnce(Return(stat_of(kSymlink)));
  EXPECT_CALL(m.fs, make_temp("/etc/XXXXXXXX", 0u)).WillOnce(Return(std::string("/etc/XXab12cd")));
  {
    InSequence seq;
    EXPECT_CALL(m.fs, rename("/etc/resolv.conf", "/etc/XXab12cd")).WillOnce(Return(Result<void>{}));
    EXPECT_CALL(m.runner, run(Argv{"cp", "/etc/resolv.conf", "/etc/resolv.conf"},
                              GuestArgs({{2, Last::Follow}})))
        .WillOnce(Return(exited(0)));
    EXPECT_CALL(m.runner, run(Argv{"ping", "x"}, Chrooted(true))).WillOnce(Return(exited(0, "ok")));
    EXPECT_CALL(m.fs, unlink("/etc/resolv.conf")).WillOnce(Return(Result<void>{}));
    EXPECT_CALL(m.fs, rename("/etc/XXab12cd", "/etc/resolv.conf")).WillOnce(Return(Result<void>{}));
  }
  auto ctx = m.ctx();
  EXPECT_THAT(command(ctx, {"ping", "x"}), HasValue(std::string("ok")));
}

TEST(Utsname, FromTheHost) {
  MockPorts m;
  EXPECT_CALL(m.host, uname())
      .WillOnce(Return(ports::KernelIdentity{"Linux", "6.1.0", "#1 SMP", "x86_64"}));
  auto ctx = m.ctx();
  EXPECT_THAT(utsname(ctx), HasValue(api::Utsname{"Linux", "6.1.0", "#1 SMP", "x86_64"}));
}

}  // namespace
}  // namespace gfsd::domain::test
