#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

TEST(Touch, CreatesAMissingFile) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/new", false)).WillOnce(Return(fail_errno(ENOENT, "/new")));
  EXPECT_CALL(m.fs, touch("/new")).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_TRUE(touch(ctx, "/new"));
}

TEST(Touch, UpdatesARegularFile) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/f", false)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.fs, touch("/f")).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_TRUE(touch(ctx, "/f"));
}

TEST(Touch, RefusesAnythingButRegularFiles) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/d", false)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, touch(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(touch(ctx, "/d"), IsError(0, "/d: touch can only be used on a regular files"));
}

TEST(Touch, LstatFailureOtherThanMissing) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/x/f", false)).WillOnce(Return(fail_errno(ENOTDIR, "/x/f")));
  auto ctx = m.ctx();
  EXPECT_THAT(touch(ctx, "/x/f"), IsError(ENOTDIR, "lstat: /x/f: Not a directory"));
}

TEST(Touch, PassesThePortsStepError) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/f", false)).WillOnce(Return(fail_errno(ENOENT, "/f")));
  EXPECT_CALL(m.fs, touch("/f")).WillOnce(Return(fail_errno(EROFS, "open: /f")));
  auto ctx = m.ctx();
  EXPECT_THAT(touch(ctx, "/f"), IsError(EROFS, "open: /f: Read-only file system"));
}

TEST(Rm, UnlinksAndReportsPathAndErrno) {
  MockPorts m;
  EXPECT_CALL(m.fs, unlink("/f")).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.fs, unlink("/d")).WillOnce(Return(fail_errno(EISDIR, "whatever")));
  auto ctx = m.ctx();
  EXPECT_TRUE(rm(ctx, "/f"));
  EXPECT_THAT(rm(ctx, "/d"), IsError(EISDIR, "/d: Is a directory"));
}

TEST(RmF, IgnoresOnlyMissingFiles) {
  MockPorts m;
  EXPECT_CALL(m.fs, unlink("/gone")).WillOnce(Return(fail_errno(ENOENT, "/gone")));
  EXPECT_CALL(m.fs, unlink("/d")).WillOnce(Return(fail_errno(EISDIR, "/d")));
  auto ctx = m.ctx();
  EXPECT_TRUE(rm_f(ctx, "/gone"));
  EXPECT_THAT(rm_f(ctx, "/d"), IsError(EISDIR, "/d: Is a directory"));
}

TEST(RmRf, RefusesTheRoot) {
  MockPorts m;
  EXPECT_CALL(m.fs, remove_tree(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(rm_rf(ctx, "/"), IsError(0, "cannot remove root directory"));
}

TEST(RmRf, RefusesDotAndDotDotLikeRm) {
  MockPorts m;
  EXPECT_CALL(m.fs, remove_tree(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(rm_rf(ctx, "/a/.."),
              IsError(0, "/a/..: rm: refusing to remove '.' or '..' directory: skipping "
                         "'/sysroot/a/..'"));
  EXPECT_THAT(rm_rf(ctx, "/a/./"),
              IsError(0, "/a/./: rm: refusing to remove '.' or '..' directory: skipping "
                         "'/sysroot/a/./'"));
}

TEST(RmRf, RemovesTheTree) {
  MockPorts m;
  EXPECT_CALL(m.fs, remove_tree("/a")).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_TRUE(rm_rf(ctx, "/a"));
}

TEST(RmRf, WordsFailuresAsRmDoes) {
  MockPorts m;
  EXPECT_CALL(m.fs, remove_tree("/a")).WillOnce(Return(fail_errno_at(EROFS, "/a/b")));
  auto ctx = m.ctx();
  EXPECT_THAT(rm_rf(ctx, "/a"),
              IsError(0, "/a: rm: cannot remove '/sysroot/a/b': Read-only file system"));
}

// The entry comes from Error::path, never from taking the message apart: a
// name that looks like a message tail stays whole.
TEST(RmRf, TakesTheFailingEntryFromTheErrorData) {
  MockPorts m;
  const std::string odd = "/a/x: Read-only file system";
  EXPECT_CALL(m.fs, remove_tree("/a"))
      .WillOnce(Return(tl::unexpected<Error>(Error{EROFS, "not looked at", odd})));
  auto ctx = m.ctx();
  EXPECT_THAT(rm_rf(ctx, "/a"), IsError(0, "/a: rm: cannot remove '/sysroot/a/x: Read-only "
                                           "file system': Read-only file system"));
}

TEST(RmRf, LiveModeRootIsRefusedByRm) {
  MockPorts m;
  m.config.sysroot = "";
  EXPECT_CALL(m.fs, remove_tree(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(rm_rf(ctx, "//"),
              IsError(0, "//: rm: it is dangerous to operate recursively on '//'\n"
                         "rm: use --no-preserve-root to override this failsafe"));
}

TEST(Truncate, TruncatesToZero) {
  MockPorts m;
  EXPECT_CALL(m.fs, truncate("/f", 0)).WillOnce(Return(fail_errno(EISDIR, "open: /f")));
  auto ctx = m.ctx();
  EXPECT_THAT(truncate(ctx, "/f"), IsError(EISDIR, "open: /f: Is a directory"));
}

TEST(Chmod, RejectsNegativeModes) {
  MockPorts m;
  EXPECT_CALL(m.fs, chmod(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(chmod(ctx, -1, "/f"), IsError(0, "/f: mode is negative"));
}

TEST(Chmod, ReportsTheModeInOctal) {
  MockPorts m;
  EXPECT_CALL(m.fs, chmod("/f", 0755u)).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.fs, chmod("/g", 04711u)).WillOnce(Return(fail_errno(ENOENT, "/g")));
  EXPECT_CALL(m.fs, chmod("/h", 0u)).WillOnce(Return(fail_errno(EPERM, "/h")));
  auto ctx = m.ctx();
  EXPECT_TRUE(chmod(ctx, 0755, "/f"));
  EXPECT_THAT(chmod(ctx, 04711, "/g"), IsError(ENOENT, "/g: 04711: No such file or directory"));
  EXPECT_THAT(chmod(ctx, 0, "/h"), IsError(EPERM, "/h: 00: Operation not permitted"));
}

TEST(Chown, FollowsSymlinksAndReportsOwnerGroup) {
  MockPorts m;
  EXPECT_CALL(m.fs, chown("/f", 1000, -1, true)).WillOnce(Return(fail_errno(ENOENT, "/f")));
  auto ctx = m.ctx();
  EXPECT_THAT(chown(ctx, 1000, -1, "/f"),
              IsError(ENOENT, "/f: 1000.-1: No such file or directory"));
}

TEST(Mktemp, WithoutSuffix) {
  MockPorts m;
  EXPECT_CALL(m.fs, make_temp("/tmp/aXXXXXX", 0u)).WillOnce(Return(std::string("/tmp/aQ2x9Zk")));
  auto ctx = m.ctx();
  auto r = mktemp(ctx, "/tmp/aXXXXXX", {});
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "/tmp/aQ2x9Zk");
}

TEST(Mktemp, SuffixIsAppended) {
  MockPorts m;
  EXPECT_CALL(m.fs, make_temp("/tmp/aXXXXXX.txt", 4u))
      .WillOnce(Return(std::string("/tmp/aQ2x9Zk.txt")));
  auto ctx = m.ctx();
  api::opt::mktemp opts;
  opts.suffix = ".txt";
  auto r = mktemp(ctx, "/tmp/aXXXXXX", opts);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "/tmp/aQ2x9Zk.txt");
}

TEST(Mktemp, SuffixNeedsTemplateEndingInX) {
  MockPorts m;
  EXPECT_CALL(m.fs, make_temp(_, _)).Times(0);
  auto ctx = m.ctx();
  api::opt::mktemp opts;
  opts.suffix = ".txt";
  EXPECT_THAT(mktemp(ctx, "/tmp/a", opts), IsError(0, "template /tmp/a must end in X"));
}

TEST(Mktemp, PortErrorNamesTheFile) {
  MockPorts m;
  EXPECT_CALL(m.fs, make_temp("/nodir/XXXXXX", 0u))
      .WillOnce(Return(fail_errno(ENOENT, "/nodir/abcdef")));
  auto ctx = m.ctx();
  EXPECT_THAT(mktemp(ctx, "/nodir/XXXXXX", {}),
              IsError(ENOENT, "/nodir/abcdef: No such file or directory"));
}

TEST(Filesize, FollowsSymlinks) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular, 1234)));
  EXPECT_CALL(m.fs, stat("/gone", true)).WillOnce(Return(fail_errno(ENOENT, "/gone")));
  auto ctx = m.ctx();
  auto r = filesize(ctx, "/f");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, 1234);
  EXPECT_THAT(filesize(ctx, "/gone"), IsError(ENOENT, "/gone: No such file or directory"));
}

TEST(Umask, SetsAndReturnsTheOldMask) {
  MockPorts m;
  EXPECT_CALL(m.fs, set_umask(077u)).WillOnce(Return(022u));
  auto ctx = m.ctx();
  auto r = umask(ctx, 077);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, 022);
}

TEST(Umask, RejectsOutOfRangeMasks) {
  MockPorts m;
  EXPECT_CALL(m.fs, set_umask(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(umask(ctx, -1), IsError(0, "037777777777: mask negative or out of range"));
  EXPECT_THAT(umask(ctx, 01000), IsError(0, "01000: mask negative or out of range"));
}

TEST(Sync, SyncsAndFlushesTheDisks) {
  MockPorts m;
  EXPECT_CALL(m.fs, sync()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.devices, flush_all_disks());
  auto ctx = m.ctx();
  EXPECT_TRUE(sync(ctx));
}

}  // namespace
}  // namespace gfsd::domain::test
