// equal (cmp -s) and mkdtemp: the command line, how cmp's status reads, and
// the original's error texts.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

TEST(Equal, RunsCmpQuietlyOnBothGuestFilesFollowingLinks) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"cmp", "-s", "/a", "/b"},
                            AllOf(Chrooted(false), GuestArgs({{2, Last::Follow},
                                                              {3, Last::Follow}}))))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(1)));
  auto ctx = m.ctx();
  EXPECT_THAT(equal(ctx, "/a", "/b"), HasValue(true));
  EXPECT_THAT(equal(ctx, "/a", "/b"), HasValue(false));
}

// C API test equal_2: two missing files. "cmp -s" says nothing about files
// it cannot open and exits 2: the error is empty, without errno.
TEST(Equal, TroubleIsCmpsStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"cmp", "-s", "/equal3/file1", "/equal3/file2"}, _))
      .WillOnce(Return(exited(2)));
  EXPECT_CALL(m.runner, run(Argv{"cmp", "-s", "/d", "/f"}, _))
      .WillOnce(Return(exited(2, "", "cmp: /sysroot/d: Is a directory")));
  EXPECT_CALL(m.runner, run(Argv{"cmp", "-s", "/big", "/f"}, _))
      .WillOnce(Return(exited(-1, "", "")));
  auto ctx = m.ctx();
  EXPECT_THAT(equal(ctx, "/equal3/file1", "/equal3/file2"), IsError(0, ""));
  EXPECT_THAT(equal(ctx, "/d", "/f"), IsError(0, "cmp: /sysroot/d: Is a directory"));
  EXPECT_THAT(equal(ctx, "/big", "/f"), IsError(0, ""));
}

// A name the runner cannot resolve (its parent is missing) is a file cmp
// could not have opened: the same empty error.
TEST(Equal, AnUnresolvableNameIsCmpsSilence) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(fail_with(ENOENT, "cmp: cannot access '/no/a': No such file or directory")));
  auto ctx = m.ctx();
  EXPECT_THAT(equal(ctx, "/no/a", "/b"), IsError(0, ""));
}

TEST(Mkdtemp, MakesTheDirectoryThroughThePort) {
  MockPorts m;
  EXPECT_CALL(m.fs, make_temp_dir("/mkdtemp/tmpXXXXXX"))
      .WillOnce(Return(std::string("/mkdtemp/tmpa1B2c3")));
  auto ctx = m.ctx();
  EXPECT_THAT(mkdtemp(ctx, "/mkdtemp/tmpXXXXXX"), HasValue(std::string("/mkdtemp/tmpa1B2c3")));
}

TEST(Mkdtemp, ThePortsErrorNamesTheTemplate) {
  MockPorts m;
  EXPECT_CALL(m.fs, make_temp_dir("/tmpXXX")).WillOnce(Return(fail_errno(EINVAL, "/tmpXXX")));
  auto ctx = m.ctx();
  EXPECT_THAT(mkdtemp(ctx, "/tmpXXX"), IsError(EINVAL, "/tmpXXX: Invalid argument"));
}

}  // namespace
}  // namespace gfsd::domain::test
