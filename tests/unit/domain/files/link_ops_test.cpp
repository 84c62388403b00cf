// realpath, hard links (ln, ln_f) and rename.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

Result<void> ok() { return {}; }

TEST(Realpath, ResolvedByThePort) {
  MockPorts m;
  EXPECT_CALL(m.fs, realpath("/a/../b")).WillOnce(Return(std::string("/b")));
  EXPECT_CALL(m.fs, realpath("/gone")).WillOnce(Return(fail_errno(ENOENT, "/gone")));
  auto ctx = m.ctx();
  EXPECT_THAT(realpath(ctx, "/a/../b"), HasValue("/b"));
  EXPECT_THAT(realpath(ctx, "/gone"),
              IsError(ENOENT, "realpath: /gone: No such file or directory"));
}

TEST(Ln, LinksAndWordsTheError) {
  MockPorts m;
  EXPECT_CALL(m.fs, link("/a", "/b")).WillOnce(Return(ok()));
  EXPECT_CALL(m.fs, link("/a", "/c")).WillOnce(Return(fail_errno(EEXIST, "/c")));
  EXPECT_CALL(m.fs, unlink(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_TRUE(ln(ctx, "/a", "/b"));
  EXPECT_THAT(ln(ctx, "/a", "/c"), IsError(EEXIST, "link: /a: /c: File exists"));
}

TEST(LnF, RemovesWhateverIsThereFirst) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.fs, unlink("/b")).WillOnce(Return(ok()));
  EXPECT_CALL(m.fs, link("/a", "/b")).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_TRUE(ln_f(ctx, "/a", "/b"));
}

TEST(LnF, OnlyTheLinksFailureCounts) {
  MockPorts m;
  EXPECT_CALL(m.fs, unlink("/d")).WillOnce(Return(fail_errno(EISDIR, "/d")));
  EXPECT_CALL(m.fs, link("/a", "/d")).WillOnce(Return(fail_errno(EEXIST, "/d")));
  EXPECT_CALL(m.fs, unlink("/new")).WillOnce(Return(fail_errno(ENOENT, "/new")));
  EXPECT_CALL(m.fs, link("/a", "/new")).WillOnce(Return(ok()));
  auto ctx = m.ctx();
  EXPECT_THAT(ln_f(ctx, "/a", "/d"), IsError(EEXIST, "link: /a: /d: File exists"));
  EXPECT_TRUE(ln_f(ctx, "/a", "/new"));
}

TEST(Rename, RenamesAndWordsTheError) {
  MockPorts m;
  EXPECT_CALL(m.fs, rename("/a", "/b")).WillOnce(Return(ok()));
  EXPECT_CALL(m.fs, rename("/x", "/y")).WillOnce(Return(fail_errno(ENOENT, "/y")));
  auto ctx = m.ctx();
  EXPECT_TRUE(rename(ctx, "/a", "/b"));
  EXPECT_THAT(rename(ctx, "/x", "/y"),
              IsError(ENOENT, "rename: /x: /y: No such file or directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
