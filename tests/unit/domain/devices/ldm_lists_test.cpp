// list_ldm_volumes, list_ldm_partitions: the ldm_vol_* and ldm_part_* nodes
// of /dev/mapper, sorted.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/devices/device_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::Return;
using Names = std::vector<std::string>;

TEST(ListLdm, VolumesAndPartitionsByPrefix) {
  MockPorts m;
  ON_CALL(m.devices, kind("/dev/mapper")).WillByDefault(Return(ports::DeviceKind::Directory));
  ON_CALL(m.devices, list_dir("/dev/mapper"))
      .WillByDefault(Return(Names{"control", "ldm_vol_Dg0_Volume2", "ldm_part_Dg0_Disk1-01",
                                  "ldm_vol_Dg0_Volume1", "vg-lv", "xldm_vol_a"}));
  auto ctx = m.ctx();
  EXPECT_THAT(list_ldm_volumes(ctx), HasValue(Names{"/dev/mapper/ldm_vol_Dg0_Volume1",
                                                    "/dev/mapper/ldm_vol_Dg0_Volume2"}));
  EXPECT_THAT(list_ldm_partitions(ctx), HasValue(Names{"/dev/mapper/ldm_part_Dg0_Disk1-01"}));
}

TEST(ListLdm, NoMapperDirectoryIsNoError) {
  MockPorts m;
  ON_CALL(m.devices, kind("/dev/mapper")).WillByDefault(Return(ports::DeviceKind::Missing));
  EXPECT_CALL(m.devices, list_dir(testing::_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(list_ldm_volumes(ctx), HasValue(Names{}));
  EXPECT_THAT(list_ldm_partitions(ctx), HasValue(Names{}));
}

TEST(ListLdm, AnUnreadableDirectoryIsAnError) {
  MockPorts m;
  ON_CALL(m.devices, kind("/dev/mapper")).WillByDefault(Return(ports::DeviceKind::Directory));
  ON_CALL(m.devices, list_dir("/dev/mapper"))
      .WillByDefault(Return(fail_errno(EACCES, "/dev/mapper")));
  auto ctx = m.ctx();
  EXPECT_THAT(list_ldm_volumes(ctx), IsError(0, "/dev/mapper: Permission denied"));
}

}  // namespace
}  // namespace gfsd::domain::test
