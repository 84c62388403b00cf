#include "domain/core/device_names.hpp"

#include <gtest/gtest.h>

namespace gfsd::domain {
namespace {

TEST(DriveIndex, BijectiveBase26) {
  EXPECT_EQ(drive_index("a"), 0u);
  EXPECT_EQ(drive_index("z"), 25u);
  EXPECT_EQ(drive_index("aa"), 26u);
  EXPECT_EQ(drive_index("ab"), 27u);
  EXPECT_EQ(drive_index("zz"), 701u);
  EXPECT_EQ(drive_index("aaa"), 702u);
  EXPECT_FALSE(drive_index(""));
  EXPECT_FALSE(drive_index("A"));
  EXPECT_FALSE(drive_index("a1"));
}

TEST(DriveName, InverseOfIndex) {
  for (size_t i : {0u, 1u, 25u, 26u, 27u, 701u, 702u, 18277u})
    EXPECT_EQ(drive_index(drive_name(i)), i) << i;
  EXPECT_EQ(drive_name(0), "a");
  EXPECT_EQ(drive_name(26), "aa");
}

const std::vector<std::string> kDisks = {"/dev/vda", "/dev/vdb", "/dev/sdc"};

TEST(TranslateDeviceName, ByIndexWithPartition) {
  EXPECT_EQ(translate_device_name("/dev/sda", kDisks), "/dev/vda");
  EXPECT_EQ(translate_device_name("/dev/sdb2", kDisks), "/dev/vdb2");
  EXPECT_EQ(translate_device_name("/dev/hdc", kDisks), "/dev/sdc");
  EXPECT_EQ(translate_device_name("/dev/xvdb1", kDisks), "/dev/vdb1");
}

TEST(TranslateDeviceName, LeavesOtherNamesAlone) {
  EXPECT_EQ(translate_device_name("/dev/sdd", kDisks), "/dev/sdd");  // out of range
  EXPECT_EQ(translate_device_name("/dev/md0", kDisks), "/dev/md0");
  EXPECT_EQ(translate_device_name("/dev/VG/LV", kDisks), "/dev/VG/LV");
  EXPECT_EQ(translate_device_name("/dev/mapper/x", kDisks), "/dev/mapper/x");
  EXPECT_EQ(translate_device_name("/dev/dm-0", kDisks), "/dev/dm-0");
  EXPECT_EQ(translate_device_name("/dev/loop0", kDisks), "/dev/loop0");
  EXPECT_EQ(translate_device_name("/tmp/sda", kDisks), "/tmp/sda");
}

TEST(DeviceNameFallbacks, OnlyForSd) {
  EXPECT_EQ(device_name_fallbacks("/dev/sdb1"),
            (std::vector<std::string>{"/dev/vdb1", "/dev/hdb1", "/dev/ubdb1"}));
  EXPECT_TRUE(device_name_fallbacks("/dev/vdb1").empty());
}

TEST(ReverseDeviceName, BackToLibraryNames) {
  EXPECT_EQ(reverse_device_name("/dev/vda", kDisks), "/dev/sda");
  EXPECT_EQ(reverse_device_name("/dev/vdb12", kDisks), "/dev/sdb12");
  EXPECT_EQ(reverse_device_name("/dev/sdc1", kDisks), "/dev/sdc1");
  // A longer name that merely starts with a disk's name is another device.
  EXPECT_EQ(reverse_device_name("/dev/vdaa", kDisks), "/dev/vdaa");
  EXPECT_EQ(reverse_device_name("/dev/VG/LV", kDisks), "/dev/VG/LV");
}

}  // namespace
}  // namespace gfsd::domain
