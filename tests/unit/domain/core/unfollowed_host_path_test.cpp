#include "domain/core/host_path.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "support/mock_ports.hpp"

namespace gfsd::domain {
namespace {

using mocks::MockPorts;
using testing::Return;

TEST(UnfollowedHostPath, TheDirectoryIsResolvedTheLastComponentKept) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/a/b")).WillOnce(Return(std::string("/x")));
  EXPECT_CALL(m.fs, realpath("/a/b/lnk")).Times(0);
  auto ctx = m.ctx();
  EXPECT_EQ(*unfollowed_host_path(ctx, "/a/b/lnk"), "/sysroot/x/lnk");
}

TEST(UnfollowedHostPath, AnEntryOfTheRoot) {
  MockPorts m;
  auto ctx = m.ctx();
  EXPECT_EQ(*unfollowed_host_path(ctx, "/lnk"), "/sysroot/lnk");
}

TEST(UnfollowedHostPath, DirectoryNamesAreResolvedWhole) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/")).WillOnce(Return(std::string("/")));
  EXPECT_CALL(m.fs, realpath("/a/..")).WillOnce(Return(std::string("/")));
  EXPECT_CALL(m.fs, realpath("/lnk/")).WillOnce(Return(std::string("/target")));
  auto ctx = m.ctx();
  EXPECT_EQ(*unfollowed_host_path(ctx, "/"), "/sysroot/");
  EXPECT_EQ(*unfollowed_host_path(ctx, "/a/.."), "/sysroot/");
  EXPECT_EQ(*unfollowed_host_path(ctx, "/lnk/"), "/sysroot/target");
}

TEST(UnfollowedHostPath, LiveModeHasNoPrefix) {
  MockPorts m;
  m.config.sysroot = "";
  auto ctx = m.ctx();
  EXPECT_EQ(*unfollowed_host_path(ctx, "/etc/x"), "/etc/x");
}

TEST(UnfollowedHostPath, ADirectoryThatCannotBeResolvedIsAnError) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/loop")).WillOnce(Return(fail_errno(ELOOP, "realpath")));
  EXPECT_CALL(m.fs, stat("/loop", false)).WillOnce(Return(ports::FileStat{}));
  auto ctx = m.ctx();
  auto r = unfollowed_host_path(ctx, "/loop/x");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ELOOP);
}

}  // namespace
}  // namespace gfsd::domain
