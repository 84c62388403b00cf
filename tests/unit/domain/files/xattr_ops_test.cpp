// The xattr actions: which ones follow a final symlink, how vallen is read,
// and the error texts.
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

TEST(Getxattrs, FollowsSortsAndHides) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_xattr_names("/l", true))
      .WillOnce(Return(std::vector<std::string>{"user.b", "user.WofCompressedData", "user.a"}));
  EXPECT_CALL(m.fs, get_xattr("/l", "user.a", true)).WillOnce(Return(std::string("1")));
  EXPECT_CALL(m.fs, get_xattr("/l", "user.b", true)).WillOnce(Return(std::string("2")));
  auto ctx = m.ctx();
  EXPECT_THAT(getxattrs(ctx, "/l"),
              HasValue(std::vector<api::Xattr>{{"user.a", "1"}, {"user.b", "2"}}));
}

TEST(Getxattrs, ListingError) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_xattr_names("/gone", true)).WillOnce(Return(fail_errno(ENOENT, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(getxattrs(ctx, "/gone"),
              IsError(ENOENT, "listxattr: /gone: No such file or directory"));
}

TEST(Getxattr, OneValueFollowingOrNot) {
  MockPorts m;
  EXPECT_CALL(m.fs, get_xattr("/l", "user.a", true)).WillOnce(Return(std::string("a\0b", 3)));
  EXPECT_CALL(m.fs, get_xattr("/l", "user.a", false)).WillOnce(Return(fail_errno(ENODATA, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(getxattr(ctx, "/l", "user.a"), HasValue(std::string("a\0b", 3)));
  EXPECT_THAT(lgetxattr(ctx, "/l", "user.a"), IsError(ENODATA, "getxattr: No data available"));
}

TEST(Setxattr, FollowsAndStoresVallenBytes) {
  MockPorts m;
  EXPECT_CALL(m.fs, set_xattr("/f", "user.d", "four", true)).WillOnce(Return(ok()));
  EXPECT_CALL(m.fs, set_xattr("/f", "user.e", "three", false)).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(setxattr(ctx, "user.d", "fourXX", 4, "/f"));
  EXPECT_TRUE(lsetxattr(ctx, "user.e", "three", 5, "/f"));
}

TEST(Setxattr, VallenBeyondTheStringAddsNuls) {
  MockPorts m;
  EXPECT_CALL(m.fs, set_xattr("/f", "user.x", std::string("ab\0\0", 4), false))
      .WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(lsetxattr(ctx, "user.x", "ab", 4, "/f"));
}

TEST(Setxattr, TooLargeIsRefusedBeforeThePort) {
  MockPorts m;
  EXPECT_CALL(m.fs, set_xattr(_, _, _, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(setxattr(ctx, "user.x", "v", 65537, "/f"),
              IsError(0, "extended attribute is too large"));
}

TEST(Setxattr, NegativeVallenIsAnOversizedValue) {
  MockPorts m;
  EXPECT_CALL(m.fs, set_xattr("/f", "user.x", std::string(65537, '\0'), false))
      .WillOnce(Return(fail_errno(E2BIG, "/f")));
  auto ctx = m.ctx();
  EXPECT_THAT(lsetxattr(ctx, "user.x", "v", -1, "/f"),
              IsError(E2BIG, "setxattr: Argument list too long"));
}

TEST(Setxattr, PortError) {
  MockPorts m;
  EXPECT_CALL(m.fs, set_xattr("/missing", "user.e", "x", false))
      .WillOnce(Return(fail_errno(ENOENT, "/missing")));
  auto ctx = m.ctx();
  EXPECT_THAT(lsetxattr(ctx, "user.e", "x", 1, "/missing"),
              IsError(ENOENT, "setxattr: No such file or directory"));
}

TEST(Removexattr, FollowingOrNot) {
  MockPorts m;
  EXPECT_CALL(m.fs, remove_xattr("/f", "user.a", true)).WillOnce(Return(ok()));
  EXPECT_CALL(m.fs, remove_xattr("/f", "user.b", false))
      .WillOnce(Return(fail_errno(ENODATA, "/f")));
  auto ctx = m.ctx();
  EXPECT_TRUE(removexattr(ctx, "user.a", "/f"));
  EXPECT_THAT(lremovexattr(ctx, "user.b", "/f"),
              IsError(ENODATA, "removexattr: No data available"));
}

}  // namespace
}  // namespace gfsd::domain::test
