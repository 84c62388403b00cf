// mkdir_mode and readdir.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

TEST(MkdirMode, PassesTheMode) {
  MockPorts m;
  EXPECT_CALL(m.fs, mkdir("/d", 0700u)).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.fs, mkdir("/x", 01777u)).WillOnce(Return(fail_errno(EEXIST, "/x")));
  auto ctx = m.ctx();
  EXPECT_TRUE(mkdir_mode(ctx, "/d", 0700));
  EXPECT_THAT(mkdir_mode(ctx, "/x", 01777), IsError(EEXIST, "/x: File exists"));
}

TEST(MkdirMode, NegativeMode) {
  MockPorts m;
  EXPECT_CALL(m.fs, mkdir(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(mkdir_mode(ctx, "/d", -1), IsError(0, "/d: mode is negative"));
}

TEST(Readdir, EveryEntryWithTheOriginalsLetters) {
  MockPorts m;
  using T = ports::EntryType;
  EXPECT_CALL(m.fs, read_dir("/d"))
      .WillOnce(Return(std::vector<ports::DirEntry>{{2, T::Directory, "."},
                                                    {1, T::Directory, ".."},
                                                    {10, T::Regular, "f"},
                                                    {11, T::Symlink, "l"},
                                                    {12, T::BlockDevice, "b"},
                                                    {13, T::CharDevice, "c"},
                                                    {14, T::Fifo, "p"},
                                                    {15, T::Socket, "s"},
                                                    {16, T::Unknown, "u"},
                                                    {17, T::Other, "w"}}));
  auto ctx = m.ctx();
  EXPECT_THAT(readdir(ctx, "/d"),
              HasValue(std::vector<api::Dirent>{{2, 'd', "."},
                                                {1, 'd', ".."},
                                                {10, 'r', "f"},
                                                {11, 'l', "l"},
                                                {12, 'b', "b"},
                                                {13, 'c', "c"},
                                                {14, 'f', "p"},
                                                {15, 's', "s"},
                                                {16, 'u', "u"},
                                                {17, '?', "w"}}));
}

TEST(Readdir, OpenError) {
  MockPorts m;
  EXPECT_CALL(m.fs, read_dir("/f")).WillOnce(Return(fail_errno(ENOTDIR, "/f")));
  auto ctx = m.ctx();
  EXPECT_THAT(readdir(ctx, "/f"), IsError(ENOTDIR, "opendir: /f: Not a directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
