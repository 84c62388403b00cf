// Partition tables: the parted/sfdisk/sgdisk command lines and the parsing of
// their output (samples captured from the real tools).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

#include "domain/partitions/parted.hpp"
#include "domain/partitions/partition_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockFile;
using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Invoke;
using testing::Return;

const std::string kGptPrint =
    "BYT;\n"
    "/dev/sda:104857600B:scsi:512:512:gpt:QEMU QEMU HARDDISK:;\n"
    "1:65536B:104792575B:104727040B::p1:;\n";

const std::string kMsdosPrint =
    "BYT;\n"
    "/dev/sda:104857600B:scsi:512:512:msdos:QEMU QEMU HARDDISK:;\n"
    "1:65536B:512511B:446976B:::boot;\n"
    "2:512512B:10240511B:9728000B:::lba;\n"
    "5:563200B:2560511B:1997312B:::;\n";

Argv print_argv(const std::string& dev) {
  return {"parted", "-m", "-s", "--", dev, "unit", "b", "print"};
}

void expect_print(MockPorts& m, const std::string& out) {
  EXPECT_CALL(m.runner, run(print_argv("/dev/sda"), _)).WillOnce(Return(exited(0, out)));
}

TEST(PartInit, RunsMklabelFoldingStdoutBetweenSettles) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.devices, settle(""));
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "mklabel", "gpt"},
                            FoldsStdout(true)))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  auto ctx = m.ctx();
  EXPECT_TRUE(part_init(ctx, "/dev/sda", "gpt"));
}

TEST(PartInit, TranslatesAliases) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "mklabel", "msdos"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "mklabel", "gpt"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "mklabel", "amiga"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(part_init(ctx, "/dev/sda", "mbr"));
  EXPECT_TRUE(part_init(ctx, "/dev/sda", "efi"));
  EXPECT_TRUE(part_init(ctx, "/dev/sda", "rdb"));
}

TEST(PartInit, UnknownTypeIsRefused) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  auto r = part_init(ctx, "/dev/sda", "foo");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "unknown partition type: common choices are \"gpt\" and \"msdos\"");
}

TEST(PartInit, ParteditErrorNamesTheDevice) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(1, "", "Error: Partition(s) on /dev/sda are being used.")));
  auto ctx = m.ctx();
  auto r = part_init(ctx, "/dev/sda", "gpt");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "parted: /dev/sda: Error: Partition(s) on /dev/sda are being used.");
}

TEST(PartDisk, OnePartitionAlignedTo128Sectors) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "mklabel", "gpt", "mkpart", "p1",
                                 "128s", "-128s"},
                            FoldsStdout(true)))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "mklabel", "msdos", "mkpart",
                                 "primary", "128s", "-128s"},
                            _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(part_disk(ctx, "/dev/sda", "gpt"));
  EXPECT_TRUE(part_disk(ctx, "/dev/sda", "mbr"));
}

TEST(PartAdd, SectorsAndShortKinds) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "mkpart", "logical", "100s",
                                 "-1s"},
                            _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(part_add(ctx, "/dev/sda", "l", 100, -1));
  auto bad = part_add(ctx, "/dev/sda", "x", 1, 2);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "unknown partition type: x: this should be \"primary\", \"logical\" or \"extended\"");
  auto neg = part_add(ctx, "/dev/sda", "p", -1, 2);
  ASSERT_FALSE(neg);
  EXPECT_EQ(neg.error().message, "startsect cannot be negative");
}

TEST(PartDel, NeedsAPositiveNumber) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "rm", "2"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(part_del(ctx, "/dev/sda", 2));
  auto r = part_del(ctx, "/dev/sda", 0);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "partition number must be >= 1");
}

TEST(PartResize, ErrorEndsWithAColonAsTheOriginal) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "resizepart", "1", "2000s"}, _))
      .WillOnce(Return(exited(1, "", "Error: bad")));
  auto ctx = m.ctx();
  auto r = part_resize(ctx, "/dev/sda", 1, 2000);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "parted: /dev/sda: Error: bad:");
}

TEST(PartSetBootableAndName, Commands) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "set", "1", "boot", "on"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"parted", "-s", "--", "/dev/sda", "name", "1", "root fs"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(part_set_bootable(ctx, "/dev/sda", 1, true));
  EXPECT_TRUE(part_set_name(ctx, "/dev/sda", 1, "root fs"));
}

TEST(PartList, ParsesTheMachineReadableTable) {
  MockPorts m;
  expect_print(m, kMsdosPrint);
  auto ctx = m.ctx();
  auto r = part_list(ctx, "/dev/sda");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0], (api::Partition{1, 65536, 512511, 446976}));
  EXPECT_EQ((*r)[2], (api::Partition{5, 563200, 2560511, 1997312}));
}

TEST(PartList, NoTableIsEinvalWithTheOcamlWording) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(print_argv("/dev/sda"), _))
      .WillOnce(Return(exited(1, "BYT;\n/dev/sda:10485760B:scsi:512:512:unknown::;\n",
                              "Error: /dev/sda: unrecognised disk label")));
  auto ctx = m.ctx();
  auto r = part_list(ctx, "/dev/sda");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EINVAL);
  EXPECT_EQ(r.error().message,
            "parted: /dev/sda: parted exited with status 1: Error: /dev/sda: unrecognised disk "
            "label: Invalid argument");
}

TEST(PartList, BadHeaderOrRow) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(print_argv("/dev/sda"), _))
      .WillOnce(Return(exited(0, "CHS;\n/dev/sda:1:2\n")))
      .WillOnce(Return(exited(0, "BYT;\n")))
      .WillOnce(Return(exited(0, "BYT;\n/dev/sda:x;\nfoo\n")));
  auto ctx = m.ctx();
  auto a = part_list(ctx, "/dev/sda");
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().message, "did not see 'BYT;' magic value in 'parted print' command");
  auto b = part_list(ctx, "/dev/sda");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().message, "too few rows of output from 'parted print' command");
  auto c = part_list(ctx, "/dev/sda");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message.rfind(
                "could not parse row from output of 'parted print' command: foo: ", 0),
            0u);
}

TEST(PartGetParttype, FieldSixOfTheDeviceLine) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(print_argv("/dev/sda"), _))
      .WillOnce(Return(exited(0, kGptPrint)))
      .WillOnce(Return(exited(0, kMsdosPrint)));
  auto ctx = m.ctx();
  EXPECT_EQ(part_get_parttype(ctx, "/dev/sda"), std::string("gpt"));
  EXPECT_EQ(part_get_parttype(ctx, "/dev/sda"), std::string("msdos"));
}

TEST(PartGetParttype, LoopIsNotPartitioned) {
  MockPorts m;
  expect_print(m, "BYT;\n/dev/sda:104857600B:scsi:512:512:loop:QEMU QEMU HARDDISK:;\n"
                  "1:0B:104857599B:104857600B:ext4::;\n");
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read))
      .WillOnce(Return(fail_errno(EACCES, "/dev/sda")));
  auto ctx = m.ctx();
  auto r = part_get_parttype(ctx, "/dev/sda");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dev/sda: not a partitioned device");
}

TEST(PartGetParttype, MkfsFatFakeMbrIsMsdos) {
  MockPorts m;
  expect_print(m, "BYT;\n/dev/sda:104857600B:scsi:512:512:loop:QEMU QEMU HARDDISK:;\n");
  std::string sector(512, '\0');
  std::memcpy(&sector[3], "mkfs.fat", 8);
  const unsigned char entry[] = {0x80, 0x00, 0x01, 0x00, 0x0c, 0xfe, 0xff, 0xff, 0, 0, 0, 0};
  std::memcpy(&sector[0x1be], entry, sizeof entry);
  sector[0x1fe] = '\x55';
  sector[0x1ff] = '\xaa';
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read)).WillOnce(Invoke([&](auto&&, auto) {
    auto f = std::make_unique<testing::NiceMock<MockFile>>();
    EXPECT_CALL(*f, read(_, 512)).WillOnce(Invoke([sector](char* buf, size_t n) {
      std::memcpy(buf, sector.data(), n);
      return Result<size_t>(n);
    }));
    return Result<std::unique_ptr<ports::File>>(std::move(f));
  }));
  auto ctx = m.ctx();
  EXPECT_EQ(part_get_parttype(ctx, "/dev/sda"), std::string("msdos"));
}

TEST(PartGetBootable, LooksUpTheRowByNumber) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(print_argv("/dev/sda"), _))
      .WillRepeatedly(Return(exited(0, kMsdosPrint)));
  auto ctx = m.ctx();
  EXPECT_EQ(part_get_bootable(ctx, "/dev/sda", 1), true);
  EXPECT_EQ(part_get_bootable(ctx, "/dev/sda", 5), false);
  auto r = part_get_bootable(ctx, "/dev/sda", 3);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "partition number 3 not found");
}

TEST(PartGetBootable, NoTableIsEinvalWithTheCWording) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(print_argv("/dev/sda"), _))
      .WillOnce(Return(exited(1, "", "Error: /dev/sda: unrecognised disk label")));
  auto ctx = m.ctx();
  auto r = part_get_bootable(ctx, "/dev/sda", 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EINVAL);
  EXPECT_EQ(r.error().message, "parted print: /dev/sda: Error: /dev/sda: unrecognised disk label");
}

TEST(PartGetName, GptOnly) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(print_argv("/dev/sda"), _))
      .WillOnce(Return(exited(0, kGptPrint)))
      .WillOnce(Return(exited(0, kGptPrint)))
      .WillOnce(Return(exited(0, kMsdosPrint)));
  auto ctx = m.ctx();
  EXPECT_EQ(part_get_name(ctx, "/dev/sda", 1), std::string("p1"));
  auto r = part_get_name(ctx, "/dev/sda", 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "part-get-name can only be used on GUID Partition Tables");
}

TEST(PartedRowField, SplitsOnColonsAndSemicolons) {
  EXPECT_EQ(parted_row_field("1:65536B:512511B:446976B:::boot;", 6), std::string("boot"));
  EXPECT_EQ(parted_row_field("1:65536B:512511B:446976B::p1:;", 5), std::string("p1"));
  EXPECT_EQ(parted_row_field("1:65536B:512511B:446976B::p1:;", 6), std::string(""));
  auto r = parted_row_field("1:2", 6);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "not enough fields in output of parted print command: 1:2");
}

TEST(PartMbrId, GetUsesPartTypeWhenSfdiskHasIt) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--help"}, _))
      .WillOnce(Return(exited(0, "     --part-type <dev> <part> [<type>]\n")));
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--part-type", "/dev/sda", "2"}, _))
      .WillOnce(Return(exited(0, " f\n")));
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--part-type", "/dev/sda", "1"}, _))
      .WillOnce(Return(exited(0, "83\n")));
  auto ctx = m.ctx();
  EXPECT_EQ(part_get_mbr_id(ctx, "/dev/sda", 2), 0x0f);
  // The probe is not repeated.
  EXPECT_EQ(part_get_mbr_id(ctx, "/dev/sda", 1), 0x83);
}

TEST(PartMbrId, OldSfdiskUsesPrintIdAndChangeId) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--help"}, _)).WillOnce(Return(exited(0, "usage\n")));
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--print-id", "/dev/sda", "1"}, _))
      .WillOnce(Return(exited(0, "7\n")));
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--change-id", "/dev/sda", "1", "7"}, _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_EQ(part_get_mbr_id(ctx, "/dev/sda", 1), 7);
  EXPECT_TRUE(part_set_mbr_id(ctx, "/dev/sda", 1, 7));
}

TEST(PartMbrId, SetWritesHexAndReportsSfdisksError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--help"}, _))
      .WillOnce(Return(exited(0, "--part-type")));
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--part-type", "/dev/sda", "9", "83"}, _))
      .WillOnce(Return(exited(1, "", "sfdisk: /dev/sda: partition 9: partition table contains only 5 partitions")));
  auto ctx = m.ctx();
  auto r = part_set_mbr_id(ctx, "/dev/sda", 9, 0x83);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "sfdisk --part-type: sfdisk: /dev/sda: partition 9: partition table contains only 5 "
            "partitions");
}

TEST(PartMbrPartType, FromLabelNumberAndId) {
  MockPorts m;
  m.state.sfdisk_has_part_type = 1;
  EXPECT_CALL(m.runner, run(print_argv("/dev/sda"), _)).WillRepeatedly(Return(exited(0, kMsdosPrint)));
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--part-type", "/dev/sda", "1"}, _))
      .WillOnce(Return(exited(0, "83\n")));
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--part-type", "/dev/sda", "2"}, _))
      .WillOnce(Return(exited(0, " f\n")));
  EXPECT_CALL(m.runner, run(Argv{"sfdisk", "--part-type", "/dev/sda", "5"}, _))
      .WillOnce(Return(exited(0, "83\n")));
  auto ctx = m.ctx();
  EXPECT_EQ(part_get_mbr_part_type(ctx, "/dev/sda", 1), std::string("primary"));
  EXPECT_EQ(part_get_mbr_part_type(ctx, "/dev/sda", 2), std::string("extended"));
  EXPECT_EQ(part_get_mbr_part_type(ctx, "/dev/sda", 5), std::string("logical"));
}

const std::string kSgdiskInfo =
    "Partition GUID code: 0FC63DAF-8483-4772-8E79-3D69D8477DE4 (Linux filesystem)\n"
    "Partition unique GUID: 3395366E-123B-4A0A-89A6-C27E25155CAA\n"
    "First sector: 128 (at 64.0 KiB)\n"
    "Last sector: 204672 (at 99.9 MiB)\n"
    "Partition size: 204545 sectors (99.9 MiB)\n"
    "Attribute flags: 0000000000000004\n"
    "Partition name: 'p1'";

TEST(PartGpt, InfoFieldsFromSgdisk) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sgdisk", "/dev/sda", "-i", "1"}, FoldsStdout(true)))
      .WillRepeatedly(Return(exited(0, "", kSgdiskInfo)));
  auto ctx = m.ctx();
  EXPECT_EQ(part_get_gpt_type(ctx, "/dev/sda", 1),
            std::string("0FC63DAF-8483-4772-8E79-3D69D8477DE4"));
  EXPECT_EQ(part_get_gpt_guid(ctx, "/dev/sda", 1),
            std::string("3395366E-123B-4A0A-89A6-C27E25155CAA"));
  EXPECT_EQ(part_get_gpt_attributes(ctx, "/dev/sda", 1), 4);
}

TEST(PartGpt, MissingFieldAndFailure) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sgdisk", "/dev/sda", "-i", "5"}, _))
      .WillOnce(Return(exited(0, "", "Partition #5 does not exist.")))
      .WillOnce(Return(exited(2, "", "Problem opening /dev/sda")));
  auto ctx = m.ctx();
  auto a = part_get_gpt_type(ctx, "/dev/sda", 5);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().message, "/dev/sda: sgdisk output did not contain 'Partition GUID code'");
  auto b = part_get_gpt_type(ctx, "/dev/sda", 5);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().message, "sgdisk: Problem opening /dev/sda");
}

TEST(PartGpt, SettersAndTheirErrors) {
  MockPorts m;
  const std::string guid = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";
  EXPECT_CALL(m.runner, run(Argv{"sgdisk", "/dev/sda", "-t", "1:" + guid}, FoldsStdout(true)))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"sgdisk", "/dev/sda", "-u", "2:" + guid}, _))
      .WillOnce(Return(exited(4, "", "Could not change")));
  EXPECT_CALL(m.runner, run(Argv{"sgdisk", "/dev/sda", "-A", "1:=:1000000000000004"}, _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"sgdisk", "/dev/sda", "-U", "R"}, _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"sgdisk", "-e", "/dev/sda"}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(part_set_gpt_type(ctx, "/dev/sda", 1, guid));
  auto r = part_set_gpt_guid(ctx, "/dev/sda", 2, guid);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "sgdisk /dev/sda -u 2:" + guid + ": Could not change");
  EXPECT_TRUE(part_set_gpt_attributes(ctx, "/dev/sda", 1, 0x1000000000000004));
  EXPECT_TRUE(part_set_disk_guid_random(ctx, "/dev/sda"));
  EXPECT_TRUE(part_expand_gpt(ctx, "/dev/sda"));
}

TEST(PartGpt, DiskGuidFromThePrintout) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sgdisk", "/dev/sda", "-p"}, FoldsStdout(true)))
      .WillOnce(Return(exited(0, "",
                              "Disk /dev/sda: 204800 sectors, 100.0 MiB\n"
                              "Sector size (logical/physical): 512/512 bytes\n"
                              "Disk identifier (GUID): 735E8739-515A-4BA3-B0A4-99E64F9E7E3C\n"
                              "Partition table holds up to 128 entries")));
  auto ctx = m.ctx();
  EXPECT_EQ(part_get_disk_guid(ctx, "/dev/sda"),
            std::string("735E8739-515A-4BA3-B0A4-99E64F9E7E3C"));
}

}  // namespace
}  // namespace gfsd::domain::test
