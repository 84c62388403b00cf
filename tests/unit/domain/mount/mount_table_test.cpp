// mounts and mountpoints: only what is at or below the sysroot, in kernel order.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/mount/mount_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::Return;

std::vector<ports::MountEntry> table() {
  return {{"/dev/root", "/", "ext4"},
          {"proc", "/proc", "proc"},
          {"/dev/sda2", "/sysroot", "ext4"},
          {"/dev/sda1", "/sysroot/boot", "ext2"},
          {"tmpfs", "/sysroots", "tmpfs"},
          {"/dev/sdb1", "/sysroot/boot/efi", "vfat"}};
}

TEST(Mounts, DevicesAtOrBelowTheSysroot) {
  MockPorts m;
  EXPECT_CALL(m.mounts, list()).WillOnce(Return(table()));
  auto ctx = m.ctx();
  EXPECT_THAT(mounts(ctx), HasValue(std::vector<std::string>{"/dev/sda2", "/dev/sda1",
                                                              "/dev/sdb1"}));
}

TEST(Mountpoints, GuestPathsWithTheSysrootRemoved) {
  MockPorts m;
  EXPECT_CALL(m.mounts, list()).WillOnce(Return(table()));
  auto ctx = m.ctx();
  EXPECT_THAT(mountpoints(ctx), HasValue(api::Hashtable{{"/dev/sda2", "/"},
                                                        {"/dev/sda1", "/boot"},
                                                        {"/dev/sdb1", "/boot/efi"}}));
}

TEST(Mountpoints, LiveModeListsEverything) {
  MockPorts m;
  m.config.sysroot = "";
  EXPECT_CALL(m.mounts, list()).WillOnce(Return(std::vector<ports::MountEntry>{
      {"/dev/root", "/", "ext4"}, {"proc", "/proc", "proc"}}));
  auto ctx = m.ctx();
  EXPECT_THAT(mountpoints(ctx), HasValue(api::Hashtable{{"/dev/root", "/"}, {"proc", "/proc"}}));
}

TEST(Mounts, LvsByTheirCanonicalNamesOtherDmDevicesAsTheyAre) {
  MockPorts m;
  EXPECT_CALL(m.mounts, list()).WillOnce(Return(std::vector<ports::MountEntry>{
      {"/dev/mapper/vg-root", "/sysroot", "ext4"},
      {"/dev/mapper/luks-1", "/sysroot/home", "ext4"},
      {"/dev/dm-0", "/sysroot/srv", "ext4"}}));
  EXPECT_CALL(m.runner, run(testing::_, testing::_))
      .WillRepeatedly(Return(exited(0, "  vg/root\n")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "lvs", "--help"}, testing::_))
      .WillRepeatedly(Return(exited(0, "[ -S|--select String ]")));
  ON_CALL(m.devices, rdev("/dev/mapper/vg-root")).WillByDefault(Return(uint64_t{0xfd00}));
  ON_CALL(m.devices, rdev("/dev/dm-0")).WillByDefault(Return(uint64_t{0xfd00}));
  ON_CALL(m.devices, rdev("/dev/vg/root")).WillByDefault(Return(uint64_t{0xfd00}));
  ON_CALL(m.devices, rdev("/dev/mapper/luks-1")).WillByDefault(Return(uint64_t{0xfd01}));
  auto ctx = m.ctx();
  auto r = mounts(ctx);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, (std::vector<std::string>{"/dev/vg/root", "/dev/mapper/luks-1", "/dev/vg/root"}));
}

TEST(Mounts, NothingMounted) {
  MockPorts m;
  EXPECT_CALL(m.mounts, list()).WillOnce(Return(std::vector<ports::MountEntry>{}));
  auto ctx = m.ctx();
  EXPECT_THAT(mounts(ctx), HasValue(std::vector<std::string>{}));
}

}  // namespace
}  // namespace gfsd::domain::test
