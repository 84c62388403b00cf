// list_filesystems: which devices are probed, in which order, what is skipped.
#include <map>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/fs/fs_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Invoke;
using testing::Return;

std::string joined(const Argv& argv) {
  std::string s;
  for (const auto& a : argv) s += (s.empty() ? "" : " ") + a;
  return s;
}

// A guest: sda a bare ext4 disk; sdb GPT with a filesystem, a PV and a
// Microsoft reserved partition; one LV; an empty /dev/mapper.
struct Guest {
  MockPorts m;
  std::vector<std::string> disks{"/dev/sda", "/dev/sdb"};
  std::map<std::string, Result<ports::ProcessResult>> outputs{
      {"blkid -c /dev/null -o value -s TYPE /dev/sda", exited(0, "ext4\n")},
      {"blkid -c /dev/null -o value -s TYPE /dev/sdb1", exited(0, "xfs\n")},
      {"blkid -c /dev/null -o value -s TYPE /dev/sdb2", exited(0, "LVM2_member\n")},
      {"blkid -c /dev/null -o value -s TYPE /dev/sdb3", exited(0, "ntfs\n")},
      {"blkid -c /dev/null -o value -s TYPE /dev/vg/lv", exited(2)},
      {"parted -m -s -- /dev/sdb unit b print",
       exited(0, "BYT;\n/dev/sdb:1073741824B:scsi:512:512:gpt:QEMU QEMU HARDDISK:;\n"
                 "1:1048576B:2097151B:1048576B:xfs::;\n")},
      {"sgdisk /dev/sdb -i 1",
       exited(0, "", "Partition GUID code: 0FC63DAF-8483-4772-8E79-3D69D8477DE4 (Linux)")},
      {"sgdisk /dev/sdb -i 2",
       exited(0, "", "Partition GUID code: E6D6D379-F507-44C2-A23C-238F2A3DF928 (Linux LVM)")},
      {"sgdisk /dev/sdb -i 3",
       exited(0, "", "Partition GUID code: E3C9E316-0B5C-4DB8-817D-F92DF00215AE (Microsoft reserved)")},
      {"lvm lvs --help", exited(0, "  lvs\n\t[ -S|--select String ]\n")},
      {"lvm lvs -o vg_name,lv_name -S lv_role=public && lv_skip_activation!=yes --noheadings "
       "--separator /",
       exited(0, "  vg/lv\n")},
  };
  std::vector<std::string> probed;

  Guest() {
    ON_CALL(m.devices, scan_disks()).WillByDefault(Return(disks));
    ON_CALL(m.devices, list_dir("/sys/block/sda"))
        .WillByDefault(Return(std::vector<std::string>{"queue", "size"}));
    ON_CALL(m.devices, list_dir("/sys/block/sdb"))
        .WillByDefault(Return(std::vector<std::string>{"sdb3", "sdb1", "queue", "sdb2"}));
    ON_CALL(m.devices, list_dir("/sys/block"))
        .WillByDefault(Return(std::vector<std::string>{"sda", "sdb", "dm-0"}));
    ON_CALL(m.devices, list_dir("/dev/mapper"))
        .WillByDefault(Return(std::vector<std::string>{"control"}));
    ON_CALL(m.host, program_exists("lvm")).WillByDefault(Return(true));
    ON_CALL(m.runner, run(_, _)).WillByDefault(Invoke([this](const Argv& argv, const auto&) {
      const std::string key = joined(argv);
      if (argv[0] == "blkid") probed.push_back(argv.back());
      auto it = outputs.find(key);
      if (it == outputs.end()) return exited(1, "", "unexpected: " + key);
      return it->second;
    }));
  }
};

TEST(ListFilesystems, WholeDisksPartitionsThenLvs) {
  Guest g;
  auto ctx = g.m.ctx();
  auto r = list_filesystems(ctx);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, (api::Hashtable{{"/dev/sda", "ext4"}, {"/dev/sdb1", "xfs"}, {"/dev/vg/lv", "unknown"}}));
  // sdb itself is partitioned; sdb3 is a Microsoft reserved partition.
  EXPECT_EQ(g.probed, (std::vector<std::string>{"/dev/sda", "/dev/sdb1", "/dev/sdb2", "/dev/vg/lv"}));
}

TEST(ListFilesystems, NoLvmProgramNoLvs) {
  Guest g;
  ON_CALL(g.m.host, program_exists("lvm")).WillByDefault(Return(false));
  auto ctx = g.m.ctx();
  auto r = list_filesystems(ctx);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, (api::Hashtable{{"/dev/sda", "ext4"}, {"/dev/sdb1", "xfs"}}));
}

TEST(ListFilesystems, BtrfsDeviceThenItsNonDefaultSubvolumes) {
  Guest g;
  g.disks = {"/dev/sda"};
  ON_CALL(g.m.devices, scan_disks()).WillByDefault(Return(g.disks));
  ON_CALL(g.m.host, program_exists("lvm")).WillByDefault(Return(false));
  g.outputs["blkid -c /dev/null -o value -s TYPE /dev/sda"] = exited(0, "btrfs\n");
  g.outputs["mktemp -d /tmp/btrfsXXXXXX"] = exited(0, "/tmp/btrfsAbc123\n");
  g.outputs["mount /dev/sda /tmp/btrfsAbc123"] = exited(0);
  g.outputs["umount /tmp/btrfsAbc123"] = exited(0);
  g.outputs["rmdir /tmp/btrfsAbc123"] = exited(0);
  g.outputs["btrfs subvolume list /tmp/btrfsAbc123"] =
      exited(0, "ID 256 gen 7 top level 5 path root\nID 257 gen 8 top level 5 path home/x y\n");
  g.outputs["btrfs subvolume get-default /tmp/btrfsAbc123"] =
      exited(0, "ID 256 gen 7 top level 5 path root\n");
  auto ctx = g.m.ctx();
  auto r = list_filesystems(ctx);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, (api::Hashtable{{"/dev/sda", "btrfs"}, {"btrfsvol:/dev/sda/home/x y", "btrfs"}}));
}

TEST(BtrfsSubvolumeList, ParsesAndUnmounts) {
  MockPorts m;
  testing::InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"mktemp", "-d", "/tmp/btrfsXXXXXX"}, _))
      .WillOnce(Return(exited(0, "/tmp/btrfsQ\n")));
  EXPECT_CALL(m.runner, run(Argv{"mount", "-o", "subvol=a", "/dev/sda1", "/tmp/btrfsQ"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "list", "/tmp/btrfsQ"}, _))
      .WillOnce(Return(exited(0, "ID 258 top level 5 path b\n")));
  EXPECT_CALL(m.runner, run(Argv{"umount", "/tmp/btrfsQ"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"rmdir", "/tmp/btrfsQ"}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_THAT(btrfs_subvolume_list(ctx, btrfsvol("/dev/sda1", "a")),
              HasValue(std::vector<api::Btrfssubvolume>{{258, 5, "b"}}));
}

TEST(BtrfsSubvolumeList, MountFailureStillRemovesTheDirectory) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mktemp", "-d", "/tmp/btrfsXXXXXX"}, _))
      .WillOnce(Return(exited(0, "/tmp/btrfsQ\n")));
  EXPECT_CALL(m.runner, run(Argv{"mount", "/dev/sda1", "/tmp/btrfsQ"}, _))
      .WillOnce(Return(exited(32, "", "wrong fs type")));
  EXPECT_CALL(m.runner, run(Argv{"rmdir", "/tmp/btrfsQ"}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_THAT(btrfs_subvolume_list(ctx, device("/dev/sda1")),
              IsError(0, "mount exited with status 32: wrong fs type"));
}

}  // namespace
}  // namespace gfsd::domain::test
