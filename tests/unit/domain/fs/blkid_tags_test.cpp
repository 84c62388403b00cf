// vfs_type, vfs_label, vfs_uuid, blkid: blkid's command lines and outputs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/fs/fs_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

Argv tag_argv(const std::string& tag, const std::string& dev) {
  return {"blkid", "-c", "/dev/null", "-o", "value", "-s", tag, dev};
}

TEST(VfsType, OneTrailingNewlineRemoved) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(tag_argv("TYPE", "/dev/sda1"), _))
      .WillOnce(Return(exited(0, "ext4\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(vfs_type(ctx, device("/dev/sda1")), HasValue(std::string("ext4")));
}

TEST(VfsType, StatusTwoIsNoFilesystem) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(tag_argv("TYPE", "/dev/sda"), _)).WillOnce(Return(exited(2)));
  auto ctx = m.ctx();
  EXPECT_THAT(vfs_type(ctx, device("/dev/sda")), HasValue(std::string()));
}

TEST(VfsType, OtherStatusIsAnError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(tag_argv("TYPE", "/dev/sdz"), _))
      .WillOnce(Return(exited(4, "", "blkid: error: /dev/sdz: No such file or directory")));
  auto ctx = m.ctx();
  EXPECT_THAT(vfs_type(ctx, device("/dev/sdz")),
              IsError(0, "blkid: /dev/sdz: TYPE: blkid: error: /dev/sdz: No such file or directory"));
}

TEST(VfsType, BtrfsSubvolumeAsksTheDevice) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(tag_argv("TYPE", "/dev/sda2"), _))
      .WillOnce(Return(exited(0, "btrfs\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(vfs_type(ctx, btrfsvol("/dev/sda2", "root")), HasValue(std::string("btrfs")));
}

TEST(VfsUuid, AbsentIsEmptyAndErrorsAreTheCOnes) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(tag_argv("UUID", "/dev/sda1"), _))
      .WillOnce(Return(exited(0, "0b1c\n")))
      .WillOnce(Return(exited(2)))
      .WillOnce(Return(exited(4, "", "bad")));
  auto ctx = m.ctx();
  EXPECT_THAT(vfs_uuid(ctx, device("/dev/sda1")), HasValue(std::string("0b1c")));
  EXPECT_THAT(vfs_uuid(ctx, device("/dev/sda1")), HasValue(std::string("")));
  EXPECT_THAT(vfs_uuid(ctx, device("/dev/sda1")), IsError(0, "/dev/sda1: bad (blkid returned 4)"));
}

TEST(VfsLabel, ExtFromBlkid) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(tag_argv("TYPE", "/dev/sda1"), _))
      .WillOnce(Return(exited(0, "ext4\n")));
  EXPECT_CALL(m.runner, run(tag_argv("LABEL", "/dev/sda1"), _))
      .WillOnce(Return(exited(0, "root\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(vfs_label(ctx, device("/dev/sda1")), HasValue(std::string("root")));
}

TEST(VfsLabel, BtrfsFromItsOwnTool) {
  MockPorts m;
  ON_CALL(m.host, program_exists("btrfs")).WillByDefault(Return(true));
  ON_CALL(m.host, kernel_has_filesystem("btrfs")).WillByDefault(Return(true));
  EXPECT_CALL(m.runner, run(tag_argv("TYPE", "/dev/sda1"), _))
      .WillOnce(Return(exited(0, "btrfs\n")));
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "filesystem", "label", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0, "data\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(vfs_label(ctx, device("/dev/sda1")), HasValue(std::string("data")));
}

TEST(VfsLabel, NtfsFromNtfslabelWhenNtfsprogsAreThere) {
  MockPorts m;
  ON_CALL(m.host, program_exists("ntfsresize")).WillByDefault(Return(true));
  EXPECT_CALL(m.runner, run(tag_argv("TYPE", "/dev/sda1"), _))
      .WillOnce(Return(exited(0, "ntfs\n")));
  EXPECT_CALL(m.runner, run(Argv{"ntfslabel", "/dev/sda1"}, _))
      .WillOnce(Return(exited(1, "", "ntfslabel failed")));
  auto ctx = m.ctx();
  EXPECT_THAT(vfs_label(ctx, device("/dev/sda1")), IsError(0, "ntfslabel failed"));
}

TEST(Blkid, ExportOutputBecomesPairsInOrder) {
  MockPorts m;
  EXPECT_CALL(m.runner,
              run(Argv{"blkid", "-c", "/dev/null", "-p", "-i", "-o", "export", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0,
                              "UUID=b6d8\nVERSION=1.0\nTYPE=ext2\n\nodd line\n"
                              "PART_ENTRY_NAME=a=b\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(blkid(ctx, "/dev/sda1"),
              HasValue(api::Hashtable{{"UUID", "b6d8"},
                                      {"VERSION", "1.0"},
                                      {"TYPE", "ext2"},
                                      {"PART_ENTRY_NAME", "a=b"}}));
}

TEST(Blkid, FailureIsStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).WillOnce(Return(exited(2)));
  auto ctx = m.ctx();
  EXPECT_THAT(blkid(ctx, "/dev/sda"), IsError(0, ""));
}

}  // namespace
}  // namespace gfsd::domain::test
