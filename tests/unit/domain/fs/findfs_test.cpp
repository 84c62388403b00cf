// findfs_label, findfs_uuid: findfs(8) after blkid's caches are gone; an LV
// under its /dev/VG/LV name.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/fs/fs_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

const Argv kLvsSelect{"lvm", "lvs", "-o", "vg_name,lv_name", "-S",
                      "lv_role=public && lv_skip_activation!=yes", "--noheadings",
                      "--separator", "/"};

TEST(Findfs, CachesRemovedThenFindfsTrimmed) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.devices, remove_file("/etc/blkid/blkid.tab"));
  EXPECT_CALL(m.devices, remove_file("/run/blkid/blkid.tab"));
  EXPECT_CALL(m.runner, run(Argv{"findfs", "LABEL=my root"}, _))
      .WillOnce(Return(exited(0, "/dev/sda1\n")));
  EXPECT_CALL(m.devices, remove_file("/etc/blkid/blkid.tab"));
  EXPECT_CALL(m.devices, remove_file("/run/blkid/blkid.tab"));
  EXPECT_CALL(m.runner, run(Argv{"findfs", "UUID=1234-ABCD"}, _))
      .WillOnce(Return(exited(0, " /dev/sdb2 \n")));
  auto ctx = m.ctx();
  EXPECT_THAT(findfs_label(ctx, "my root"), HasValue(std::string("/dev/sda1")));
  EXPECT_THAT(findfs_uuid(ctx, "1234-ABCD"), HasValue(std::string("/dev/sdb2")));
}

TEST(Findfs, AnLvByItsCanonicalName) {
  MockPorts m;
  m.state.lvs_has_select = 1;
  EXPECT_CALL(m.runner, run(Argv{"findfs", "LABEL=data"}, _))
      .WillOnce(Return(exited(0, "/dev/mapper/vg-data\n")));
  EXPECT_CALL(m.runner, run(kLvsSelect, _)).WillOnce(Return(exited(0, "  vg/root\n  vg/data\n")));
  EXPECT_CALL(m.devices, rdev("/dev/mapper/vg-data")).WillOnce(Return(uint64_t{0xfd01}));
  EXPECT_CALL(m.devices, rdev("/dev/vg/data")).WillOnce(Return(uint64_t{0xfd01}));
  // The LVs are looked at in sorted order, so the search may end before vg/root.
  EXPECT_CALL(m.devices, rdev("/dev/vg/root"))
      .Times(testing::AtMost(1))
      .WillRepeatedly(Return(uint64_t{0xfd00}));
  auto ctx = m.ctx();
  EXPECT_THAT(findfs_label(ctx, "data"), HasValue(std::string("/dev/vg/data")));
}

TEST(Findfs, ADeviceMapperDeviceThatIsNoLvAsItIs) {
  MockPorts m;
  m.state.lvs_has_select = 1;
  EXPECT_CALL(m.runner, run(Argv{"findfs", "UUID=u"}, _))
      .WillOnce(Return(exited(0, "/dev/dm-2\n")));
  EXPECT_CALL(m.runner, run(kLvsSelect, _)).WillOnce(Return(exited(0, "  vg/root\n")));
  EXPECT_CALL(m.devices, rdev("/dev/dm-2")).WillOnce(Return(uint64_t{0xfd02}));
  EXPECT_CALL(m.devices, rdev("/dev/vg/root")).WillOnce(Return(uint64_t{0xfd00}));
  auto ctx = m.ctx();
  EXPECT_THAT(findfs_uuid(ctx, "u"), HasValue(std::string("/dev/dm-2")));
}

TEST(Findfs, Errors) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"findfs", "LABEL=none"}, _))
      .WillOnce(Return(exited(1, "", "findfs: unable to resolve 'LABEL=none'")));
  EXPECT_CALL(m.runner, run(Argv{"findfs", "LABEL=gone"}, _))
      .WillOnce(Return(exited(0, "/dev/mapper/gone\n")));
  EXPECT_CALL(m.devices, rdev("/dev/mapper/gone"))
      .WillOnce(Return(fail_errno(ENOENT, "/dev/mapper/gone")));
  auto ctx = m.ctx();
  EXPECT_THAT(findfs_label(ctx, "none"),
              IsError(0, "findfs exited with status 1: findfs: unable to resolve 'LABEL=none'"));
  EXPECT_THAT(findfs_label(ctx, "gone"),
              IsError(ENOENT, "stat: /dev/mapper/gone: No such file or directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
