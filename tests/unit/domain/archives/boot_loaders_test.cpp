// syslinux, extlinux, grub_install: command lines and the original's errors.
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

Result<ports::ProcessResult> not_found(const Argv& argv, const ports::RunOptions&) {
  return fail_with(ENOENT, argv[0] + ": No such file or directory");
}

TEST(Syslinux, TheDeviceAndTheDirectoryOnIt) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"syslinux", "--install", "--force", "/dev/sda1"},
                            AllOf(GuestArgs({}), Chrooted(false))))
      .WillOnce(Return(exited(0)));
  // The directory is inside the device's filesystem, not a sysroot path.
  EXPECT_CALL(m.runner, run(Argv{"syslinux", "--install", "--force", "--directory", "/syslinux",
                                 "/dev/sda1"},
                            GuestArgs({})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(syslinux(ctx, "/dev/sda1", {}));
  api::opt::syslinux o;
  o.directory = "/syslinux";
  EXPECT_TRUE(syslinux(ctx, "/dev/sda1", o));
}

TEST(Syslinux, ErrorIsStderrAlone) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(1, "", "syslinux: invalid media signature (not a FAT filesystem?)")))
      .WillOnce(not_found);
  auto ctx = m.ctx();
  EXPECT_THAT(syslinux(ctx, "/dev/sda1", {}),
              IsError(0, "syslinux: invalid media signature (not a FAT filesystem?)"));
  EXPECT_THAT(syslinux(ctx, "/dev/sda1", {}), IsError(0, "syslinux: No such file or directory"));
}

TEST(Extlinux, TheDirectoryIsAGuestArgument) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"extlinux", "--install", "/boot/extlinux"},
                            AllOf(GuestArgs({{2, Last::Follow}}), Chrooted(false))))
      .WillOnce(Return(exited(0, "/sysroot/boot/extlinux is device /dev/sda1\n")));
  auto ctx = m.ctx();
  EXPECT_TRUE(extlinux(ctx, "/boot/extlinux"));
}

TEST(Extlinux, ErrorIsPrefixedWithTheDirectory) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(1, "", "extlinux: cannot open device /dev/sda1")))
      .WillOnce(not_found);
  auto ctx = m.ctx();
  EXPECT_THAT(extlinux(ctx, "/boot"), IsError(0, "/boot: extlinux: cannot open device /dev/sda1"));
  EXPECT_THAT(extlinux(ctx, "/boot"), IsError(0, "/boot: extlinux: No such file or directory"));
}

TEST(GrubInstall, TheRootDirectoryIsAGuestArgumentOfItsOwn) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"grub-install", "--root-directory", "/", "/dev/sda"},
                            AllOf(GuestArgs({{2, Last::Follow}}), Chrooted(false))))
      .WillOnce(Return(exited(0, "Installation finished. No error reported.\n")));
  auto ctx = m.ctx();
  EXPECT_TRUE(grub_install(ctx, "/", "/dev/sda"));
}

TEST(GrubInstall, ErrorIsStderrAndTheOutputGoesToTheLog) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(1, "Installing for i386-pc platform.\n",
                              "grub-install: error: cannot find a device for /sysroot/boot/grub.")))
      .WillOnce(not_found);
  EXPECT_CALL(m.log, debug("grub output:\nInstalling for i386-pc platform.\n\n"));
  auto ctx = m.ctx();
  EXPECT_THAT(grub_install(ctx, "/", "/dev/sda"),
              IsError(0, "grub-install: error: cannot find a device for /sysroot/boot/grub."));
  EXPECT_THAT(grub_install(ctx, "/", "/dev/sda"),
              IsError(0, "grub-install: No such file or directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
