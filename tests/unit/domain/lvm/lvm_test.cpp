// LVM: the lvm command lines and the parsing of its reports.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/lvm/lvm_actions.hpp"
#include "support/data_file.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::ElementsAre;
using testing::InSequence;
using testing::Return;

const Argv kLvsSelect{"lvm", "lvs", "-o", "vg_name,lv_name", "-S",
                      "lv_role=public && lv_skip_activation!=yes", "--noheadings",
                      "--separator", "/"};

TEST(Pvs, TrimmedSortedWithoutUnknownDevice) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "pvs", "-o", "pv_name", "--noheadings"}, _))
      .WillOnce(Return(exited(0, "  /dev/sdb1  \n  unknown device\n  /dev/sda1 \n\n")));
  auto ctx = m.ctx();
  auto r = pvs(ctx);
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, ElementsAre("/dev/sda1", "/dev/sdb1"));
}

TEST(Vgs, ErrorIsStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgs", "-o", "vg_name", "--noheadings"}, _))
      .WillOnce(Return(exited(5, "", "  No volume groups found")));
  auto ctx = m.ctx();
  auto r = vgs(ctx);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "  No volume groups found");
}

TEST(Lvs, SelectsPublicLvsWhenLvmCan) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "lvs", "--help"}, _))
      .WillOnce(Return(exited(0, "  lvs\n\t[ -S|--select String ]\n")));
  EXPECT_CALL(m.runner, run(kLvsSelect, _))
      .WillOnce(Return(exited(0, "  VG/LV2\n  VG/LV1\n")));
  EXPECT_CALL(m.runner, run(kLvsSelect, _)).WillOnce(Return(exited(0, "")));
  auto ctx = m.ctx();
  auto r = lvs(ctx);
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, ElementsAre("/dev/VG/LV1", "/dev/VG/LV2"));
  auto again = lvs(ctx);  // no second probe
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->empty());
}

TEST(Lvs, OldLvmFiltersOnAttributes) {
  MockPorts m;
  m.state.lvs_has_select = 0;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "lvs", "-o", "lv_attr,vg_name,lv_name", "--noheadings",
                                 "--separator", ":"},
                            _))
      .WillOnce(Return(exited(0, "  -wi-a-----:VG:root\n  twi-a-tz--:VG:pool\n"
                                 "  Vwi---tz-k:VG:skipped\n  -wi-a-----:VG:home\n")));
  auto ctx = m.ctx();
  auto r = lvs(ctx);
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, ElementsAre("/dev/VG/home", "/dev/VG/root"));
}

TEST(Lvs, FailureIsWordedAsACommandFailure) {
  MockPorts m;
  m.state.lvs_has_select = 1;
  EXPECT_CALL(m.runner, run(kLvsSelect, _)).WillOnce(Return(exited(5, "", "  oops")));
  auto ctx = m.ctx();
  auto r = lvs(ctx);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "lvm exited with status 5:   oops");
}

TEST(PvsFull, ParsesEveryColumn) {
  MockPorts m;
  EXPECT_CALL(m.runner,
              run(Argv{"lvm", "pvs", "-o",
                       "pv_name,pv_uuid,pv_fmt,pv_size,dev_size,pv_free,pv_used,pv_attr,"
                       "pv_pe_count,pv_pe_alloc_count,pv_tags,pe_start,pv_mda_count,pv_mda_free",
                       "--unbuffered", "--noheadings", "--nosuffix", "--separator", "\r",
                       "--units", "b"},
                  _))
      .WillOnce(Return(exited(
          0, "  /dev/sda1\rJ8F8vP-2Ua7-Rkxq-fDk0-Q1hW-nCKq-ZQ4YxR\rlvm2\r104722432\r104727040\r"
             "54525952\r50196480\ra--\r24\r12\r\r1048576\r1\r519168\n")));
  auto ctx = m.ctx();
  auto r = pvs_full(ctx);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 1u);
  const auto& pv = (*r)[0];
  EXPECT_EQ(pv.pv_name, "/dev/sda1");
  EXPECT_EQ(pv.pv_uuid, "J8F8vP2Ua7RkxqfDk0Q1hWnCKqZQ4YxR");
  EXPECT_EQ(pv.pv_fmt, "lvm2");
  EXPECT_EQ(pv.pv_size, 104722432);
  EXPECT_EQ(pv.dev_size, 104727040);
  EXPECT_EQ(pv.pv_free, 54525952);
  EXPECT_EQ(pv.pv_used, 50196480);
  EXPECT_EQ(pv.pv_attr, "a--");
  EXPECT_EQ(pv.pv_pe_count, 24);
  EXPECT_EQ(pv.pv_pe_alloc_count, 12);
  EXPECT_EQ(pv.pv_tags, "");
  EXPECT_EQ(pv.pe_start, 1048576);
  EXPECT_EQ(pv.pv_mda_count, 1);
  EXPECT_EQ(pv.pv_mda_free, 519168);
}

// The kernel named the guest disk sdb (the appliance disk came first): the
// PV is reported under the library's name, as pvs already does.
TEST(PvsFull, NamesArePutBackInTheLibrarysOrder) {
  MockPorts m;
  m.disks = {"/dev/sdb", "/dev/sdc"};
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(
          0, "  /dev/sdb2\rJ8F8vP-2Ua7-Rkxq-fDk0-Q1hW-nCKq-ZQ4YxR\rlvm2\r1\r1\r0\r1\ra--\r1\r1\r\r1\r1\r1\n"
             "  /dev/sdc1\rJ8F8vP-2Ua7-Rkxq-fDk0-Q1hW-nCKq-ZQ4YxS\rlvm2\r1\r1\r0\r1\ra--\r1\r1\r\r1\r1\r1\n")));
  auto ctx = m.ctx();
  auto r = pvs_full(ctx);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].pv_name, "/dev/sda2");
  EXPECT_EQ((*r)[1].pv_name, "/dev/sdb1");
}

TEST(LvsFull, EmptyPercentagesAreMinusOne) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(
          0, "  LV1\rKmOHk3-wZkV-h1Cv-6eCe-pMDN-b2g3-FpxA0Q\r-wi-a-----\r-1\r-1\r254\r0\r"
             "8388608\r1\r\r\r\r\r\r\r\n"
             "  snap\rKmOHk3-wZkV-h1Cv-6eCe-pMDN-b2g3-FpxA0R\rswi-a-s---\r-1\r-1\r254\r1\r"
             "4194304\r1\rLV1\r12.50\r\r\rtag1\r\rsnapshot\n")));
  auto ctx = m.ctx();
  auto r = lvs_full(ctx);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].lv_name, "LV1");
  EXPECT_EQ((*r)[0].lv_major, -1);
  EXPECT_EQ((*r)[0].lv_kernel_major, 254);
  EXPECT_EQ((*r)[0].lv_size, 8388608);
  EXPECT_EQ((*r)[0].snap_percent, -1.0f);
  EXPECT_EQ((*r)[0].copy_percent, -1.0f);
  EXPECT_EQ((*r)[1].origin, "LV1");
  EXPECT_FLOAT_EQ((*r)[1].snap_percent, 12.5f);
  EXPECT_EQ((*r)[1].lv_tags, "tag1");
  EXPECT_EQ((*r)[1].modules, "snapshot");
}

TEST(VgsFull, ShortLineOrBadUuidFailsTheParse) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(0, "  VG\rshort-uuid\rlvm2\n")))
      .WillOnce(Return(exited(0, "  VG\rKmOHk3-wZkV-h1Cv-6eCe-pMDN-b2g3-FpxA0Q\rlvm2\n")));
  auto ctx = m.ctx();
  auto a = vgs_full(ctx);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().message, "failed to parse output of 'vgs' command");
  auto b = vgs_full(ctx);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().message, "failed to parse output of 'vgs' command");
}

TEST(Create, CommandLinesAndSettle) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "pvcreate", "--force", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgcreate", "VG", "/dev/sda1", "/dev/sdb1"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "lvcreate", "--yes", "-L", "50", "-n", "LV", "VG"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "lvcreate", "-l", "100%FREE", "-n", "LV2", "VG"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  auto ctx = m.ctx();
  EXPECT_TRUE(pvcreate(ctx, "/dev/sda1"));
  EXPECT_TRUE(vgcreate(ctx, "VG", {"/dev/sda1", "/dev/sdb1"}));
  EXPECT_TRUE(lvcreate(ctx, "LV", "VG", 50));
  EXPECT_TRUE(lvcreate_free(ctx, "LV2", "VG", 100));
}

TEST(Create, ErrorsAreLvmsStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(5, "", "  Volume group \"VG\" has insufficient free space")));
  auto ctx = m.ctx();
  auto r = lvcreate(ctx, "LV", "VG", 5000);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "  Volume group \"VG\" has insufficient free space");
  auto p = lvcreate_free(ctx, "LV", "VG", 101);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().message, "percentage must be [0..100] (was 101)");
}

TEST(Resize, SameSizeIsNotAnError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "lvresize", "--force", "-L", "20", "/dev/VG/LV"}, _))
      .WillOnce(Return(exited(5, "",
                              "  New size (5 extents) matches existing size (5 extents).")))
      .WillOnce(Return(exited(5, "", "  Insufficient free space")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "lvresize", "-l", "+50%FREE", "/dev/VG/LV"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "pvresize", "--yes", "--setphysicalvolumesize",
                                 "1048576b", "/dev/sda1"},
                            _))
      .WillOnce(Return(exited(5, "", "  boom")));
  auto ctx = m.ctx();
  EXPECT_TRUE(lvresize(ctx, "/dev/VG/LV", 20));
  auto r = lvresize(ctx, "/dev/VG/LV", 20);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "  Insufficient free space");
  EXPECT_TRUE(lvresize_free(ctx, "/dev/VG/LV", 50));
  auto p = pvresize_size(ctx, "/dev/sda1", 1048576);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().message, "/dev/sda1:   boom");
}

TEST(RemoveAll, LvsThenVgsThenPvs) {
  MockPorts m;
  m.state.lvs_has_select = 1;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kLvsSelect, _)).WillOnce(Return(exited(0, "  VG/LV\n")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "lvchange", "-an", "/dev/VG/LV"}, _))
      .WillOnce(Return(exited(5)));  // ignored
  EXPECT_CALL(m.devices, settle(""));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "lvremove", "-f", "/dev/VG/LV"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgs", "-o", "vg_name", "--noheadings"}, _))
      .WillOnce(Return(exited(0, "  VG\n")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgchange", "-an", "VG"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgremove", "-f", "VG"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "pvs", "-o", "pv_name", "--noheadings"}, _))
      .WillOnce(Return(exited(0, "  /dev/sda1\n")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "pvremove", "-f", "/dev/sda1"}, _))
      .WillOnce(Return(exited(5, "", "  busy")));
  auto ctx = m.ctx();
  auto r = lvm_remove_all(ctx);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "pvremove: /dev/sda1:   busy");
}

TEST(Remove, SingleObjects) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "lvremove", "-f", "/dev/VG/LV"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgremove", "-f", "VG"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "pvremove", "-ff", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(lvremove(ctx, "/dev/VG/LV"));
  EXPECT_TRUE(vgremove(ctx, "VG"));
  EXPECT_TRUE(pvremove(ctx, "/dev/sda1"));
}

TEST(Rename, ErrorShowsBothNames) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgrename", "VG", "VG2"}, _))
      .WillOnce(Return(exited(5, "", "  nope")));
  auto ctx = m.ctx();
  auto r = vgrename(ctx, "VG", "VG2");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "VG -> VG2:   nope");
}

TEST(Uuids, TrimmedFieldAndLines) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "pvs", "--unbuffered", "--noheadings", "-o", "pv_uuid",
                                 "/dev/sda1"},
                            _))
      .WillOnce(Return(exited(0, "  J8F8vP-2Ua7-Rkxq-fDk0-Q1hW-nCKq-ZQ4YxR\n")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgs", "--unbuffered", "--noheadings", "-o", "lv_uuid",
                                 "VG"},
                            _))
      .WillOnce(Return(exited(0, "  aaa\n  bbb\n")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgs", "--unbuffered", "--noheadings", "-o", "vg_uuid",
                                 "nosuch"},
                            _))
      .WillOnce(Return(exited(5, "", "  Volume group \"nosuch\" not found")));
  auto ctx = m.ctx();
  EXPECT_EQ(pvuuid(ctx, "/dev/sda1"), std::string("J8F8vP-2Ua7-Rkxq-fDk0-Q1hW-nCKq-ZQ4YxR"));
  auto l = vglvuuids(ctx, "VG");
  ASSERT_TRUE(l);
  EXPECT_THAT(*l, ElementsAre("aaa", "bbb"));
  auto e = vguuid(ctx, "nosuch");
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().message, "nosuch:   Volume group \"nosuch\" not found");
}

TEST(Activate, VgchangeWithTheGroups) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgchange", "-a", "n", "VG1", "VG2"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgchange", "-a", "y"}, _))
      .WillOnce(Return(exited(5, "", "bad")));
  auto ctx = m.ctx();
  EXPECT_TRUE(vg_activate(ctx, false, {"VG1", "VG2"}));
  auto r = vg_activate_all(ctx, true);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "vgchange: bad");
}

TEST(Scan, PvscanOrNothingWithoutLvm) {
  MockPorts m;
  EXPECT_CALL(m.host, program_exists("lvm")).WillOnce(Return(true)).WillOnce(Return(false));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "pvscan", "--cache", "--activate", "ay"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(lvm_scan(ctx, true));
  EXPECT_TRUE(vgscan(ctx));
}

TEST(Canonical, MatchesDeviceNumbersOfTheLvs) {
  MockPorts m;
  m.state.lvs_has_select = 1;
  EXPECT_CALL(m.runner, run(kLvsSelect, _))
      .WillRepeatedly(Return(exited(0, "  VG/LV1\n  VG/LV2\n")));
  EXPECT_CALL(m.devices, rdev("/dev/mapper/VG-LV2")).WillRepeatedly(Return(uint64_t{0xfe01}));
  EXPECT_CALL(m.devices, rdev("/dev/VG/LV1")).WillRepeatedly(Return(uint64_t{0xfe00}));
  EXPECT_CALL(m.devices, rdev("/dev/VG/LV2")).WillRepeatedly(Return(uint64_t{0xfe01}));
  EXPECT_CALL(m.devices, rdev("/dev/sda1")).WillRepeatedly(Return(uint64_t{0x801}));
  EXPECT_CALL(m.devices, rdev("/dev/nosuch")).WillRepeatedly(Return(fail_errno(ENOENT, "/dev/nosuch")));
  auto ctx = m.ctx();
  EXPECT_EQ(lvm_canonical_lv_name(ctx, "/dev/mapper/VG-LV2"), std::string("/dev/VG/LV2"));
  auto no = lvm_canonical_lv_name(ctx, "/dev/sda1");
  ASSERT_FALSE(no);
  EXPECT_EQ(no.error().errnum, EINVAL);
  EXPECT_EQ(no.error().message, "/dev/sda1: not a logical volume");
  auto missing = lvm_canonical_lv_name(ctx, "/dev/nosuch");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().errnum, ENOENT);
  EXPECT_EQ(missing.error().message, "stat: /dev/nosuch: No such file or directory");
  auto notdev = lvm_canonical_lv_name(ctx, "VG/LV1");
  ASSERT_FALSE(notdev);
  EXPECT_EQ(notdev.error().message, "VG/LV1: not a device name");
  EXPECT_EQ(is_lv(ctx, device("/dev/VG/LV1")), true);
  EXPECT_EQ(is_lv(ctx, device("/dev/sda1")), false);
  EXPECT_EQ(is_lv(ctx, btrfsvol("/dev/sda1", "vol")), false);
}

TEST(ListDmDevices, MapperEntriesThatAreNotLvs) {
  MockPorts m;
  m.state.lvs_has_select = 1;
  EXPECT_CALL(m.devices, list_dir("/dev/mapper"))
      .WillOnce(Return(std::vector<std::string>{"VG-LV1", "luks-1", "control"}));
  // The two mappings as block devices: lvs runs lvm when any exists (lvm_labels.hpp).
  EXPECT_CALL(m.devices, list_dir("/sys/class/block"))
      .WillRepeatedly(Return(std::vector<std::string>{"sda", "sda1", "dm-0", "dm-1"}));
  EXPECT_CALL(m.devices, read_head_uncached(_, _)).WillRepeatedly(Return(std::string(2048, '\0')));
  EXPECT_CALL(m.runner, run(kLvsSelect, _)).WillRepeatedly(Return(exited(0, "  VG/LV1\n")));
  EXPECT_CALL(m.devices, rdev("/dev/mapper/VG-LV1")).WillRepeatedly(Return(uint64_t{0xfe00}));
  EXPECT_CALL(m.devices, rdev("/dev/mapper/luks-1")).WillRepeatedly(Return(uint64_t{0xfe01}));
  EXPECT_CALL(m.devices, rdev("/dev/VG/LV1")).WillRepeatedly(Return(uint64_t{0xfe00}));
  auto ctx = m.ctx();
  auto r = list_dm_devices(ctx);
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, ElementsAre("/dev/mapper/luks-1"));
}

}  // namespace
}  // namespace gfsd::domain::test

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

TEST(LvmFilter, WritesLvmConfAndRescans) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgchange", "-an"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, lvm_system_dir()).WillOnce(Return(std::string("/tmp/lvm")));
  EXPECT_CALL(m.runner, run(Argv{"lvmdevices", "--help"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, write_file("/tmp/lvm/lvm.conf",
                                    "devices {\n"
                                    "    use_devicesfile = 0\n"
                                    "    filter = [\n"
                                    "        \"a|^/dev/sda$|\",\n"
                                    "        \"a|^/dev/sda[0-9]|\",\n"
                                    "        \"a|^/dev/sdb2$|\",\n"
                                    "        \"r|.*|\"\n"
                                    "    ]\n"
                                    "    global_filter = [\n"
                                    "        \"a|^/dev/sda$|\",\n"
                                    "        \"a|^/dev/sda[0-9]|\",\n"
                                    "        \"a|^/dev/sdb2$|\",\n"
                                    "        \"r|.*|\"\n"
                                    "    ]\n"
                                    "}\n"))
      .WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.devices, remove_file("/tmp/lvm/cache/.cache"));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgscan", "--cache"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgchange", "-ay"}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(lvm_set_filter(ctx, {"/dev/sda", "/dev/sdb2"}));
}

TEST(LvmFilter, ClearAcceptsEverythingWithoutDevicesFileWhenLvmHasNone) {
  MockPorts m;
  m.state.lvm_has_devices_file = 0;
  InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgchange", "-an"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, lvm_system_dir()).WillOnce(Return(std::string("/etc/lvm")));
  EXPECT_CALL(m.devices, write_file("/etc/lvm/lvm.conf",
                                    "devices {\n"
                                    "    filter = [\n"
                                    "        \"a/.*/\"\n"
                                    "    ]\n"
                                    "    global_filter = [\n"
                                    "        \"a/.*/\"\n"
                                    "    ]\n"
                                    "}\n"))
      .WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.devices, remove_file("/etc/lvm/cache/.cache"));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgscan", "--cache"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgchange", "-ay"}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(lvm_clear_filter(ctx));
}

TEST(LvmFilter, Errors) {
  MockPorts m;
  m.state.lvm_has_devices_file = 0;
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgchange", "-an"}, _))
      .WillOnce(Return(exited(5, "", "  busy")))
      .WillRepeatedly(Return(exited(0)));
  EXPECT_CALL(m.devices, lvm_system_dir()).WillRepeatedly(Return(std::string("/ro")));
  EXPECT_CALL(m.devices, write_file("/ro/lvm.conf", _))
      .WillOnce(Return(fail_errno(EROFS, "/ro/lvm.conf")));
  auto ctx = m.ctx();
  auto a = lvm_clear_filter(ctx);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().message, "vgchange -an:   busy");
  auto b = lvm_clear_filter(ctx);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().errnum, EROFS);
  EXPECT_EQ(b.error().message, "open: /ro/lvm.conf: Read-only file system");
}

}  // namespace
}  // namespace gfsd::domain::test

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

using mocks::DataFile;

TEST(Vgmeta, BacksUpToAScratchFileReadsItBackAndRemovesIt) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mktemp", "/tmp/vgmetaXXXXXX"}, _))
      .WillOnce(Return(exited(0, "/tmp/vgmetaAbC123\n")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgcfgbackup", "-f", "/tmp/vgmetaAbC123", "VG"}, _))
      .WillOnce(Return(exited(0, "  Volume group \"VG\" successfully backed up.\n")));
  EXPECT_CALL(m.devices, open("/tmp/vgmetaAbC123", ports::OpenFor::Read))
      .WillOnce([](const std::string&, ports::OpenFor) {
        return Result<std::unique_ptr<ports::File>>(
            std::make_unique<DataFile>("VG {\n\tid = \"x\"\n}\n"));
      });
  EXPECT_CALL(m.devices, remove_file("/tmp/vgmetaAbC123"));
  auto ctx = m.ctx();
  auto r = vgmeta(ctx, "VG");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "VG {\n\tid = \"x\"\n}\n");
}

TEST(Vgmeta, AFailedBackupSaysSoAndLeavesNoScratchFile) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mktemp", "/tmp/vgmetaXXXXXX"}, _))
      .WillOnce(Return(exited(0, "/tmp/vgmetaQ\n")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgcfgbackup", "-f", "/tmp/vgmetaQ", "nope"}, _))
      .WillOnce(Return(exited(5, "", "  Volume group \"nope\" not found")));
  EXPECT_CALL(m.devices, open(_, _)).Times(0);
  EXPECT_CALL(m.devices, remove_file("/tmp/vgmetaQ"));
  auto ctx = m.ctx();
  auto r = vgmeta(ctx, "nope");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "vgcfgbackup:   Volume group \"nope\" not found");
}

TEST(Vgmeta, MetadataTooLargeForAReply) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mktemp", "/tmp/vgmetaXXXXXX"}, _))
      .WillOnce(Return(exited(0, "/tmp/vgmetaL\n")));
  EXPECT_CALL(m.runner, run(Argv{"lvm", "vgcfgbackup", "-f", "/tmp/vgmetaL", "VG"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, open("/tmp/vgmetaL", ports::OpenFor::Read))
      .WillOnce([](const std::string&, ports::OpenFor) {
        return Result<std::unique_ptr<ports::File>>(
            std::make_unique<DataFile>(std::string(4 * 1024 * 1024, 'x')));
      });
  EXPECT_CALL(m.devices, remove_file("/tmp/vgmetaL"));
  auto ctx = m.ctx();
  auto r = vgmeta(ctx, "VG");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "metadata is too large for message buffer");
}

}  // namespace
}  // namespace gfsd::domain::test
