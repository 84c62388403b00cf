// Listing LVM objects without running lvm when no device can hold a PV.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_labels.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::IsEmpty;
using testing::Return;

const Argv kPvs{"lvm", "pvs", "-o", "pv_name", "--noheadings"};

// Four sectors of zeroes, or with an LVM label header in sector `sector`.
std::string head(int label_sector = -1, const char* type = "LVM2 001") {
  std::string h(2048, '\0');
  if (label_sector >= 0) {
    h.replace(label_sector * 512, 8, "LABELONE");
    h.replace(label_sector * 512 + 24, 8, type);
  }
  return h;
}

void devices_are(MockPorts& m, std::vector<std::string> names) {
  EXPECT_CALL(m.devices, list_dir("/sys/class/block")).WillRepeatedly(Return(Result<std::vector<std::string>>(names)));
}

TEST(LvmLabels, NoLabelAnywhereMeansNoLvmCommand) {
  MockPorts m;
  devices_are(m, {"sda", "sda1", "sdb", "sr0", "loop0"});
  EXPECT_CALL(m.devices, read_head_uncached("/dev/sda", 2048)).WillRepeatedly(Return(head()));
  EXPECT_CALL(m.devices, read_head_uncached("/dev/sda1", 2048)).WillRepeatedly(Return(head()));
  // The label type must match too: another label kind in the LABELONE format.
  EXPECT_CALL(m.devices, read_head_uncached("/dev/sdb", 2048))
      .WillRepeatedly(Return(head(1, "OTHER001")));
  EXPECT_CALL(m.devices, read_head_uncached("/dev/sr0", 2048))
      .WillRepeatedly(Return(Result<std::string>(fail_errno(ENOMEDIUM, "open: /dev/sr0"))));
  EXPECT_CALL(m.devices, read_head_uncached("/dev/loop0", 2048))
      .WillRepeatedly(Return(Result<std::string>(std::string())));  // unbound: 0 bytes
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  EXPECT_CALL(m.devices, settle("")).Times(1);  // lvm_remove_all's last settle, as before
  auto ctx = m.ctx();
  EXPECT_TRUE(no_lvm_label_anywhere(ctx));
  auto p = pvs(ctx);
  auto v = vgs(ctx);
  auto l = lvs(ctx);
  ASSERT_TRUE(p && v && l);
  EXPECT_THAT(*p, IsEmpty());
  EXPECT_THAT(*v, IsEmpty());
  EXPECT_THAT(*l, IsEmpty());
  EXPECT_TRUE(lvm_remove_all(ctx));
}

TEST(LvmLabels, ALabelInAnyOfTheFirstFourSectorsRunsLvm) {
  for (int sector = 0; sector < 4; ++sector) {
    MockPorts m;
    devices_are(m, {"sda", "sda1"});
    EXPECT_CALL(m.devices, read_head_uncached("/dev/sda", 2048)).WillRepeatedly(Return(head()));
    EXPECT_CALL(m.devices, read_head_uncached("/dev/sda1", 2048))
        .WillRepeatedly(Return(head(sector)));
    EXPECT_CALL(m.runner, run(kPvs, _)).WillOnce(Return(exited(0, "  /dev/sda1\n")));
    auto ctx = m.ctx();
    EXPECT_FALSE(no_lvm_label_anywhere(ctx)) << "sector " << sector;
    auto r = pvs(ctx);
    ASSERT_TRUE(r);
    EXPECT_THAT(*r, testing::ElementsAre("/dev/sda1"));
  }
}

TEST(LvmLabels, ADeviceMapperDeviceRunsLvmWithoutReadingAnyDevice) {
  MockPorts m;
  devices_are(m, {"sda", "dm-0"});
  EXPECT_CALL(m.devices, read_head_uncached(_, _)).Times(0);  // no device is read at all
  EXPECT_CALL(m.runner, run(kPvs, _)).WillOnce(Return(exited(0, "")));
  auto ctx = m.ctx();
  EXPECT_TRUE(pvs(ctx));
}

TEST(LvmLabels, AnUnreadableDeviceOrListingRunsLvm) {
  {
    MockPorts m;
    devices_are(m, {"sda"});
    EXPECT_CALL(m.devices, read_head_uncached("/dev/sda", 2048))
        .WillRepeatedly(Return(Result<std::string>(fail_errno(EIO, "pread: /dev/sda"))));
    EXPECT_CALL(m.runner, run(kPvs, _)).WillOnce(Return(exited(0, "")));
    auto ctx = m.ctx();
    EXPECT_FALSE(no_lvm_label_anywhere(ctx));
    EXPECT_TRUE(pvs(ctx));
  }
  {
    MockPorts m;  // list_dir fails (the mock's default)
    EXPECT_CALL(m.runner, run(kPvs, _)).WillOnce(Return(exited(0, "")));
    auto ctx = m.ctx();
    EXPECT_FALSE(no_lvm_label_anywhere(ctx));
    EXPECT_TRUE(pvs(ctx));
  }
}

}  // namespace
}  // namespace gfsd::domain::test
