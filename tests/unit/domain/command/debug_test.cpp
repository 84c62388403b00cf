// debug: subcommand dispatch, sh in the appliance, the cheap ones.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/command/command_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

TEST(Debug, HelpAndUnknown) {
  MockPorts m;
  auto ctx = m.ctx();
  EXPECT_THAT(debug(ctx, "help", {}),
              HasValue(std::string("Commands supported: help binaries env error ldd ls ll print sh "
                                   "spew")));
  EXPECT_THAT(debug(ctx, "HeLp", {}), HasValue(std::string("Commands supported: help binaries env "
                                                           "error ldd ls ll print sh spew")));
  EXPECT_THAT(debug(ctx, "nope", {}), IsError(0, "use 'debug help 0' to list the supported commands"));
}

TEST(Debug, ShJoinsArgumentsAndFoldsOutput) {
  MockPorts m;
  ON_CALL(m.host, path_exists("/sys/block/vda")).WillByDefault(Return(true));
  EXPECT_CALL(m.runner, run(Argv{"env", "root=/sysroot", "sd=vd", "/bin/sh", "-c", "echo hi there"},
                            FoldsStdout(true)))
      .WillOnce(Return(exited(0, "", "hi there")))
      .WillOnce(Return(exited(1, "", "oops")));
  auto ctx = m.ctx();
  EXPECT_THAT(debug(ctx, "sh", {"echo", "hi", "there"}), HasValue(std::string("hi there")));
  EXPECT_THAT(debug(ctx, "sh", {"echo", "hi", "there"}), IsError(0, "oops"));
  EXPECT_THAT(debug(ctx, "sh", {}), IsError(0, "sh: expecting a command to run"));
}

TEST(Debug, ErrorHasTheLengthAskedAndErofs) {
  MockPorts m;
  auto ctx = m.ctx();
  EXPECT_THAT(debug(ctx, "error", {"5"}), IsError(EROFS, "aaaaa"));
  EXPECT_THAT(debug(ctx, "error", {"x"}),
              IsError(0, "debug error: expecting one arg: length of error message"));
  EXPECT_THAT(debug(ctx, "error", {"2000000"}), IsError(0, "debug error: length argument too large"));
}

TEST(Debug, LsAndLdd) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"ls", "-la", "/dev"}, _)).WillOnce(Return(exited(0, "list\n")));
  EXPECT_CALL(m.runner, run(Argv{"ldd", "-r", "/bin/ls"}, _))
      .WillOnce(Return(exited(0, "libc\n", "warning")));
  auto ctx = m.ctx();
  EXPECT_THAT(debug(ctx, "ll", {"/dev"}), HasValue(std::string("list\n")));
  EXPECT_THAT(debug(ctx, "ldd", {"/bin/ls"}), HasValue(std::string("libc\nwarning")));
  EXPECT_THAT(debug(ctx, "ldd", {}), IsError(0, "ldd: no file argument"));
}

TEST(Debug, PrintGoesToTheLog) {
  MockPorts m;
  EXPECT_CALL(m.log, error("a b"));
  auto ctx = m.ctx();
  EXPECT_THAT(debug(ctx, "print", {"a", "b"}), HasValue(std::string("ok")));
}

}  // namespace
}  // namespace gfsd::domain::test
