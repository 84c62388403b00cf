// The ldmtool_* actions: ldmtool's exact argv, its stderr as the error, its
// JSON read as the original did, with the original's texts for output that
// is not what it expected.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/ldm/ldm_actions.hpp"
#include "domain/ldm/ldmtool_output.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;
using Strings = std::vector<std::string>;

// ldmtool 0.2.5's output for a disk group and a volume.
const char* const kDiskGroup =
    "{\n"
    "  \"name\" : \"WIN-S2NB7HP3DS8-Dg0\",\n"
    "  \"guid\" : \"06495a4b-a7a9-11e2-8a2a-525400f8e2ab\",\n"
    "  \"id\" : 1,\n"
    "  \"volumes\" : [\n    \"Volume1\",\n    \"Volume2\"\n  ],\n"
    "  \"disks\" : [\n    \"Disk1\",\n    \"Disk2\"\n  ]\n"
    "}\n";
const char* const kVolume =
    "{\n"
    "  \"name\" : \"Volume1\",\n"
    "  \"type\" : \"spanned\",\n"
    "  \"size\" : 204800,\n"
    "  \"hint\" : \"E:\",\n"
    "  \"partitions\" : [\n    \"Disk1-01\",\n    \"Disk2-01\"\n  ]\n"
    "}\n";

TEST(Ldmtool, CreateAndRemoveAll) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"ldmtool", "create", "all"}, _))
      .WillOnce(Return(exited(0, "[]\n")));
  EXPECT_CALL(m.runner, run(Argv{"ldmtool", "remove", "all"}, _))
      .WillOnce(Return(exited(0, "[]\n")));
  auto ctx = m.ctx();
  EXPECT_TRUE(ldmtool_create_all(ctx));
  EXPECT_TRUE(ldmtool_remove_all(ctx));
}

TEST(Ldmtool, AFailureIsItsStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"ldmtool", "create", "all"}, _))
      .WillOnce(
          Return(exited(1, "", "Unable to create volume: device-mapper: reload ioctl failed")));
  EXPECT_CALL(m.runner, run(Argv{"ldmtool", "show", "diskgroup", "foo"}, _))
      .WillOnce(Return(exited(1, "", "No such disk group: foo")));
  EXPECT_CALL(m.runner, run(Argv{"ldmtool", "show", "volume", "foo", "bar"}, _))
      .WillOnce(Return(exited(1, "", "No such disk group: foo")));
  auto ctx = m.ctx();
  EXPECT_THAT(ldmtool_create_all(ctx),
              IsError(0, "Unable to create volume: device-mapper: reload ioctl failed"));
  EXPECT_THAT(ldmtool_diskgroup_name(ctx, "foo"), IsError(0, "No such disk group: foo"));
  EXPECT_THAT(ldmtool_volume_type(ctx, "foo", "bar"), IsError(0, "No such disk group: foo"));
}

TEST(Ldmtool, ProgramThatCannotRunKeepsTheRunnersError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).WillOnce(Return(fail_errno(ENOENT, "ldmtool")));
  auto ctx = m.ctx();
  EXPECT_THAT(ldmtool_remove_all(ctx), IsError(ENOENT, "ldmtool: No such file or directory"));
}

TEST(Ldmtool, ScanWithoutDevicesScansEverything) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"ldmtool", "scan"}, _))
      .WillOnce(Return(exited(0, "[\n  \"06495a4b-a7a9-11e2-8a2a-525400f8e2ab\"\n]\n")))
      .WillOnce(Return(exited(0, "[]\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(ldmtool_scan(ctx), HasValue(Strings{"06495a4b-a7a9-11e2-8a2a-525400f8e2ab"}));
  EXPECT_THAT(ldmtool_scan(ctx), HasValue(Strings{}));
}

TEST(Ldmtool, ScanDevicesPassesThemInOrder) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"ldmtool", "scan", "/dev/sda", "/dev/sdb1"}, _))
      .WillOnce(Return(exited(0, "[\"g1\", \"g2\"]")));
  auto ctx = m.ctx();
  EXPECT_THAT(ldmtool_scan_devices(ctx, {"/dev/sda", "/dev/sdb1"}), HasValue(Strings{"g1", "g2"}));
}

TEST(Ldmtool, ScanOutputThatIsNotAnArrayOfStrings) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(0, "{}")))
      .WillOnce(Return(exited(0, "[\"a\", 1]")))
      .WillOnce(Return(exited(0, "")))
      .WillOnce(Return(exited(0, "[\"a\",")));
  auto ctx = m.ctx();
  EXPECT_THAT(ldmtool_scan(ctx),
              IsError(0, "output of 'ldmtool scan' was not a JSON array of strings"));
  EXPECT_THAT(ldmtool_scan(ctx),
              IsError(0, "output of 'ldmtool scan' was not a JSON array of strings"));
  EXPECT_THAT(ldmtool_scan(ctx), IsError(0, "parse error: '[' or '{' expected near end of file"));
  EXPECT_THAT(ldmtool_scan_devices(ctx, {"/dev/sda"}),
              IsError(0, "parse error: ']' expected near end of file"));
}

TEST(Ldmtool, DiskGroupNameVolumesDisks) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"ldmtool", "show", "diskgroup", "06495a4b"}, _))
      .Times(3)
      .WillRepeatedly(Return(exited(0, kDiskGroup)));
  auto ctx = m.ctx();
  EXPECT_THAT(ldmtool_diskgroup_name(ctx, "06495a4b"),
              HasValue(std::string("WIN-S2NB7HP3DS8-Dg0")));
  EXPECT_THAT(ldmtool_diskgroup_volumes(ctx, "06495a4b"), HasValue(Strings{"Volume1", "Volume2"}));
  EXPECT_THAT(ldmtool_diskgroup_disks(ctx, "06495a4b"), HasValue(Strings{"Disk1", "Disk2"}));
}

TEST(Ldmtool, VolumeTypeHintPartitions) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"ldmtool", "show", "volume", "dg", "Volume1"}, _))
      .Times(3)
      .WillRepeatedly(Return(exited(0, kVolume)));
  auto ctx = m.ctx();
  EXPECT_THAT(ldmtool_volume_type(ctx, "dg", "Volume1"), HasValue(std::string("spanned")));
  EXPECT_THAT(ldmtool_volume_hint(ctx, "dg", "Volume1"), HasValue(std::string("E:")));
  EXPECT_THAT(ldmtool_volume_partitions(ctx, "dg", "Volume1"),
              HasValue(Strings{"Disk1-01", "Disk2-01"}));
}

TEST(Ldmtool, AVolumeWithoutAHintHasAnEmptyOne) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(0, "{\"name\":\"Volume1\",\"hint\":null}")));
  auto ctx = m.ctx();
  EXPECT_THAT(ldmtool_volume_hint(ctx, "dg", "Volume1"), HasValue(std::string()));
}

TEST(LdmtoolOutput, ObjectStringErrors) {
  const std::string want =
      "output of 'ldmtool show volume' was not a JSON object containing a key 'type' of type "
      "string";
  EXPECT_THAT(ldm_object_string("[]", "type", false, "ldmtool show volume"), IsError(0, want));
  EXPECT_THAT(ldm_object_string("{}", "type", false, "ldmtool show volume"), IsError(0, want));
  EXPECT_THAT(ldm_object_string("{\"type\":1}", "type", false, "ldmtool show volume"),
              IsError(0, want));
  EXPECT_THAT(ldm_object_string("{\"type\":null}", "type", false, "ldmtool show volume"),
              IsError(0, want));
  // Only hint takes null for "".
  EXPECT_THAT(ldm_object_string("{\"type\":null}", "type", true, "ldmtool show volume"),
              HasValue(std::string()));
  EXPECT_THAT(ldm_object_string("{\"type\":[]}", "type", true, "ldmtool show volume"),
              IsError(0, want));
}

TEST(LdmtoolOutput, ObjectStringListErrors) {
  const std::string want =
      "output of 'ldmtool show diskgroup' was not a JSON object containing a key 'disks' of type "
      "array of strings";
  EXPECT_THAT(ldm_object_string_list("[\"a\"]", "disks", "ldmtool show diskgroup"),
              IsError(0, want));
  EXPECT_THAT(ldm_object_string_list("{\"volumes\":[]}", "disks", "ldmtool show diskgroup"),
              IsError(0, want));
  EXPECT_THAT(ldm_object_string_list("{\"disks\":\"Disk1\"}", "disks", "ldmtool show diskgroup"),
              IsError(0, want));
  EXPECT_THAT(
      ldm_object_string_list("{\"disks\":[\"Disk1\",null]}", "disks", "ldmtool show diskgroup"),
      IsError(0, want));
  EXPECT_THAT(ldm_object_string_list("{\"disks\":[]}", "disks", "ldmtool show diskgroup"),
              HasValue(Strings{}));
}

TEST(LdmtoolOutput, ParseErrorsQuoteJansson) {
  EXPECT_THAT(ldm_string_list("No such disk group", "ldmtool scan"),
              IsError(0, "parse error: '[' or '{' expected near 'No'"));
  EXPECT_THAT(ldm_object_string("{\"name\":\"a\\qb\"}", "name", false, "ldmtool show diskgroup"),
              IsError(0, "parse error: invalid escape near '\"a\\q'"));
  EXPECT_THAT(ldm_object_string_list("{\"disks\":[\"\xff\"]}", "disks", "ldmtool show diskgroup"),
              IsError(0, "parse error: unable to decode byte 0xff near '\"'"));
}

}  // namespace
}  // namespace gfsd::domain::test
