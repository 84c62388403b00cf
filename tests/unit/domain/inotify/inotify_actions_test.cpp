#include "domain/inotify/inotify_actions.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "support/mock_inotify.hpp"
#include "support/mock_ports.hpp"

namespace gfsd::domain {
namespace {

using mocks::MockInotify;
using mocks::MockPorts;
using ports::InotifyEvent;
using testing::_;
using testing::ElementsAre;
using testing::InSequence;
using testing::Return;

std::vector<ports::MountEntry> root_mounted() { return {{"/dev/sda1", "/sysroot", "ext4"}}; }

struct InotifyFixture {
  MockPorts m;
  testing::NiceMock<MockInotify> ino;
  Ctx ctx = m.ctx();
  InotifyFixture() {
    ctx.inotify = &ino;
    ON_CALL(m.mounts, list()).WillByDefault(Return(root_mounted()));
  }
};

Result<std::vector<InotifyEvent>> batch(std::vector<InotifyEvent> events) { return events; }
Result<std::vector<InotifyEvent>> nothing_queued() { return std::vector<InotifyEvent>{}; }

// ---- the "inotify_init first" rule -----------------------------------------

TEST(Inotify, EveryCallButInitNeedsAnOpenDescriptor) {
  InotifyFixture f;
  EXPECT_CALL(f.ino, add_watch).Times(0);
  EXPECT_CALL(f.ino, read_queued).Times(0);
  const std::string tail = ": you must call 'inotify_init' first to initialize inotify";
  EXPECT_EQ(inotify_add_watch(f.ctx, "/", 0xfff).error().message, "do_inotify_add_watch" + tail);
  EXPECT_EQ(inotify_rm_watch(f.ctx, 1).error().message, "do_inotify_rm_watch" + tail);
  EXPECT_EQ(inotify_read(f.ctx).error().message, "do_inotify_read" + tail);
  EXPECT_EQ(inotify_files(f.ctx).error().message, "do_inotify_files" + tail);
  auto r = inotify_close(f.ctx);
  EXPECT_EQ(r.error().message, "do_inotify_close" + tail);
  EXPECT_EQ(r.error().errnum, 0);
}

// ---- inotify_init / inotify_close ---------------------------------------------

TEST(InotifyInit, NeedsAMountedRootFirst) {
  InotifyFixture f;
  ON_CALL(f.m.mounts, list()).WillByDefault(Return(std::vector<ports::MountEntry>{}));
  EXPECT_CALL(f.ino, open).Times(0);
  auto r = inotify_init(f.ctx, -1);  // the root is checked before the number
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "do_inotify_init: you must call 'mount' first to mount the root filesystem");
}

TEST(InotifyInit, ANegativeLimitIsRefused) {
  InotifyFixture f;
  EXPECT_CALL(f.ino, open).Times(0);
  auto r = inotify_init(f.ctx, -1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, 0);
  EXPECT_EQ(r.error().message, "max_events < 0");
}

TEST(InotifyInit, ZeroLeavesTheKernelsLimit) {
  InotifyFixture f;
  EXPECT_CALL(f.ino, set_max_queued_events).Times(0);
  EXPECT_CALL(f.ino, open);
  EXPECT_TRUE(inotify_init(f.ctx, 0));
  EXPECT_TRUE(f.ino.is_open());
}

TEST(InotifyInit, APositiveLimitIsWrittenBeforeTheDescriptorIsMade) {
  InotifyFixture f;
  InSequence order;
  EXPECT_CALL(f.ino, set_max_queued_events(20000)).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(f.ino, open);
  EXPECT_TRUE(inotify_init(f.ctx, 20000));
}

TEST(InotifyInit, TheLimitFileCannotBeOpened) {
  InotifyFixture f;
  EXPECT_CALL(f.ino, set_max_queued_events(5)).WillOnce(Return(fail_with(EACCES, "")));
  EXPECT_CALL(f.ino, open).Times(0);
  auto r = inotify_init(f.ctx, 5);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EACCES);
  EXPECT_EQ(r.error().message, "/proc/sys/fs/inotify/max_queued_events: Permission denied");
}

TEST(InotifyInit, ASecondInitClosesTheFirstDescriptor) {
  InotifyFixture f;
  f.ino.set_open(true);
  InSequence order;
  EXPECT_CALL(f.ino, close);
  EXPECT_CALL(f.ino, open);
  EXPECT_TRUE(inotify_init(f.ctx, 0));
}

TEST(InotifyInit, FailuresAreWordedAsTheOriginal) {
  InotifyFixture f;
  EXPECT_CALL(f.ino, open).WillOnce(Return(fail_with(EMFILE, "")));
  auto r = inotify_init(f.ctx, 0);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EMFILE);
  EXPECT_EQ(r.error().message, "inotify_init1: Too many open files");

  f.ino.set_open(true);
  EXPECT_CALL(f.ino, close).WillOnce(Return(fail_with(EIO, "")));
  auto c = inotify_close(f.ctx);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message, "close: Input/output error");
}

TEST(InotifyClose, Closes) {
  InotifyFixture f;
  f.ino.set_open(true);
  EXPECT_CALL(f.ino, close);
  EXPECT_TRUE(inotify_close(f.ctx));
  EXPECT_FALSE(f.ino.is_open());
}

// ---- watches ------------------------------------------------------------------

TEST(InotifyAddWatch, TheResolvedPathAndTheMaskAsGiven) {
  InotifyFixture f;
  f.ino.set_open(true);
  EXPECT_CALL(f.m.fs, realpath("/")).WillOnce(Return(std::string("/")));
  EXPECT_CALL(f.m.fs, realpath("/abs")).WillOnce(Return(std::string("/etc")));
  EXPECT_CALL(f.ino, add_watch("/sysroot/etc", 0xfffu)).WillOnce(Return(int64_t{1}));
  EXPECT_CALL(f.ino, add_watch("/sysroot/", 0x80000100u)).WillOnce(Return(int64_t{2}));
  EXPECT_EQ(*inotify_add_watch(f.ctx, "/abs", 0xfff), 1);
  EXPECT_EQ(*inotify_add_watch(f.ctx, "/", static_cast<int32_t>(0x80000100u)), 2);
}

TEST(InotifyAddWatch, DontFollowWatchesTheLinkItself) {
  InotifyFixture f;
  f.ino.set_open(true);
  EXPECT_CALL(f.m.fs, realpath("/dir/lnk")).Times(0);
  EXPECT_CALL(f.m.fs, realpath("/dir")).WillOnce(Return(std::string("/dir")));
  EXPECT_CALL(f.ino, add_watch("/sysroot/dir/lnk", 0x02000fffu)).WillOnce(Return(int64_t{3}));
  EXPECT_EQ(*inotify_add_watch(f.ctx, "/dir/lnk", 0x02000fff), 3);
}

TEST(InotifyAddWatch, FailuresNameTheGuestPath) {
  InotifyFixture f;
  f.ino.set_open(true);
  EXPECT_CALL(f.ino, add_watch("/sysroot/", 0u)).WillOnce(Return(fail_with(EINVAL, "")));
  auto r = inotify_add_watch(f.ctx, "/", 0);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EINVAL);
  EXPECT_EQ(r.error().message, "/: Invalid argument");

  // A dangling symlink, followed: nothing to watch.
  EXPECT_CALL(f.m.fs, realpath("/dangle")).WillOnce(Return(fail_errno(ENOENT, "realpath")));
  EXPECT_CALL(f.m.fs, stat("/dangle", false)).WillOnce(Return(ports::FileStat{}));
  auto d = inotify_add_watch(f.ctx, "/dangle", 0xfff);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().errnum, ENOENT);
  EXPECT_EQ(d.error().message, "/dangle: No such file or directory");
}

TEST(InotifyRmWatch, FailureNamesTheWatch) {
  InotifyFixture f;
  f.ino.set_open(true);
  EXPECT_CALL(f.ino, rm_watch(1)).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(f.ino, rm_watch(-1)).WillOnce(Return(fail_with(EINVAL, "")));
  EXPECT_TRUE(inotify_rm_watch(f.ctx, 1));
  auto r = inotify_rm_watch(f.ctx, -1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EINVAL);
  EXPECT_EQ(r.error().message, "-1: Invalid argument");
}

// ---- events -------------------------------------------------------------------

TEST(InotifyRead, ReadsUntilNothingIsQueued) {
  InotifyFixture f;
  f.ino.set_open(true);
  EXPECT_CALL(f.ino, read_queued())
      .WillOnce(Return(batch({{1, 0x100, 0, "g"}, {1, 0x40000100, 0, "h"}})))
      .WillOnce(Return(batch({{2, 0x8000, 7, ""}})))
      .WillOnce(Return(nothing_queued()));
  auto r = inotify_read(f.ctx);
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, ElementsAre(api::InotifyEvent{1, 0x100, 0, "g"},
                              api::InotifyEvent{1, 0x40000100, 0, "h"},
                              api::InotifyEvent{2, 0x8000, 7, ""}));
}

TEST(InotifyRead, StopsWhenTheReplyIsHalfTheLargestMessage) {
  InotifyFixture f;
  f.ino.set_open(true);
  // Each event is counted as 16 + 4 + name + 4 bytes against 2 MiB: 8 of
  // these (255-byte names, 279 each) per batch, so 940 batches reach it.
  const std::vector<InotifyEvent> eight(8, InotifyEvent{1, 0x100, 0, std::string(255, 'n')});
  int reads = 0;
  EXPECT_CALL(f.ino, read_queued()).WillRepeatedly([&] {
    ++reads;
    return Result<std::vector<InotifyEvent>>(eight);
  });
  auto r = inotify_read(f.ctx);
  ASSERT_TRUE(r);
  const int64_t room = 2 * 1024 * 1024;
  const int64_t per_batch = 8 * (16 + 4 + 255 + 4);
  EXPECT_EQ(reads, (room + per_batch - 1) / per_batch);
  EXPECT_EQ(r->size(), static_cast<size_t>(reads) * 8);
}

TEST(InotifyRead, AReadErrorIsPassedOn) {
  InotifyFixture f;
  f.ino.set_open(true);
  EXPECT_CALL(f.ino, read_queued())
      .WillOnce(Return(batch({{1, 0x100, 0, "g"}})))
      .WillOnce(Return(fail("unexpected end of file")));
  auto r = inotify_read(f.ctx);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "unexpected end of file");
}

TEST(InotifyFiles, SortedUniqueNamesInByteOrder) {
  InotifyFixture f;
  f.ino.set_open(true);
  EXPECT_CALL(f.ino, read_queued())
      .WillOnce(Return(batch({{1, 0x100, 0, "zz"}, {1, 0x100, 0, "B"}, {1, 0x8, 0, "a"}})))
      .WillOnce(Return(nothing_queued()))
      .WillOnce(Return(batch({{1, 0x100, 0, "_x"}, {1, 0x8, 0, "a"}, {2, 0x8000, 0, ""}})))
      .WillOnce(Return(nothing_queued()))
      .WillOnce(Return(nothing_queued()));
  auto r = inotify_files(f.ctx);
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, ElementsAre("B", "_x", "a", "zz"));
}

TEST(InotifyFiles, ANameWithNewlinesComesBackInPieces) {
  InotifyFixture f;
  f.ino.set_open(true);
  EXPECT_CALL(f.ino, read_queued())
      .WillOnce(Return(batch({{1, 0x100, 0, "b\na"}, {1, 0x100, 0, "c\n"}})))
      .WillRepeatedly(Return(nothing_queued()));
  auto r = inotify_files(f.ctx);
  ASSERT_TRUE(r);
  EXPECT_THAT(*r, ElementsAre("", "a", "b", "c"));
}

TEST(InotifyFiles, NothingQueued) {
  InotifyFixture f;
  f.ino.set_open(true);
  EXPECT_CALL(f.ino, read_queued()).WillOnce(Return(nothing_queued()));
  auto r = inotify_files(f.ctx);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

}  // namespace
}  // namespace gfsd::domain
