// resolved_host_path: the host name handed to libraries that cannot be given
// a pinned descriptor (hivex, the xfs scripts).
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/core/host_path.hpp"
#include "unit/domain/files/files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

Result<std::string> enoent(const std::string& p) { return fail_errno(ENOENT, p); }

TEST(ResolvedHostPath, AnExistingPathIsItsCanonicalFormUnderTheSysroot) {
  MockPorts m;
  // /win -> /etc (absolute inside the guest)
  EXPECT_CALL(m.fs, realpath("/win/hive")).WillOnce(Return(Result<std::string>("/etc/hive")));
  auto ctx = m.ctx();
  EXPECT_THAT(resolved_host_path(ctx, "/win/hive"), HasValue(std::string("/sysroot/etc/hive")));
}

TEST(ResolvedHostPath, ANewFileKeepsItsNameAfterItsResolvedParent) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/win/new")).WillOnce(Return(enoent("/win/new")));
  EXPECT_CALL(m.fs, stat("/win/new", false)).WillOnce(Return(fail_errno(ENOENT, "/win/new")));
  EXPECT_CALL(m.fs, realpath("/win")).WillOnce(Return(Result<std::string>("/etc")));
  EXPECT_CALL(m.fs, realpath("/top")).WillOnce(Return(enoent("/top")));
  EXPECT_CALL(m.fs, stat("/top", false)).WillOnce(Return(fail_errno(ENOENT, "/top")));
  EXPECT_CALL(m.fs, realpath("/")).WillOnce(Return(Result<std::string>("/")));
  auto ctx = m.ctx();
  EXPECT_THAT(resolved_host_path(ctx, "/win/new"), HasValue(std::string("/sysroot/etc/new")));
  EXPECT_THAT(resolved_host_path(ctx, "/top"), HasValue(std::string("/sysroot/top")));
}

// A dangling symlink would be followed by whoever opens the name: refused.
TEST(ResolvedHostPath, AnEntryThatCannotBeResolvedIsAnError) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/dangling")).WillOnce(Return(enoent("/dangling")));
  EXPECT_CALL(m.fs, stat("/dangling", false)).WillOnce(Return(stat_of(kSymlink)));
  EXPECT_CALL(m.fs, realpath("/")).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(resolved_host_path(ctx, "/dangling"), IsError(ENOENT, "/dangling: No such file or directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
