// internal_filesystem_walk / internal_find_inode: open errors as replies in
// the original's words, then one record per name streamed, dot entries left
// out, a failure after the reply cancelling the transfer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/tsk/tsk_actions.hpp"
#include "support/mock_tsk.hpp"
#include "unit/domain/fs/fs_test_util.hpp"
#include "unit/domain/tsk/tsk_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using mocks::MockSleuthKit;
using mocks::ScriptedName;
using mocks::ScriptedTskFilesystem;
using testing::_;
using testing::InSequence;
using testing::Return;
using Type = ports::TskEntry::Type;

// A small ext4 as libtsk walks it: the root's "." and "..", a directory with
// its own dot entries, files, a deleted name.
std::vector<ScriptedName> small_tree() {
  auto root_dot = name_of("", ".", 2, Type::Dir);
  root_dot.is_root = true;
  auto root_dotdot = name_of("", "..", 2, Type::Dir);
  root_dotdot.is_root = true;
  auto sub_dot = name_of("dir/", ".", 12, Type::Dir);
  auto sub_dotdot = name_of("dir/", "..", 2, Type::Dir);
  sub_dotdot.is_root = true;
  auto deleted = name_of("", "deleted.txt", 14);
  deleted.unallocated = true;
  deleted.meta->allocated = false;
  return {root_dot,
          root_dotdot,
          name_of("", "lost+found", 11, Type::Dir),
          name_of("", "dir", 12, Type::Dir),
          sub_dot,
          sub_dotdot,
          name_of("dir/", "file", 13),
          deleted};
}

struct Fixture {
  MockPorts m;
  MockSleuthKit tsk;
  bool closed = false;
  ScriptedTskFilesystem* fs = nullptr;
  std::string sent;
  int writes = 0;

  domain::Ctx ctx() {
    auto c = m.ctx();
    c.tsk = &tsk;
    return c;
  }

  // open_image(device) succeeds with the scripted filesystem.
  void opens(const std::string& device, std::vector<ScriptedName> names) {
    auto owned = std::make_unique<ScriptedTskFilesystem>(std::move(names), &closed);
    fs = owned.get();
    auto image = mocks::image_with(std::move(owned));
    auto shared = std::make_shared<std::unique_ptr<ports::TskImage>>(std::move(image));
    EXPECT_CALL(tsk, open_image(device))
        .WillOnce([shared](const std::string&) -> Result<std::unique_ptr<ports::TskImage>> {
          return std::move(*shared);
        });
  }

  void collects_writes() {
    ON_CALL(m.download, write(_, _)).WillByDefault([this](const char* d, size_t n) {
      sent.append(d, n);
      ++writes;
      return Result<void>{};
    });
  }
};

TEST(TskWalk, ReplyThenOneRecordPerNameWithoutDotEntries) {
  Fixture f;
  f.opens("/dev/sda1", small_tree());
  f.collects_writes();
  {
    InSequence seq;
    EXPECT_CALL(f.m.download, start()).WillOnce(Return(Result<void>{}));
    EXPECT_CALL(f.m.download, write(_, _)).Times(5);
    EXPECT_CALL(f.m.download, finish()).WillOnce(Return(Result<void>{}));
  }
  auto ctx = f.ctx();
  EXPECT_TRUE(internal_filesystem_walk(ctx, device("/dev/sda1")));
  EXPECT_EQ(f.sent, record_of(".", 2, 'd') + record_of("lost+found", 11, 'd') +
                        record_of("dir", 12, 'd') + record_of("dir/file", 13, 'r') +
                        record_of("deleted.txt", 14, 'r', 0));
  EXPECT_EQ(f.writes, 5);  // one record at a time, nothing gathered
  EXPECT_TRUE(f.closed);
}

TEST(TskWalk, ABtrfsvolMountableWalksItsDevice) {
  Fixture f;
  f.opens("/dev/sda2", {});
  EXPECT_CALL(f.m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(f.m.download, finish()).WillOnce(Return(Result<void>{}));
  auto ctx = f.ctx();
  EXPECT_TRUE(internal_filesystem_walk(ctx, btrfsvol("/dev/sda2", "sub")));
}

TEST(TskWalk, FindInodeKeepsEveryNameOfThatInode) {
  Fixture f;
  auto tree = small_tree();
  tree.push_back(name_of("dir/", "hardlink", 13));
  f.opens("/dev/sda1", tree);
  f.collects_writes();
  EXPECT_CALL(f.m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(f.m.download, finish()).WillOnce(Return(Result<void>{}));
  auto ctx = f.ctx();
  EXPECT_TRUE(internal_find_inode(ctx, device("/dev/sda1"), 13));
  EXPECT_EQ(f.sent, record_of("dir/file", 13, 'r') + record_of("dir/hardlink", 13, 'r'));
}

TEST(TskWalk, FindInodeOfTheRootGivesItsDotOnly) {
  Fixture f;
  f.opens("/dev/sda1", small_tree());
  f.collects_writes();
  EXPECT_CALL(f.m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(f.m.download, finish()).WillOnce(Return(Result<void>{}));
  auto ctx = f.ctx();
  EXPECT_TRUE(internal_find_inode(ctx, device("/dev/sda1"), 2));
  EXPECT_EQ(f.sent, record_of(".", 2, 'd'));
}

TEST(TskWalk, FindInodeWithANegativeOrUnknownInodeIsAnEmptyList) {
  for (int64_t inode : {int64_t{-1}, int64_t{999}}) {
    Fixture f;
    f.opens("/dev/sda1", small_tree());
    EXPECT_CALL(f.m.download, start()).WillOnce(Return(Result<void>{}));
    EXPECT_CALL(f.m.download, write(_, _)).Times(0);
    EXPECT_CALL(f.m.download, finish()).WillOnce(Return(Result<void>{}));
    auto ctx = f.ctx();
    EXPECT_TRUE(internal_find_inode(ctx, device("/dev/sda1"), inode));
  }
}

TEST(TskWalk, ImageOpenFailureIsAReplyInTheOriginalsWords) {
  Fixture f;
  EXPECT_CALL(f.tsk, open_image("/dev/sda"))
      .WillOnce(Return(fail(
          "Error opening image file (raw_open: file \"/dev/sda\" - No such file or directory)")))
      .WillOnce(Return(fail("")));
  EXPECT_CALL(f.m.download, start()).Times(0);
  auto ctx = f.ctx();
  EXPECT_THAT(internal_filesystem_walk(ctx, device("/dev/sda")),
              IsError(0,
                      "tsk_image_open: Error opening image file (raw_open: file \"/dev/sda\" - No "
                      "such file or directory)"));
  EXPECT_THAT(internal_find_inode(ctx, device("/dev/sda"), 2),
              IsError(0, "tsk_image_open: unknown error"));
}

TEST(TskWalk, FilesystemOpenFailureIsAReplyAndClosesTheImage) {
  Fixture f;
  auto image = std::make_unique<mocks::MockTskImage>();
  EXPECT_CALL(*image, open_filesystem())
      .WillOnce(Return(fail("Cannot determine file system type")));
  auto shared = std::make_shared<std::unique_ptr<ports::TskImage>>(std::move(image));
  EXPECT_CALL(f.tsk, open_image("/dev/sda"))
      .WillOnce([shared](const std::string&) -> Result<std::unique_ptr<ports::TskImage>> {
        return std::move(*shared);
      });
  EXPECT_CALL(f.m.download, start()).Times(0);
  auto ctx = f.ctx();
  EXPECT_THAT(internal_filesystem_walk(ctx, device("/dev/sda")),
              IsError(0, "tsk_fs_open_img: Cannot determine file system type"));
  EXPECT_FALSE(*shared);  // handed over and gone with the call
}

TEST(TskWalk, FilesystemOpenFailureWithoutAMessage) {
  Fixture f;
  auto image = std::make_unique<mocks::MockTskImage>();
  EXPECT_CALL(*image, open_filesystem()).WillOnce(Return(fail("")));
  auto shared = std::make_shared<std::unique_ptr<ports::TskImage>>(std::move(image));
  EXPECT_CALL(f.tsk, open_image(_))
      .WillOnce([shared](const std::string&) -> Result<std::unique_ptr<ports::TskImage>> {
        return std::move(*shared);
      });
  auto ctx = f.ctx();
  EXPECT_THAT(internal_find_inode(ctx, device("/dev/sda"), 5),
              IsError(0, "tsk_fs_open_img: unknown error"));
}

TEST(TskWalk, ALibtskFailureAfterTheReplyCancelsInsteadOfFinishing) {
  Fixture f;
  f.opens("/dev/sda1", small_tree());
  f.fs->tsk_error = "Error reading directory";
  f.collects_writes();
  EXPECT_CALL(f.m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(f.m.download, finish()).Times(0);
  auto ctx = f.ctx();
  EXPECT_THAT(internal_filesystem_walk(ctx, device("/dev/sda1")),
              IsError(0, "Error reading directory"));
  EXPECT_TRUE(f.closed);
}

TEST(TskWalk, TheLibraryCancellingStopsTheWalk) {
  Fixture f;
  f.opens("/dev/sda1", small_tree());
  EXPECT_CALL(f.m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(f.m.download, write(_, _)).WillOnce(Return(fail_with(ECANCELED, "cancelled")));
  EXPECT_CALL(f.m.download, finish()).Times(0);
  auto ctx = f.ctx();
  EXPECT_THAT(internal_filesystem_walk(ctx, device("/dev/sda1")), IsError(ECANCELED, "cancelled"));
}

TEST(TskWalk, AStartFailureStopsBeforeTheWalk) {
  Fixture f;
  f.opens("/dev/sda1", small_tree());
  EXPECT_CALL(f.m.download, start()).WillOnce(Return(fail("connection lost")));
  EXPECT_CALL(f.m.download, write(_, _)).Times(0);
  auto ctx = f.ctx();
  EXPECT_THAT(internal_filesystem_walk(ctx, device("/dev/sda1")), IsError(0, "connection lost"));
  EXPECT_TRUE(f.closed);
}

// The original encoded each record into one chunk's buffer (8192 bytes): a
// longer record ended the walk, the transfer cancelled.
TEST(TskWalk, ARecordLongerThanAChunkEndsTheWalk) {
  const std::string fits(8192 - 112, 'a');  // 112 bytes of fixed fields, no link
  const std::string too_long(fits.size() + 1, 'a');
  Fixture f;
  f.opens("/dev/sda1",
          {name_of("", fits, 20), name_of("", too_long, 21), name_of("", "after", 22)});
  f.collects_writes();
  EXPECT_CALL(f.m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(f.m.download, finish()).Times(0);
  auto ctx = f.ctx();
  auto r = internal_filesystem_walk(ctx, device("/dev/sda1"));
  ASSERT_FALSE(r);
  EXPECT_EQ(f.sent, record_of(fits, 20, 'r'));
  EXPECT_EQ(f.sent.size(), 8192u);
}

TEST(TskWalk, NoStreamIsAnInternalError) {
  Fixture f;
  f.m.with_download = false;
  EXPECT_CALL(f.tsk, open_image(_)).Times(0);
  auto ctx = f.ctx();
  EXPECT_FALSE(internal_filesystem_walk(ctx, device("/dev/sda1")));
}

}  // namespace
}  // namespace gfsd::domain::test
