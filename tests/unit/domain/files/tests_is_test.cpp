#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::Return;

TEST(Exists, DoesNotFollowAndMissingIsFalse) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/dangling", false)).WillOnce(Return(stat_of(kSymlink)));
  EXPECT_CALL(m.fs, stat("/gone", false)).WillOnce(Return(fail_errno(ENOENT, "/gone")));
  EXPECT_CALL(m.fs, stat("/file/x", false)).WillOnce(Return(fail_errno(ENOTDIR, "/file/x")));
  auto ctx = m.ctx();
  EXPECT_THAT(exists(ctx, "/dangling"), HasValue(true));
  EXPECT_THAT(exists(ctx, "/gone"), HasValue(false));
  EXPECT_THAT(exists(ctx, "/file/x"), HasValue(false));
}

TEST(Exists, OtherErrorsAreReported) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/loop", false)).WillOnce(Return(fail_errno(ELOOP, "/loop")));
  auto ctx = m.ctx();
  EXPECT_THAT(exists(ctx, "/loop"),
              IsError(ELOOP, "stat: /loop: Too many levels of symbolic links"));
}

TEST(IsFile, DoesNotFollowByDefault) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/f", false)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.fs, stat("/l", false)).WillOnce(Return(stat_of(kSymlink)));
  auto ctx = m.ctx();
  EXPECT_THAT(is_file(ctx, "/f", {}), HasValue(true));
  EXPECT_THAT(is_file(ctx, "/l", {}), HasValue(false));
}

TEST(IsFile, FollowsWhenAsked) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/l", true)).WillOnce(Return(stat_of(kRegular)));
  auto ctx = m.ctx();
  api::opt::is_file opts;
  opts.followsymlinks = true;
  EXPECT_THAT(is_file(ctx, "/l", opts), HasValue(true));
  opts.followsymlinks = false;
  EXPECT_CALL(m.fs, stat("/l", false)).WillOnce(Return(stat_of(kSymlink)));
  EXPECT_THAT(is_file(ctx, "/l", opts), HasValue(false));
}

TEST(IsFile, MissingIsFalseOtherErrorsNameTheSyscall) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/gone", false)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, stat("/x", false)).WillOnce(Return(fail_errno(EACCES, "")));
  EXPECT_CALL(m.fs, stat("/x", true)).WillOnce(Return(fail_errno(ELOOP, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(is_file(ctx, "/gone", {}), HasValue(false));
  EXPECT_THAT(is_file(ctx, "/x", {}), IsError(EACCES, "lstat: /x: Permission denied"));
  api::opt::is_file follow;
  follow.followsymlinks = true;
  EXPECT_THAT(is_file(ctx, "/x", follow),
              IsError(ELOOP, "stat: /x: Too many levels of symbolic links"));
}

TEST(IsDir, ChecksTheDirectoryType) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/d", false)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, stat("/f", false)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.fs, stat("/l", true)).WillOnce(Return(stat_of(kDirectory)));
  auto ctx = m.ctx();
  EXPECT_THAT(is_dir(ctx, "/d", {}), HasValue(true));
  EXPECT_THAT(is_dir(ctx, "/f", {}), HasValue(false));
  api::opt::is_dir follow;
  follow.followsymlinks = true;
  EXPECT_THAT(is_dir(ctx, "/l", follow), HasValue(true));
}

TEST(IsSymlink, NeverFollows) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/l", false)).WillOnce(Return(stat_of(kSymlink)));
  EXPECT_CALL(m.fs, stat("/d", false)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, stat("/gone", false)).WillOnce(Return(fail_errno(ENOENT, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(is_symlink(ctx, "/l"), HasValue(true));
  EXPECT_THAT(is_symlink(ctx, "/d"), HasValue(false));
  EXPECT_THAT(is_symlink(ctx, "/gone"), HasValue(false));
}

// The C half of the original: the four device-ish kinds. One code path with
// is_file; their error names "stat" whichever call was made.
constexpr int64_t kCharDevice = 0020666;
constexpr int64_t kBlockDevice = 0060660;
constexpr int64_t kFifo = 0010644;
constexpr int64_t kSocket = 0140755;

TEST(IsKind, EachActionChecksItsOwnType) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/c", false)).WillRepeatedly(Return(stat_of(kCharDevice)));
  EXPECT_CALL(m.fs, stat("/b", false)).WillRepeatedly(Return(stat_of(kBlockDevice)));
  EXPECT_CALL(m.fs, stat("/p", false)).WillRepeatedly(Return(stat_of(kFifo)));
  EXPECT_CALL(m.fs, stat("/s", false)).WillRepeatedly(Return(stat_of(kSocket)));
  EXPECT_CALL(m.fs, stat("/d", false)).WillRepeatedly(Return(stat_of(kDirectory)));
  auto ctx = m.ctx();
  EXPECT_THAT(is_chardev(ctx, "/c", {}), HasValue(true));
  EXPECT_THAT(is_chardev(ctx, "/b", {}), HasValue(false));
  EXPECT_THAT(is_blockdev(ctx, "/b", {}), HasValue(true));
  EXPECT_THAT(is_blockdev(ctx, "/c", {}), HasValue(false));
  EXPECT_THAT(is_fifo(ctx, "/p", {}), HasValue(true));
  EXPECT_THAT(is_fifo(ctx, "/s", {}), HasValue(false));
  EXPECT_THAT(is_socket(ctx, "/s", {}), HasValue(true));
  EXPECT_THAT(is_socket(ctx, "/p", {}), HasValue(false));
  // A socket's bits include the directory's: the whole type field decides.
  EXPECT_THAT(is_socket(ctx, "/d", {}), HasValue(false));
  EXPECT_THAT(is_dir(ctx, "/s", {}), HasValue(false));
}

TEST(IsKind, FollowsOnlyWhenAsked) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/l", false)).WillRepeatedly(Return(stat_of(kSymlink)));
  EXPECT_CALL(m.fs, stat("/l", true)).WillRepeatedly(Return(stat_of(kBlockDevice)));
  auto ctx = m.ctx();
  EXPECT_THAT(is_blockdev(ctx, "/l", {}), HasValue(false));
  api::opt::is_blockdev follow;
  follow.followsymlinks = true;
  EXPECT_THAT(is_blockdev(ctx, "/l", follow), HasValue(true));
  api::opt::is_blockdev no_follow;
  no_follow.followsymlinks = false;
  EXPECT_THAT(is_blockdev(ctx, "/l", no_follow), HasValue(false));
}

TEST(IsKind, MissingIsFalseOtherErrorsSayStat) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/gone", false)).WillRepeatedly(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, stat("/f/x", true)).WillRepeatedly(Return(fail_errno(ENOTDIR, "")));
  EXPECT_CALL(m.fs, stat("/x", false)).WillRepeatedly(Return(fail_errno(EACCES, "")));
  EXPECT_CALL(m.fs, stat("/x", true)).WillRepeatedly(Return(fail_errno(ELOOP, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(is_chardev(ctx, "/gone", {}), HasValue(false));
  api::opt::is_fifo follow;
  follow.followsymlinks = true;
  EXPECT_THAT(is_fifo(ctx, "/f/x", follow), HasValue(false));
  EXPECT_THAT(is_socket(ctx, "/x", {}), IsError(EACCES, "stat: /x: Permission denied"));
  EXPECT_THAT(is_fifo(ctx, "/x", follow),
              IsError(ELOOP, "stat: /x: Too many levels of symbolic links"));
  EXPECT_THAT(is_blockdev(ctx, "/x", {}), IsError(EACCES, "stat: /x: Permission denied"));
  EXPECT_THAT(is_chardev(ctx, "/x", {}), IsError(EACCES, "stat: /x: Permission denied"));
}

}  // namespace
}  // namespace gfsd::domain::test
