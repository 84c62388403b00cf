// truncate_size, lchown, utimens, get_umask.
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

TEST(TruncateSize, ThePortNamesTheStep) {
  MockPorts m;
  EXPECT_CALL(m.fs, truncate("/f", 12345)).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.fs, truncate("/f", -1)).WillOnce(Return(fail_errno(EINVAL, "ftruncate: /f")));
  auto ctx = m.ctx();
  EXPECT_TRUE(truncate_size(ctx, "/f", 12345));
  EXPECT_THAT(truncate_size(ctx, "/f", -1), IsError(EINVAL, "ftruncate: /f: Invalid argument"));
}

TEST(Lchown, NeverFollows) {
  MockPorts m;
  EXPECT_CALL(m.fs, chown("/l", 10, -1, false)).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.fs, chown("/gone", 0, 0, false)).WillOnce(Return(fail_errno(ENOENT, "/gone")));
  auto ctx = m.ctx();
  EXPECT_TRUE(lchown(ctx, 10, -1, "/l"));
  EXPECT_THAT(lchown(ctx, 0, 0, "/gone"), IsError(ENOENT, "/gone: 0.0: No such file or directory"));
}

TEST(Utimens, MinusOneAndMinusTwoAreNowAndOmit) {
  MockPorts m;
  const int64_t now = (1 << 30) - 1, omit = (1 << 30) - 2;
  EXPECT_CALL(m.fs, set_times("/f", 1, now, 3, omit)).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.fs, set_times("/f", 5, 6, 7, -3)).WillOnce(Return(fail_errno(EINVAL, "/f")));
  auto ctx = m.ctx();
  EXPECT_TRUE(utimens(ctx, "/f", 1, -1, 3, -2));
  EXPECT_THAT(utimens(ctx, "/f", 5, 6, 7, -3), IsError(EINVAL, "utimensat: /f: Invalid argument"));
}

TEST(GetUmask, ReadsAndRestores) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.fs, set_umask(022u)).WillOnce(Return(027u));
  EXPECT_CALL(m.fs, set_umask(027u)).WillOnce(Return(022u));
  auto ctx = m.ctx();
  EXPECT_THAT(get_umask(ctx), HasValue(027));
}

}  // namespace
}  // namespace gfsd::domain::test
