// case_sensitive_path: each element matched without regard to ASCII case
// against its directory's listing, with the original's rules and error texts.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

using Names = std::vector<std::string>;

TEST(CaseSensitivePath, MatchesEachElementAndKeepsAMissingLastOne) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_dir("/")).WillRepeatedly(Return(Names{"Windows", "etc"}));
  EXPECT_CALL(m.fs, list_dir("/Windows")).WillRepeatedly(Return(Names{"System32", "system"}));
  EXPECT_CALL(m.fs, stat("/Windows", true)).WillRepeatedly(Return(stat_of(kDirectory)));
  auto ctx = m.ctx();
  EXPECT_THAT(case_sensitive_path(ctx, "/WINDOWS//SYSTEM32"), HasValue("/Windows/System32"));
  EXPECT_THAT(case_sensitive_path(ctx, "/windows/"), HasValue("/Windows"));
  EXPECT_THAT(case_sensitive_path(ctx, "/windows/New_File"), HasValue("/Windows/New_File"));
  EXPECT_THAT(case_sensitive_path(ctx, "/"), HasValue("/"));
}

TEST(CaseSensitivePath, FirstMatchInDirectoryOrderWins) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_dir("/")).WillOnce(Return(Names{"b", "FILE", "file"}));
  auto ctx = m.ctx();
  EXPECT_THAT(case_sensitive_path(ctx, "/File"), HasValue("/FILE"));
}

TEST(CaseSensitivePath, Errors) {
  MockPorts m;
  EXPECT_CALL(m.fs, list_dir("/")).WillRepeatedly(Return(Names{"known-1", "dir"}));
  EXPECT_CALL(m.fs, list_dir("/dir")).WillRepeatedly(Return(Names{"x"}));
  EXPECT_CALL(m.fs, stat("/known-1", true)).WillRepeatedly(Return(stat_of(kRegular)));
  EXPECT_CALL(m.fs, stat("/dir", true)).WillRepeatedly(Return(stat_of(kDirectory)));
  auto ctx = m.ctx();
  EXPECT_THAT(case_sensitive_path(ctx, "/etc/fstab"), IsError(0, "etc: not found"));
  EXPECT_THAT(case_sensitive_path(ctx, "/Known-1/"),
              IsError(ENOTDIR, "chdir: known-1: Not a directory"));
  // ".." is never listed: in the middle it is "not found", at the end refused.
  EXPECT_THAT(case_sensitive_path(ctx, "/dir/../dir/x"), IsError(0, "..: not found"));
  EXPECT_THAT(case_sensitive_path(ctx, "/dir/.."),
              IsError(0, "path contains \".\" or \"..\" elements"));
}

}  // namespace
}  // namespace gfsd::domain::test
