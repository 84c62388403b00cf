// lsattr / chattr, mklost+found and swap files: the guest paths and working
// directory the actions hand the runner, which resolves them inside the sysroot.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/fs/fs_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::Return;

TEST(E2Attrs, GuestPathFollowedInsideTheGuest) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"lsattr", "-d", "--", "/f"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0, "--------------e------- /sysroot/f\n")));
  EXPECT_CALL(m.runner,
              run(Argv{"chattr", "-v", "7", "--", "/f"}, GuestArgs({{4, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"lsattr", "-dv", "--", "/f"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0, "42 -----e- /sysroot/f\n")));
  EXPECT_CALL(m.runner, run(Argv{"chattr", "+ai", "--", "/f"}, GuestArgs({{3, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_THAT(get_e2attrs(ctx, "/f"), HasValue(std::string("e")));
  EXPECT_TRUE(set_e2generation(ctx, "/f", 7));
  EXPECT_THAT(get_e2generation(ctx, "/f"), HasValue(int64_t{42}));
  EXPECT_TRUE(set_e2attrs(ctx, "/f", "ai", {}));
}

TEST(E2Attrs, ResolutionAndToolErrorsNameTheGuestPath) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"chattr", "-v", "1", "--", "/no/f"}, _))
      .WillOnce(Return(
          fail_with(ENOENT, "chattr: cannot access '/no/f': No such file or directory")));
  EXPECT_CALL(m.runner, run(Argv{"lsattr", "-d", "--", "/l"}, _))
      .WillOnce(Return(exited(1, "", "lsattr: Operation not supported While reading flags on /sysroot/l")));
  auto ctx = m.ctx();
  EXPECT_THAT(set_e2generation(ctx, "/no/f", 1),
              IsError(0, "chattr: /no/f: chattr: cannot access '/no/f': No such file or directory"));
  EXPECT_THAT(get_e2attrs(ctx, "/l"),
              IsError(0, "lsattr: /l: lsattr: Operation not supported While reading flags on "
                         "/sysroot/l"));
}

TEST(MklostAndFound, RunsInTheGuestDirectory) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mklost+found"}, AllOf(GuestCwd("/mp"), GuestArgs({}))))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(1, "", "mkdir: File exists")));
  EXPECT_CALL(m.runner, run(Argv{"mklost+found"}, GuestCwd("/it's")))
      .WillOnce(Return(fail_with(ENOENT, "mklost+found: cannot access '/it's': No such file")));
  auto ctx = m.ctx();
  EXPECT_TRUE(mklost_and_found(ctx, "/mp"));
  // The original's message names the shell command it ran.
  EXPECT_THAT(mklost_and_found(ctx, "/mp"), IsError(0, "cd /sysroot/mp && mklost+found: command failed"));
  EXPECT_THAT(mklost_and_found(ctx, "/it's"),
              IsError(0, "cd /sysroot/it\\'s && mklost+found: command failed"));
}

TEST(SwapFiles, GuestPathsFollowedInsideTheGuest) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mkswap", "-f", "/swap"}, GuestArgs({{2, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"swapon", "/swap"}, GuestArgs({{1, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"swapoff", "/swap"}, GuestArgs({{1, Last::Follow}})))
      .WillOnce(Return(exited(1, "", "swapoff: /sysroot/swap: Invalid argument")));
  auto ctx = m.ctx();
  EXPECT_TRUE(mkswap_file(ctx, "/swap"));
  EXPECT_TRUE(swapon_file(ctx, "/swap"));
  EXPECT_THAT(swapoff_file(ctx, "/swap"),
              IsError(0, "/swap: swapoff: /sysroot/swap: Invalid argument"));
}

}  // namespace
}  // namespace gfsd::domain::test
