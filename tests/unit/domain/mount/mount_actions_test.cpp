// mount, mount_ro, mount_options, mount_vfs, umount, mkmountpoint, mount_loop, remount.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/mount/mount_actions.hpp"
#include "domain/mount/mount_helpers.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

TEST(MountArgv, OptionsTypeDeviceAndTarget) {
  EXPECT_EQ(mount_argv("", "", device("/dev/sda1"), "/"),
            (Argv{"mount", "/dev/sda1", "/"}));
  EXPECT_EQ(mount_argv("ro", "", device("/dev/sda1"), "/boot"),
            (Argv{"mount", "-o", "ro", "/dev/sda1", "/boot"}));
  EXPECT_EQ(mount_argv("noatime", "ext4", device("/dev/sda1"), "mnt"),
            (Argv{"mount", "-o", "noatime", "-t", "ext4", "/dev/sda1", "/mnt"}));
}

TEST(MountArgv, BtrfsSubvolumeGoesFirstInTheOptions) {
  EXPECT_EQ(mount_argv("", "", btrfsvol("/dev/sda1", "root"), "/"),
            (Argv{"mount", "-o", "subvol=root", "/dev/sda1", "/"}));
  EXPECT_EQ(mount_argv("ro", "btrfs", btrfsvol("/dev/sda1", "a/b"), "/"),
            (Argv{"mount", "-o", "subvol=a/b,ro", "-t", "btrfs", "/dev/sda1", "/"}));
}

TEST(Mount, RunsMountOnADirectory) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.runner, run(Argv{"mount", "/dev/sda1", "/"}, GuestArgs({{2, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(mount(ctx, device("/dev/sda1"), "/"));
}

TEST(Mount, MountPointMustBeADirectory) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.fs, stat("/gone", true)).WillOnce(Return(fail_errno(ENOENT, "/gone")));
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(mount(ctx, device("/dev/sda1"), "/f"),
              IsError(0, "mount: /f: mount point is not a directory"));
  EXPECT_THAT(mount_ro(ctx, device("/dev/sda1"), "/gone"),
              IsError(0, "mount: /gone: mount point is not a directory"));
}

TEST(Mount, RelativeMountPointIsUnderTheSysroot) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/mnt", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "ro", "/dev/sda1", "/mnt"}, GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(mount_ro(ctx, device("/dev/sda1"), "mnt"));
}

TEST(Mount, FailureCarriesMountsStderr) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "x", "-t", "xfs", "/dev/sda1", "/"}, _))
      .WillOnce(Return(exited(32, "", "mount: /sysroot: wrong fs type.")));
  auto ctx = m.ctx();
  EXPECT_THAT(mount_vfs(ctx, "x", "xfs", device("/dev/sda1"), "/"),
              IsError(0, "mount exited with status 32: mount: /sysroot: wrong fs type."));
}

TEST(Mount, OptionsVariant) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "noatime", "/dev/sdb", "/"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(mount_options(ctx, "noatime", device("/dev/sdb"), "/"));
}

TEST(Umount, PathIsUnderTheSysrootDeviceIsNot) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/mnt")).WillOnce(Return(Result<std::string>("/mnt")));
  EXPECT_CALL(m.runner, run(Argv{"umount", "/sysroot/mnt"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"umount", "-f", "-l", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(umount(ctx, api::DevOrPath{false, "/mnt"}, {}));
  api::opt::umount opts;
  opts.force = true;
  opts.lazyunmount = true;
  EXPECT_TRUE(umount(ctx, api::DevOrPath{true, "/dev/sda1"}, opts));
}

// /link -> /etc in the guest: umount is pointed at the guest's /etc, never
// the appliance's.
TEST(Umount, SymlinksResolveInsideTheSysroot) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/link")).WillOnce(Return(Result<std::string>("/etc")));
  EXPECT_CALL(m.runner, run(Argv{"umount", "/sysroot/etc"}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(umount(ctx, api::DevOrPath{false, "/link"}, {}));
}

TEST(Umount, FalseOptionsAddNothingAndErrorsNameTheArgument) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/")).WillOnce(Return(Result<std::string>("/")));
  EXPECT_CALL(m.runner, run(Argv{"umount", "/sysroot/"}, _))
      .WillOnce(Return(exited(32, "", "umount: /sysroot/: not mounted.")));
  auto ctx = m.ctx();
  api::opt::umount opts;
  opts.force = false;
  EXPECT_THAT(umount(ctx, api::DevOrPath{false, "/"}, opts),
              IsError(0, "/: umount: /sysroot/: not mounted."));
}

TEST(Mkmountpoint, NoRootCheckButAbsolutePath) {
  MockPorts m;
  EXPECT_CALL(m.fs, mkdir("/cd", 0777u)).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.fs, rmdir("/cd")).WillOnce(Return(fail_errno(ENOTEMPTY, "/cd")));
  auto ctx = m.ctx();
  EXPECT_TRUE(mkmountpoint(ctx, "/cd"));
  EXPECT_THAT(mkmountpoint(ctx, "cd"),
              IsError(0, "do_mkmountpoint: path must start with a / character"));
  EXPECT_THAT(rmmountpoint(ctx, ""),
              IsError(0, "do_rmmountpoint: path must start with a / character"));
  EXPECT_THAT(rmmountpoint(ctx, "/cd"), IsError(ENOTEMPTY, "/cd: Directory not empty"));
}

TEST(MountLoop, BothPathsAreGuestPaths) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "loop", "/img", "/mnt"},
                            GuestArgs({{3, Last::Follow}, {4, Last::Follow}})))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(32, "", "mount: failed")));
  auto ctx = m.ctx();
  EXPECT_TRUE(mount_loop(ctx, "/img", "/mnt"));
  EXPECT_THAT(mount_loop(ctx, "/img", "/mnt"), IsError(0, "/img on /mnt: mount: failed"));
}

TEST(Remount, RwMustBeGiven) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "remount,ro", "/"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(1, "", "bad")));
  auto ctx = m.ctx();
  EXPECT_THAT(remount(ctx, "/", {}), IsError(0, "parameter 'rw' must be specified"));
  api::opt::remount opts;
  opts.rw = false;
  EXPECT_THAT(remount(ctx, "/", opts), IsError(0, "/: remount,ro: bad"));
}

}  // namespace
}  // namespace gfsd::domain::test
