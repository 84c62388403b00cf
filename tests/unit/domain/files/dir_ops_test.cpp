#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::Field;
using testing::InSequence;
using testing::Invoke;
using testing::Return;

TEST(Mkdir, Mode0777AndPerrorMessage) {
  MockPorts m;
  EXPECT_CALL(m.fs, mkdir("/a", 0777u)).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.fs, mkdir("/x/y/z", 0777u)).WillOnce(Return(fail_errno(ENOENT, "/x/y/z")));
  auto ctx = m.ctx();
  EXPECT_TRUE(mkdir(ctx, "/a"));
  EXPECT_THAT(mkdir(ctx, "/x/y/z"), IsError(ENOENT, "/x/y/z: No such file or directory"));
}

TEST(MkdirP, AnExistingDirectoryIsFine) {
  MockPorts m;
  EXPECT_CALL(m.fs, mkdir("/d", 0777u)).WillOnce(Return(fail_errno(EEXIST, "/d")));
  EXPECT_CALL(m.fs, stat("/d", false)).WillOnce(Return(stat_of(kDirectory)));
  auto ctx = m.ctx();
  EXPECT_TRUE(mkdir_p(ctx, "/d"));
}

TEST(MkdirP, AnExistingFileIsNotADirectory) {
  MockPorts m;
  EXPECT_CALL(m.fs, mkdir("/f", 0777u)).WillOnce(Return(fail_errno(EEXIST, "/f")));
  EXPECT_CALL(m.fs, stat("/f", false)).WillOnce(Return(stat_of(kRegular)));
  auto ctx = m.ctx();
  EXPECT_THAT(mkdir_p(ctx, "/f"), IsError(0, "/f: a path element was not a directory"));
}

TEST(MkdirP, ASymlinkToADirectoryIsNotADirectory) {
  MockPorts m;
  EXPECT_CALL(m.fs, mkdir("/l", 0777u)).WillOnce(Return(fail_errno(EEXIST, "/l")));
  EXPECT_CALL(m.fs, stat("/l", false)).WillOnce(Return(stat_of(kSymlink)));
  auto ctx = m.ctx();
  EXPECT_THAT(mkdir_p(ctx, "/l"), IsError(0, "/l: a path element was not a directory"));
}

TEST(MkdirP, CreatesMissingParentsFirst) {
  MockPorts m;
  {
    InSequence seq;
    EXPECT_CALL(m.fs, mkdir("/a/b/c", 0777u)).WillOnce(Return(fail_errno(ENOENT, "")));
    EXPECT_CALL(m.fs, mkdir("/a/b", 0777u)).WillOnce(Return(fail_errno(ENOENT, "")));
    EXPECT_CALL(m.fs, mkdir("/a", 0777u)).WillOnce(Return(Result<void>{}));
    EXPECT_CALL(m.fs, mkdir("/a/b", 0777u)).WillOnce(Return(Result<void>{}));
    EXPECT_CALL(m.fs, mkdir("/a/b/c", 0777u)).WillOnce(Return(Result<void>{}));
  }
  auto ctx = m.ctx();
  EXPECT_TRUE(mkdir_p(ctx, "/a/b/c"));
}

TEST(MkdirP, ParentFailureIsReportedForTheWholePath) {
  MockPorts m;
  EXPECT_CALL(m.fs, mkdir("/a/b", 0777u)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, mkdir("/a", 0777u)).WillOnce(Return(fail_errno(EACCES, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(mkdir_p(ctx, "/a/b"), IsError(EACCES, "/a/b: Permission denied"));
}

TEST(MkdirP, AFileInThePathFailsWithENOTDIR) {
  MockPorts m;
  EXPECT_CALL(m.fs, mkdir("/f/x", 0777u)).WillOnce(Return(fail_errno(ENOTDIR, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(mkdir_p(ctx, "/f/x"), IsError(ENOTDIR, "/f/x: Not a directory"));
}

TEST(MkdirP, AFileAsParentIsNotADirectory) {
  MockPorts m;
  EXPECT_CALL(m.fs, mkdir("/a/f/x", 0777u)).WillOnce(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, mkdir("/a/f", 0777u)).WillOnce(Return(fail_errno(EEXIST, "")));
  EXPECT_CALL(m.fs, stat("/a/f", false)).WillOnce(Return(stat_of(kRegular)));
  auto ctx = m.ctx();
  EXPECT_THAT(mkdir_p(ctx, "/a/f/x"), IsError(0, "/a/f/x: a path element was not a directory"));
}

TEST(MkdirP, GivesUpAfterOneRetry) {
  MockPorts m;
  // The parent gets made, but the child still cannot be (a race): no loop.
  EXPECT_CALL(m.fs, mkdir("/a/b", 0777u)).Times(2).WillRepeatedly(Return(fail_errno(ENOENT, "")));
  EXPECT_CALL(m.fs, mkdir("/a", 0777u)).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_THAT(mkdir_p(ctx, "/a/b"), IsError(ENOENT, "/a/b: No such file or directory"));
}

TEST(Rmdir, PerrorMessage) {
  MockPorts m;
  EXPECT_CALL(m.fs, rmdir("/d")).WillOnce(Return(fail_errno(ENOTEMPTY, "/d")));
  auto ctx = m.ctx();
  EXPECT_THAT(rmdir(ctx, "/d"), IsError(ENOTEMPTY, "/d: Directory not empty"));
}

TEST(Ls0, StreamsEachNameWithATrailingNul) {
  MockPorts m;
  std::string sent;
  EXPECT_CALL(m.fs, list_dir("/d"))
      .WillOnce(Return(std::vector<std::string>{"a", "bc", "with space"}));
  {
    InSequence seq;
    EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
    EXPECT_CALL(m.download, write(_, _)).Times(3).WillRepeatedly(
        Invoke([&](const char* data, size_t n) {
          sent.append(data, n);
          return Result<void>{};
        }));
    EXPECT_CALL(m.download, finish()).WillOnce(Return(Result<void>{}));
  }
  auto ctx = m.ctx();
  EXPECT_TRUE(ls0(ctx, "/d"));
  EXPECT_EQ(sent, std::string("a\0bc\0with space\0", 16));
}

TEST(Ls0, AnEmptyDirectorySendsNothing) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_dir("/e")).WillOnce(Return(std::vector<std::string>{}));
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.download, write(_, _)).Times(0);
  EXPECT_CALL(m.download, finish()).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_TRUE(ls0(ctx, "/e"));
}

TEST(Ls0, ErrorsComeBeforeTheReply) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_dir("/x")).WillOnce(Return(fail_errno(ENOENT, "/x")));
  EXPECT_CALL(m.download, start()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(ls0(ctx, "/x"), IsError(ENOENT, "opendir: /x: No such file or directory"));
}

TEST(Ls0, StopsWhenTheLibraryCancels) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_dir("/d")).WillOnce(Return(std::vector<std::string>{"a", "b"}));
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.download, write(_, _))
      .WillOnce(Return(fail_with(ECANCELED, "file transfer cancelled")));
  EXPECT_CALL(m.download, finish()).Times(0);
  auto ctx = m.ctx();
  EXPECT_FALSE(ls0(ctx, "/d"));
}

TEST(Ll, RunsLsOnTheResolvedPathUnderTheSysroot) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/link")).WillOnce(Return(std::string("/real/dir")));
  EXPECT_CALL(m.fs, stat("/real/dir", true)).WillOnce(Return(stat_of(kDirectory)));
  // The guest path, resolved inside the sysroot by the runner; a directory
  // whole, so that ls cannot be led out between looking at it and opening it.
  EXPECT_CALL(m.runner,
              run(std::vector<std::string>{"ls", "-la", "/real/dir/"},
                  AllOf(Field(&ports::RunOptions::chroot_sysroot, false),
                        Field(&ports::RunOptions::guest_args,
                              std::vector<ports::GuestArg>{{2, ports::GuestArg::Last::AsIs}}))))
      .WillOnce(Return(ports::ProcessResult{0, "total 0\n", ""}));
  auto ctx = m.ctx();
  auto r = ll(ctx, "/link");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "total 0\n");
}

TEST(Ll, LiveModeUsesThePathAsItIs) {
  MockPorts m;
  m.config.sysroot = "";
  EXPECT_CALL(m.fs, realpath("/")).WillOnce(Return(std::string("/")));
  EXPECT_CALL(m.runner, run(std::vector<std::string>{"ls", "-la", "/"}, _))
      .WillOnce(Return(ports::ProcessResult{0, "x", ""}));
  auto ctx = m.ctx();
  EXPECT_TRUE(ll(ctx, "/"));
}

TEST(Ll, AFileGoesByName) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/f")).WillOnce(Return(std::string("/f")));
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.runner, run(std::vector<std::string>{"ls", "-la", "/f"}, _))
      .WillOnce(Return(ports::ProcessResult{0, "-rw-r--r-- 1 root root 0 f\n", ""}));
  auto ctx = m.ctx();
  EXPECT_TRUE(ll(ctx, "/f"));
}

TEST(Ll, ErrorsAreRealpathsOrLssStderr) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/gone")).WillOnce(Return(fail_errno(ENOENT, "/gone")));
  EXPECT_CALL(m.fs, realpath("/d")).WillOnce(Return(std::string("/d")));
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(ports::ProcessResult{2, "", "ls: cannot open directory"}));
  auto ctx = m.ctx();
  EXPECT_THAT(ll(ctx, "/gone"), IsError(ENOENT, "/gone: No such file or directory"));
  EXPECT_THAT(ll(ctx, "/d"), IsError(0, "ls: cannot open directory"));
}

TEST(Llz, IsLlWithSelinuxContexts) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/link")).WillOnce(Return(std::string("/real/dir")));
  EXPECT_CALL(m.fs, stat("/real/dir", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.runner,
              run(std::vector<std::string>{"ls", "-laZ", "/real/dir/"},
                  AllOf(Field(&ports::RunOptions::chroot_sysroot, false),
                        Field(&ports::RunOptions::guest_args,
                              std::vector<ports::GuestArg>{{2, ports::GuestArg::Last::AsIs}}))))
      .WillOnce(Return(ports::ProcessResult{0, "total 0\n", ""}));
  EXPECT_CALL(m.fs, realpath("/gone")).WillOnce(Return(fail_errno(ENOENT, "/gone")));
  auto ctx = m.ctx();
  EXPECT_THAT(llz(ctx, "/link"), HasValue(std::string("total 0\n")));
  EXPECT_THAT(llz(ctx, "/gone"), IsError(ENOENT, "/gone: No such file or directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
