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

}  // namespace
}  // namespace gfsd::domain::test
