// ln_s / ln_sf: GNU ln's steps through the port, and its messages. Expected
// texts are what the original daemon replied (ln from coreutils 9.1).
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

Result<void> ok() { return {}; }

ports::FileStat file_stat(int64_t mode, int64_t ino, int64_t nlink = 1) {
  ports::FileStat s = stat_of(mode);
  s.dev = 7;
  s.ino = ino;
  s.nlink = nlink;
  return s;
}

TEST(LnS, MakesTheLink) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("f", "/l", false)).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(ln_s(ctx, "f", "/l"));
}

TEST(LnS, ExistingFileIsAnError) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("f", "/l", false)).WillOnce(Return(fail_errno(EEXIST, "/l")));
  EXPECT_CALL(m.fs, stat("/l", true)).WillOnce(Return(stat_of(kRegular)));
  auto ctx = m.ctx();
  EXPECT_THAT(ln_s(ctx, "f", "/l"),
              IsError(0, "ln -s: f: /l: ln: failed to create symbolic link '/sysroot/l': "
                         "File exists"));
}

TEST(LnS, MissingParent) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("/whatever", "/nodir/l", false))
      .WillOnce(Return(fail_errno(ENOENT, "/nodir/l")));
  EXPECT_CALL(m.fs, stat(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(ln_s(ctx, "/whatever", "/nodir/l"),
              IsError(0, "ln -s: /whatever: /nodir/l: ln: failed to create symbolic link "
                         "'/sysroot/nodir/l': No such file or directory"));
}

TEST(LnS, EmptyTargetIsShownWithTheArrow) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("", "/e", false)).WillOnce(Return(fail_errno(ENOENT, "/e")));
  auto ctx = m.ctx();
  EXPECT_THAT(ln_s(ctx, "", "/e"),
              IsError(0, "ln -s: : /e: ln: failed to create symbolic link '/sysroot/e' -> '': "
                         "No such file or directory"));
}

TEST(LnS, AnExistingDirectoryReceivesTheLink) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("/x/target/", "/d/", false))
      .WillOnce(Return(fail_errno(EEXIST, "/d/")));
  EXPECT_CALL(m.fs, stat("/d/", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, symlink("/x/target/", "/d/target", false)).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(ln_s(ctx, "/x/target/", "/d/"));
}

TEST(LnS, InsideTheDirectoryTheNewNameIsShown) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("a/..", "/d", false)).WillOnce(Return(fail_errno(EEXIST, "/d")));
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, symlink("a/..", "/d/..", false)).WillOnce(Return(fail_errno(EEXIST, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(ln_s(ctx, "a/..", "/d"),
              IsError(0, "ln -s: a/..: /d: ln: failed to create symbolic link "
                         "'/sysroot/d/..': File exists"));
}

TEST(LnS, TheRootAsTheDirectory) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("/etc/hosts", "/", false)).WillOnce(Return(fail_errno(EEXIST, "/")));
  EXPECT_CALL(m.fs, stat("/", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, symlink("/etc/hosts", "/hosts", false))
      .WillOnce(Return(fail_errno(EEXIST, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(ln_s(ctx, "/etc/hosts", "/"),
              IsError(0, "ln -s: /etc/hosts: /: ln: failed to create symbolic link "
                         "'/sysroot/hosts': File exists"));
}

TEST(LnS, ATargetOfOnlySlashesLeavesNoNameInTheDirectory) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("/", "/d", false)).WillOnce(Return(fail_errno(EEXIST, "/d")));
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(stat_of(kDirectory)));
  auto ctx = m.ctx();
  EXPECT_THAT(ln_sf(ctx, "/", "/d"),
              IsError(0, "ln -sf: /: /d: ln: failed to create symbolic link '/sysroot/d/': "
                         "No such file or directory"));
}

TEST(LnS, ATooLongTargetIsShown) {
  MockPorts m;
  const std::string target(5000, 'a');
  EXPECT_CALL(m.fs, symlink(target, "/l", false))
      .WillOnce(Return(fail_errno(ENAMETOOLONG, "/l")));
  auto ctx = m.ctx();
  auto r = ln_s(ctx, target, "/l");
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message,
              testing::EndsWith("'/sysroot/l' -> '" + target + "': File name too long"));
}

TEST(LnS, NamesAreQuotedAsLnQuotesThem) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("x", "/no/a'b\n", false))
      .WillOnce(Return(fail_errno(ENOENT, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(ln_s(ctx, "x", "/no/a'b\n"),
              IsError(0, "ln -s: x: /no/a'b\n: ln: failed to create symbolic link "
                         "'''/sysroot/no/a'\\''b'$'\\n': No such file or directory"));
}

TEST(LnS, LiveModeShowsTheGuestPath) {
  MockPorts m;
  m.config.sysroot = "";
  EXPECT_CALL(m.fs, symlink("f", "/l", false)).WillOnce(Return(fail_errno(EEXIST, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(ln_s(ctx, "f", "/l"),
              IsError(0, "ln -s: f: /l: ln: failed to create symbolic link '/l': File exists"));
}

TEST(LnSf, ReplacesAnExistingFile) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("f", "/l", false)).WillOnce(Return(fail_errno(EEXIST, "/l")));
  EXPECT_CALL(m.fs, stat("/l", true)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.fs, stat("/l", false)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.fs, symlink("f", "/l", true)).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(ln_sf(ctx, "f", "/l"));
}

TEST(LnSf, ReplacesADanglingSymlinkItself) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("f", "/l", false)).WillOnce(Return(fail_errno(EEXIST, "/l")));
  EXPECT_CALL(m.fs, stat("/l", true)).WillOnce(Return(fail_errno(ENOENT, "/l")));
  EXPECT_CALL(m.fs, stat("/l", false)).WillOnce(Return(stat_of(kSymlink)));
  EXPECT_CALL(m.fs, symlink("f", "/l", true)).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(ln_sf(ctx, "f", "/l"));
}

TEST(LnSf, NeverOverwritesADirectory) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("/q/sub", "/d", false)).WillOnce(Return(fail_errno(EEXIST, "/d")));
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, symlink("/q/sub", "/d/sub", false))
      .WillOnce(Return(fail_errno(EEXIST, "")));
  EXPECT_CALL(m.fs, stat("/d/sub", false)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, symlink(_, _, true)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(ln_sf(ctx, "/q/sub", "/d"),
              IsError(0, "ln -sf: /q/sub: /d: ln: /sysroot/d/sub: cannot overwrite directory"));
}

TEST(LnSf, ADestinationThatCannotBeLookedAt) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("x", "/f/", false)).WillOnce(Return(fail_errno(EEXIST, "/f/")));
  EXPECT_CALL(m.fs, stat("/f/", true)).WillOnce(Return(fail_errno(ENOTDIR, "/f/")));
  EXPECT_CALL(m.fs, stat("/f/", false)).WillOnce(Return(fail_errno(ENOTDIR, "/f/")));
  auto ctx = m.ctx();
  EXPECT_THAT(ln_sf(ctx, "x", "/f/"),
              IsError(0, "ln -sf: x: /f/: ln: failed to access '/sysroot/f/': Not a directory"));
}

TEST(LnSf, AMissingDestinationIsNotReplaced) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("x", "/nodir/l", false)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, stat("/nodir/l", false)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, symlink(_, _, true)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(ln_sf(ctx, "x", "/nodir/l"),
              IsError(0, "ln -sf: x: /nodir/l: ln: failed to create symbolic link "
                         "'/sysroot/nodir/l': No such file or directory"));
}

TEST(LnSf, TheReplacementsOwnFailure) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("f", "/l", false)).WillOnce(Return(fail_errno(EEXIST, "/l")));
  EXPECT_CALL(m.fs, stat("/l", true)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.fs, stat("/l", false)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.fs, symlink("f", "/l", true)).WillOnce(Return(fail_errno(EROFS, "/l")));
  auto ctx = m.ctx();
  EXPECT_THAT(ln_sf(ctx, "f", "/l"),
              IsError(0, "ln -sf: f: /l: ln: failed to create symbolic link '/sysroot/l': "
                         "Read-only file system"));
}

// In live mode ln's view of the target is the guest's: it will not replace
// the very file the link would point to.
TEST(LnSf, LiveModeRefusesToReplaceTheTargetItself) {
  MockPorts m;
  m.config.sysroot = "";
  EXPECT_CALL(m.fs, symlink("/a", "/a", false)).WillOnce(Return(fail_errno(EEXIST, "/a")));
  EXPECT_CALL(m.fs, stat("/a", true)).WillRepeatedly(Return(file_stat(kRegular, 42)));
  EXPECT_CALL(m.fs, stat("/a", false)).WillOnce(Return(file_stat(kRegular, 42)));
  EXPECT_CALL(m.fs, symlink(_, _, true)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(ln_sf(ctx, "/a", "/a"),
              IsError(0, "ln -sf: /a: /a: ln: '/a' and '/a' are the same file"));
}

TEST(LnSf, OutsideLiveModeTheTargetIsNotLookedUp) {
  MockPorts m;
  EXPECT_CALL(m.fs, symlink("/a", "/a", false)).WillOnce(Return(fail_errno(EEXIST, "/a")));
  EXPECT_CALL(m.fs, stat("/a", true)).WillOnce(Return(file_stat(kRegular, 42)));
  EXPECT_CALL(m.fs, stat("/a", false)).WillOnce(Return(file_stat(kRegular, 42)));
  EXPECT_CALL(m.fs, symlink("/a", "/a", true)).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(ln_sf(ctx, "/a", "/a"));
}

}  // namespace
}  // namespace gfsd::domain::test
