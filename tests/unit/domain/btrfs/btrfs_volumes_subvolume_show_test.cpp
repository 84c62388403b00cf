// btrfs_subvolume_show: the parsing of real `btrfs subvolume show` output
// (btrfs-progs 6.2, Debian 12's) and the original's errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/btrfs/btrfs_volumes.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::ElementsAre;
using testing::Pair;
using testing::Return;

// A subvolume with two snapshots, one of them in a directory.
const char kSub1[] =
    "sub1\n"
    "\tName: \t\t\tsub1\n"
    "\tUUID: \t\t\t926656fd-50f5-2546-946e-e7480da9dca0\n"
    "\tParent UUID: \t\t-\n"
    "\tReceived UUID: \t\t-\n"
    "\tCreation time: \t\t2026-12-06 18:26:34 +0000\n"
    "\tSubvolume ID: \t\t256\n"
    "\tGeneration: \t\t8\n"
    "\tGen at creation: \t7\n"
    "\tParent ID: \t\t5\n"
    "\tTop level ID: \t\t5\n"
    "\tFlags: \t\t\t-\n"
    "\tSend transid: \t\t0\n"
    "\tSend time: \t\t2026-12-06 18:26:34 +0000\n"
    "\tReceive transid: \t0\n"
    "\tReceive time: \t\t-\n"
    "\tSnapshot(s):\n"
    "\t\t\t\tsnap1\n"
    "\t\t\t\tdir1/snap2\n";

// With quotas enabled: fields after the (empty) snapshot list.
const char kSub2WithQuota[] =
    "sub2\n"
    "\tName: \t\t\tsub2\n"
    "\tUUID: \t\t\t55040841-94c8-a643-b380-2572a5aba075\n"
    "\tParent UUID: \t\t-\n"
    "\tReceived UUID: \t\t-\n"
    "\tCreation time: \t\t2026-12-06 18:26:34 +0000\n"
    "\tSubvolume ID: \t\t259\n"
    "\tGeneration: \t\t14\n"
    "\tGen at creation: \t9\n"
    "\tParent ID: \t\t5\n"
    "\tTop level ID: \t\t5\n"
    "\tFlags: \t\t\t-\n"
    "\tSend transid: \t\t0\n"
    "\tSend time: \t\t2026-12-06 18:26:34 +0000\n"
    "\tReceive transid: \t0\n"
    "\tReceive time: \t\t-\n"
    "\tSnapshot(s):\n"
    "\tQuota group:\t\t0/259\n"
    "\t  Limit referenced:\t-\n"
    "\t  Limit exclusive:\t-\n"
    "\t  Usage referenced:\t16.00KiB\n"
    "\t  Usage exclusive:\t16.00KiB\n";

// The top of the filesystem: btrfs-progs 6.2 shows it like any subvolume.
const char kToplevel[] =
    "/\n"
    "\tName: \t\t\t<FS_TREE>\n"
    "\tUUID: \t\t\t84da8e45-a185-4bb6-bf46-228b993834bc\n"
    "\tParent UUID: \t\t-\n"
    "\tReceived UUID: \t\t-\n"
    "\tCreation time: \t\t2026-12-06 18:26:26 +0000\n"
    "\tSubvolume ID: \t\t5\n"
    "\tGeneration: \t\t8\n"
    "\tGen at creation: \t0\n"
    "\tParent ID: \t\t0\n"
    "\tTop level ID: \t\t0\n"
    "\tFlags: \t\t\t-\n"
    "\tSend transid: \t\t0\n"
    "\tSend time: \t\t2026-12-06 18:26:26 +0000\n"
    "\tReceive transid: \t0\n"
    "\tReceive time: \t\t-\n"
    "\tSnapshot(s):\n";

TEST(BtrfsSubvolumeShowParse, EveryFieldInOrderSnapshotsJoined) {
  auto r = parse_btrfs_subvolume_show(kSub1);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(*r, ElementsAre(Pair("path", "sub1"), Pair("Name", "sub1"),
                              Pair("UUID", "926656fd-50f5-2546-946e-e7480da9dca0"),
                              Pair("Parent UUID", ""), Pair("Received UUID", ""),
                              Pair("Creation time", "2026-12-06 18:26:34 +0000"),
                              Pair("Subvolume ID", "256"), Pair("Generation", "8"),
                              Pair("Gen at creation", "7"), Pair("Parent ID", "5"),
                              Pair("Top level ID", "5"), Pair("Flags", ""),
                              Pair("Send transid", "0"),
                              Pair("Send time", "2026-12-06 18:26:34 +0000"),
                              Pair("Receive transid", "0"), Pair("Receive time", ""),
                              Pair("Snapshot(s)", "snap1,dir1/snap2")));
}

TEST(BtrfsSubvolumeShowParse, FieldsAfterAnEmptySnapshotListAreKept) {
  auto r = parse_btrfs_subvolume_show(kSub2WithQuota);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 22u);
  EXPECT_EQ((*r)[0], std::make_pair(std::string("path"), std::string("sub2")));
  EXPECT_THAT(std::vector(r->begin() + 16, r->end()),
              ElementsAre(Pair("Snapshot(s)", ""), Pair("Quota group", "0/259"),
                          Pair("Limit referenced", ""), Pair("Limit exclusive", ""),
                          Pair("Usage referenced", "16.00KiB"),
                          Pair("Usage exclusive", "16.00KiB")));
}

TEST(BtrfsSubvolumeShowParse, ToplevelIsParsedLikeAnyOther) {
  auto r = parse_btrfs_subvolume_show(kToplevel);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 17u);
  EXPECT_THAT((*r)[0], Pair("path", "/"));
  EXPECT_THAT((*r)[1], Pair("Name", "<FS_TREE>"));
  EXPECT_THAT((*r)[16], Pair("Snapshot(s)", ""));
}

TEST(BtrfsSubvolumeShowParse, OutputWithoutAWholeFirstLineIsTruncated) {
  auto empty = parse_btrfs_subvolume_show("");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message, "truncated output: ");
  auto cut = parse_btrfs_subvolume_show("sub1");
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().message, "truncated output: sub1");
}

TEST(BtrfsSubvolumeShowParse, OddLinesReadAsTheOriginalReadThem) {
  // A first line with ':' is a field; a value keeps its inner and trailing
  // blanks and everything after the first ':'; an empty line is an empty
  // field; a line whose text starts with ':' ends the fields.
  auto r = parse_btrfs_subvolume_show(
      "Path: /a\n"
      "\tTime: \t 10:11:12 \n"
      "\n"
      "\tSnapshot(s): ignored\n"
      "\t\ts1\n"
      "\n"
      "\t\ts2\n"
      "\tLast:-\n"
      "  : stop\n"
      "\tNever: here\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(*r, ElementsAre(Pair("Path", "/a"), Pair("Time", "10:11:12 "), Pair("", ""),
                              Pair("Snapshot(s)", "s1,,s2"), Pair("Last", "")));
}

TEST(BtrfsSubvolumeShowParse, AFinalLineWithoutNewlineCounts) {
  auto r = parse_btrfs_subvolume_show("s\n\tName: s");
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, ElementsAre(Pair("path", "s"), Pair("Name", "s")));
}

const Argv kShowSub1{"btrfs", "subvolume", "show", "/sub1"};

TEST(BtrfsSubvolumeShow, RunsOnTheGuestPathAndParses) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kShowSub1, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0, kSub1)));
  auto ctx = m.ctx();
  auto r = btrfs_subvolume_show(ctx, "/sub1");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->size(), 17u);
  EXPECT_THAT(r->back(), Pair("Snapshot(s)", "snap1,dir1/snap2"));
}

TEST(BtrfsSubvolumeShow, ADirectoryIsRefusedByBtrfs) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "show", "/dir1"}, _))
      .WillOnce(Return(exited(1, "", "ERROR: Not a Btrfs subvolume: Invalid argument")));
  auto ctx = m.ctx();
  auto r = btrfs_subvolume_show(ctx, "/dir1");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/dir1: ERROR: Not a Btrfs subvolume: Invalid argument");
  EXPECT_EQ(r.error().errnum, 0);
}

TEST(BtrfsSubvolumeShow, AMissingPathIsRefusedByBtrfs) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "show", "/nope"}, _))
      .WillOnce(Return(exited(
          1, "", "ERROR: cannot find real path for '/sysroot/nope': No such file or directory")));
  auto ctx = m.ctx();
  auto r = btrfs_subvolume_show(ctx, "/nope");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "/nope: ERROR: cannot find real path for '/sysroot/nope': No such file or directory");
}

TEST(BtrfsSubvolumeShow, OlderBtrfsProgsAnswersForTheRoot) {
  for (const char* said : {"/sysroot is btrfs root\n", "/sysroot/ is toplevel subvolume\n"}) {
    MockPorts m;
    EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "show", "/"}, _))
        .WillOnce(Return(exited(0, said)));
    auto ctx = m.ctx();
    auto r = btrfs_subvolume_show(ctx, "/");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, "/ is btrfs root");
  }
}

TEST(BtrfsSubvolumeShow, OlderBtrfsProgsSucceedsOnADirectory) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "show", "/d"}, _))
      .WillOnce(Return(exited(0, "", "ERROR: /sysroot/d is not a subvolume")));
  auto ctx = m.ctx();
  auto r = btrfs_subvolume_show(ctx, "/d");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "/d is not a subvolume");
}

TEST(BtrfsSubvolumeShow, AGuestPathThatCannotBeResolvedIsPrefixed) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"btrfs", "subvolume", "show", "/no/dir"}, _))
      .WillOnce(
          Return(fail_with(ENOENT, "btrfs: cannot access '/no/dir': No such file or directory")));
  auto ctx = m.ctx();
  auto r = btrfs_subvolume_show(ctx, "/no/dir");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "/no/dir: btrfs: cannot access '/no/dir': No such file or directory");
  EXPECT_EQ(r.error().errnum, 0);
}

}  // namespace
}  // namespace gfsd::domain::test
