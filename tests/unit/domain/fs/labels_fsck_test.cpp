// set_label per filesystem type, set_e2label, get_e2label, fsck, e2fsck, internal_parse_mountable.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/fs/fs_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

void expect_type(MockPorts& m, const std::string& dev, const std::string& type) {
  EXPECT_CALL(m.runner, run(Argv{"blkid", "-c", "/dev/null", "-o", "value", "-s", "TYPE", dev}, _))
      .WillRepeatedly(Return(exited(0, type + "\n")));
}

TEST(SetLabel, ToolPerType) {
  struct Case {
    const char* type;
    Argv argv;
  } cases[] = {
      {"ext4", {"e2label", "/dev/sda1", "L"}},
      {"vfat", {"dosfslabel", "/dev/sda1", "L"}},
      {"btrfs", {"btrfs", "filesystem", "label", "/dev/sda1", "L"}},
      {"ntfs", {"ntfslabel", "/dev/sda1", "L"}},
      {"xfs", {"xfs_admin", "-L", "L", "/dev/sda1"}},
      {"swap", {"swaplabel", "-L", "L", "/dev/sda1"}},
  };
  for (const auto& c : cases) {
    MockPorts m;
    expect_type(m, "/dev/sda1", c.type);
    EXPECT_CALL(m.runner, run(c.argv, _)).WillOnce(Return(exited(0)));
    auto ctx = m.ctx();
    EXPECT_TRUE(set_label(ctx, device("/dev/sda1"), "L")) << c.type;
  }
}

TEST(SetLabel, UnknownTypeIsNotSupported) {
  MockPorts m;
  expect_type(m, "/dev/sda1", "minix");
  auto ctx = m.ctx();
  EXPECT_THAT(set_label(ctx, device("/dev/sda1"), "L"),
              IsError(ENOTSUP, "don't know how to set the label for 'minix' filesystems"));
}

TEST(SetLabel, XfsChecksAndErrors) {
  MockPorts m;
  expect_type(m, "/dev/sda1", "xfs");
  EXPECT_CALL(m.runner, run(Argv{"xfs_admin", "-L", "x", "/dev/sda1"}, FoldsStdout(true)))
      .WillOnce(Return(exited(1, "", "xfs_admin: bad")));
  auto ctx = m.ctx();
  EXPECT_THAT(set_label(ctx, device("/dev/sda1"), "---"), IsError(0, "xfs: invalid new label"));
  EXPECT_THAT(set_label(ctx, device("/dev/sda1"), "0123456789abc"),
              IsError(0, "0123456789abc: xfs labels are limited to 12 bytes"));
  EXPECT_THAT(set_label(ctx, device("/dev/sda1"), "x"), IsError(0, "/dev/sda1: xfs_admin: bad"));
}

TEST(SetE2label, LengthCheckThenE2label) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"e2label", "/dev/sda1", "x"}, _))
      .WillOnce(Return(exited(1, "", "e2label: Bad magic number")));
  auto ctx = m.ctx();
  EXPECT_THAT(set_e2label(ctx, "/dev/sda1", std::string(17, 'a')),
              IsError(0, std::string(17, 'a') + ": ext2/3/4 labels are limited to 16 bytes"));
  EXPECT_THAT(set_e2label(ctx, "/dev/sda1", "x"), IsError(0, "e2label: Bad magic number"));
}

TEST(GetE2label, IsVfsLabel) {
  MockPorts m;
  expect_type(m, "/dev/sda1", "ext2");
  EXPECT_CALL(m.runner, run(Argv{"blkid", "-c", "/dev/null", "-o", "value", "-s", "LABEL",
                                 "/dev/sda1"},
                            _))
      .WillOnce(Return(exited(0, "LBL\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(get_e2label(ctx, "/dev/sda1"), HasValue(std::string("LBL")));
}

TEST(Fsck, ExitStatusIsTheResult) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"fsck", "-a", "-t", "ext4", "/dev/sda1"}, _))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(4, "", "errors")))
      .WillOnce(Return(exited(-1, "", "killed")));
  auto ctx = m.ctx();
  EXPECT_THAT(fsck(ctx, "ext4", "/dev/sda1"), HasValue(0));
  EXPECT_THAT(fsck(ctx, "ext4", "/dev/sda1"), HasValue(4));
  EXPECT_THAT(fsck(ctx, "ext4", "/dev/sda1"), IsError(0, "/dev/sda1: killed"));
}

TEST(E2fsck, OptionsAndStatuses) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"e2fsck", "-f", "/dev/sda1"}, FoldsStdout(true)))
      .WillOnce(Return(exited(1)));
  EXPECT_CALL(m.runner, run(Argv{"e2fsck", "-f", "-p", "/dev/sda1"}, _))
      .WillOnce(Return(exited(4, "", "/dev/sda1: UNEXPECTED INCONSISTENCY")));
  EXPECT_CALL(m.runner, run(Argv{"e2fsck", "-f", "-y", "/dev/sda1"}, _))
      .WillOnce(Return(exited(2, "", "reboot")));
  auto ctx = m.ctx();
  EXPECT_TRUE(e2fsck(ctx, "/dev/sda1", {}));
  EXPECT_THAT(e2fsck_f(ctx, "/dev/sda1"), IsError(0, "/dev/sda1: UNEXPECTED INCONSISTENCY"));
  api::opt::e2fsck y;
  y.forceall = true;
  EXPECT_THAT(e2fsck(ctx, "/dev/sda1", y), IsError(0, "reboot"));
  y.correct = true;
  EXPECT_THAT(e2fsck(ctx, "/dev/sda1", y),
              IsError(0, "only one of the options 'correct', 'forceall' may be specified"));
}

TEST(InternalParseMountable, TypeDeviceVolume) {
  MockPorts m;
  auto ctx = m.ctx();
  EXPECT_THAT(internal_parse_mountable(ctx, device("/dev/sda1")),
              HasValue(api::InternalMountable{0, "/dev/sda1", ""}));
  EXPECT_THAT(internal_parse_mountable(ctx, btrfsvol("/dev/sda1", "a/b")),
              HasValue(api::InternalMountable{1, "/dev/sda1", "a/b"}));
}

}  // namespace
}  // namespace gfsd::domain::test
