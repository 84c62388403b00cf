#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

ports::FileStat full_stat() {
  ports::FileStat s;
  s.dev = 1;
  s.ino = 2;
  s.mode = kRegular;
  s.nlink = 3;
  s.uid = 4;
  s.gid = 5;
  s.rdev = 6;
  s.size = 7;
  s.blksize = 8;
  s.blocks = 9;
  s.atime_sec = 10;
  s.atime_nsec = 11;
  s.mtime_sec = 12;
  s.mtime_nsec = 13;
  s.ctime_sec = 14;
  s.ctime_nsec = 15;
  return s;
}

TEST(Statns, MapsEveryFieldAndFollows) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(full_stat()));
  auto ctx = m.ctx();
  auto r = statns(ctx, "/f");
  ASSERT_TRUE(r);
  api::Statns want;
  want.st_dev = 1;
  want.st_ino = 2;
  want.st_mode = kRegular;
  want.st_nlink = 3;
  want.st_uid = 4;
  want.st_gid = 5;
  want.st_rdev = 6;
  want.st_size = 7;
  want.st_blksize = 8;
  want.st_blocks = 9;
  want.st_atime_sec = 10;
  want.st_atime_nsec = 11;
  want.st_mtime_sec = 12;
  want.st_mtime_nsec = 13;
  want.st_ctime_sec = 14;
  want.st_ctime_nsec = 15;
  EXPECT_EQ(*r, want);
}

TEST(Lstatns, DoesNotFollowAndReportsPath) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/l", false)).WillOnce(Return(stat_of(kSymlink)));
  EXPECT_CALL(m.fs, stat("/gone", false)).WillOnce(Return(fail_errno(ENOENT, "")));
  auto ctx = m.ctx();
  auto r = lstatns(ctx, "/l");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->st_mode, kSymlink);
  EXPECT_THAT(lstatns(ctx, "/gone"), IsError(ENOENT, "/gone: No such file or directory"));
  EXPECT_CALL(m.fs, stat("/gone", true)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_THAT(statns(ctx, "/gone"), IsError(ENOENT, "/gone: No such file or directory"));
}

TEST(InternalLstatnslist, OneEntryPerNameFailuresHaveInoMinusOne) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, stat("/a", false)).WillOnce(Return(full_stat()));
  EXPECT_CALL(m.fs, stat("/gone", false)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, stat("/l", false)).WillOnce(Return(stat_of(kSymlink)));
  auto ctx = m.ctx();
  auto r = internal_lstatnslist(ctx, "/", {"a", "gone", "l"});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].st_ino, 2);
  EXPECT_EQ((*r)[1], [] {
    api::Statns s;
    s.st_ino = -1;
    return s;
  }());
  EXPECT_EQ((*r)[2].st_mode, kSymlink);
}

TEST(InternalLstatnslist, JoinsNamesToASubdirectory) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, stat("/d/x", false)).WillOnce(Return(stat_of(kRegular)));
  auto ctx = m.ctx();
  auto r = internal_lstatnslist(ctx, "/d", {"x"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->size(), 1u);
}

TEST(InternalLstatnslist, TheDirectoryMustOpen) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/gone", true)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular)));
  auto ctx = m.ctx();
  EXPECT_THAT(internal_lstatnslist(ctx, "/gone", {"a"}),
              IsError(ENOENT, "/gone: No such file or directory"));
  EXPECT_THAT(internal_lstatnslist(ctx, "/f", {"a"}), IsError(ENOTDIR, "/f: Not a directory"));
}

TEST(Statvfs, MapsFieldsAndWordsErrorsLikeOCaml) {
  MockPorts m;
  ports::FsStat s;
  s.bsize = 4096;
  s.frsize = 4096;
  s.blocks = 100;
  s.bfree = 50;
  s.bavail = 40;
  s.files = 10;
  s.ffree = 5;
  s.favail = 4;
  s.fsid = 77;
  s.flag = 1;
  s.namemax = 255;
  EXPECT_CALL(m.fs, statvfs("/")).WillOnce(Return(s));
  EXPECT_CALL(m.fs, statvfs("/gone")).WillOnce(Return(fail_errno(ENOENT, "")));
  auto ctx = m.ctx();
  auto r = statvfs(ctx, "/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->bsize, 4096);
  EXPECT_EQ(r->blocks, 100);
  EXPECT_EQ(r->bavail, 40);
  EXPECT_EQ(r->favail, 4);
  EXPECT_EQ(r->fsid, 77);
  EXPECT_EQ(r->flag, 1);
  EXPECT_EQ(r->namemax, 255);
  EXPECT_THAT(statvfs(ctx, "/gone"), IsError(ENOENT, "statvfs: /gone: No such file or directory"));
}

TEST(Readlink, ReturnsTheTargetOrAnOCamlStyleError) {
  MockPorts m;
  EXPECT_CALL(m.fs, readlink("/l")).WillOnce(Return(std::string("../etc/passwd")));
  EXPECT_CALL(m.fs, readlink("/f")).WillOnce(Return(fail_errno(EINVAL, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(readlink(ctx, "/l"), HasValue("../etc/passwd"));
  EXPECT_THAT(readlink(ctx, "/f"), IsError(EINVAL, "readlink: /f: Invalid argument"));
}

TEST(InternalReadlinklist, EmptyStringForAnythingButAReadableSymlink) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, stat("/d/l", false)).WillOnce(Return(stat_of(kSymlink, 4)));
  EXPECT_CALL(m.fs, readlink("/d/l")).WillOnce(Return(std::string("/bin")));
  EXPECT_CALL(m.fs, stat("/d/f", false)).WillOnce(Return(stat_of(kRegular, 10)));
  EXPECT_CALL(m.fs, stat("/d/gone", false)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, stat("/d/bad", false)).WillOnce(Return(stat_of(kSymlink, 3)));
  EXPECT_CALL(m.fs, readlink("/d/bad")).WillOnce(Return(fail_errno(EIO, "")));
  // lstat's size is what the original reads: shorter targets are unreadable,
  // longer ones are cut.
  EXPECT_CALL(m.fs, stat("/d/short", false)).WillOnce(Return(stat_of(kSymlink, 9)));
  EXPECT_CALL(m.fs, readlink("/d/short")).WillOnce(Return(std::string("abc")));
  EXPECT_CALL(m.fs, stat("/d/long", false)).WillOnce(Return(stat_of(kSymlink, 2)));
  EXPECT_CALL(m.fs, readlink("/d/long")).WillOnce(Return(std::string("abc")));
  auto ctx = m.ctx();
  auto r = internal_readlinklist(ctx, "/d", {"l", "f", "gone", "bad", "short", "long"});
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, (std::vector<std::string>{"/bin", "", "", "", "", "ab"}));
}

TEST(InternalReadlinklist, TheDirectoryMustOpen) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/gone", true)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular)));
  auto ctx = m.ctx();
  EXPECT_THAT(internal_readlinklist(ctx, "/gone", {}),
              IsError(ENOENT, "open: /gone: No such file or directory"));
  EXPECT_THAT(internal_readlinklist(ctx, "/f", {}), IsError(ENOTDIR, "open: /f: Not a directory"));
}

TEST(Lgetxattrs, SortedWithTheNtfsAttributeHidden) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_xattr_names("/f", false))
      .WillOnce(Return(std::vector<std::string>{"user.z", "user.WofCompressedData", "security.a"}));
  EXPECT_CALL(m.fs, get_xattr("/f", "user.z", false)).WillOnce(Return(std::string("1")));
  EXPECT_CALL(m.fs, get_xattr("/f", "security.a", false)).WillOnce(Return(std::string("b\0c", 3)));
  EXPECT_CALL(m.fs, get_xattr("/f", "user.WofCompressedData", false)).Times(0);
  auto ctx = m.ctx();
  auto r = lgetxattrs(ctx, "/f");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, (std::vector<api::Xattr>{{"security.a", std::string("b\0c", 3)}, {"user.z", "1"}}));
}

TEST(Lgetxattrs, Errors) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_xattr_names("/gone", false)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, list_xattr_names("/f", false))
      .WillOnce(Return(std::vector<std::string>{"user.a"}));
  EXPECT_CALL(m.fs, get_xattr("/f", "user.a", false)).WillOnce(Return(fail_errno(ENODATA, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(lgetxattrs(ctx, "/gone"),
              IsError(ENOENT, "listxattr: /gone: No such file or directory"));
  EXPECT_THAT(lgetxattrs(ctx, "/f"), IsError(ENODATA, "getxattr: user.a: No data available"));
}

TEST(InternalLxattrlist, MarkerThenSortedAttributesPerName) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_xattr_names("/d/a", false))
      .WillOnce(Return(std::vector<std::string>{"user.y", "user.x", "user.WofCompressedData"}));
  EXPECT_CALL(m.fs, get_xattr("/d/a", "user.x", false)).WillOnce(Return(std::string("X")));
  EXPECT_CALL(m.fs, get_xattr("/d/a", "user.y", false)).WillOnce(Return(std::string("")));
  EXPECT_CALL(m.fs, list_xattr_names("/d/gone", false)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, list_xattr_names("/d/none", false))
      .WillOnce(Return(std::vector<std::string>{}));
  auto ctx = m.ctx();
  auto r = internal_lxattrlist(ctx, "/d", {"a", "gone", "none"});
  ASSERT_TRUE(r);
  const std::vector<api::Xattr> want{{"", std::string("2\0", 2)},
                                     {"user.x", "X"},
                                     {"user.y", ""},
                                     {"", ""},
                                     {"", std::string("0\0", 2)}};
  EXPECT_EQ(*r, want);
}

TEST(InternalLxattrlist, AValueThatCannotBeReadFailsTheCall) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_xattr_names("/a", false))
      .WillOnce(Return(std::vector<std::string>{"user.q"}));
  EXPECT_CALL(m.fs, get_xattr("/a", "user.q", false)).WillOnce(Return(fail_errno(EIO, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(internal_lxattrlist(ctx, "/", {"a"}),
              IsError(EIO, "getxattr: user.q: Input/output error"));
}

}  // namespace
}  // namespace gfsd::domain::test
