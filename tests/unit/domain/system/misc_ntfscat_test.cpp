// ntfscat_i: `ntfscat -i INODE DEVICE` streamed through the FileOut channel.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/system/misc_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

// A runner that plays ntfscat: `out` to the sink in two pieces (none for
// an empty inode), then exits.
auto ntfscat(std::string out, int status, std::string err = "") {
  return [=](const Argv&, const ports::RunOptions& opts) -> Result<ports::ProcessResult> {
    if (!opts.stdout_sink) return exited(99, "", "no sink");
    const size_t half = out.size() / 2;
    if (half > 0) GFSD_TRY(opts.stdout_sink(out.data(), half));
    if (out.size() > half) GFSD_TRY(opts.stdout_sink(out.data() + half, out.size() - half));
    return exited(status, "", err);
  };
}

TEST(NtfscatI, ReplyFirstThenTheInodesBytes) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.runner, run(Argv{"ntfscat", "-i", "64", "/dev/sda1"}, _))
      .WillOnce(ntfscat("hello, world", 0));
  std::string sent;
  EXPECT_CALL(m.download, write(_, _)).Times(2).WillRepeatedly([&](const char* d, size_t n) {
    sent.append(d, n);
    return Result<void>{};
  });
  EXPECT_CALL(m.download, finish()).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_TRUE(ntfscat_i(ctx, device("/dev/sda1"), 64));
  EXPECT_EQ(sent, "hello, world");
}

TEST(NtfscatI, ABtrfsvolMountableUsesItsDevice) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.runner, run(Argv{"ntfscat", "-i", "0", "/dev/sda2"}, _))
      .WillOnce(ntfscat("", 0));
  EXPECT_CALL(m.download, finish()).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_TRUE(ntfscat_i(ctx, btrfsvol("/dev/sda2", "sub"), 0));
}

TEST(NtfscatI, NegativeInodeIsAnErrorReplyBeforeAnyTransfer) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).Times(0);
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(ntfscat_i(ctx, device("/dev/sda1"), -1), IsError(0, "inode must be >= 0"));
}

TEST(NtfscatI, AFailureAfterTheReplyCancelsInsteadOfFinishing) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).WillRepeatedly(Return(Result<void>{}));
  EXPECT_CALL(m.download, write(_, _)).WillRepeatedly(Return(Result<void>{}));
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(ntfscat("", 1, "Failed to open inode 99: No such file or directory"))
      .WillOnce(Return(fail_errno(ENOENT, "ntfscat")));
  EXPECT_CALL(m.download, finish()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(ntfscat_i(ctx, device("/dev/sda1"), 99),
              IsError(0, "pclose: 99: Failed to open inode 99: No such file or directory"));
  EXPECT_FALSE(ntfscat_i(ctx, device("/dev/sda1"), 99));
}

TEST(NtfscatI, TheLibraryCancellingStopsTheCopy) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.download, write(_, _)).WillOnce(Return(fail_with(ECANCELED, "cancelled")));
  EXPECT_CALL(m.runner, run(_, _)).WillOnce(ntfscat("data", 0));
  EXPECT_CALL(m.download, finish()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(ntfscat_i(ctx, device("/dev/sda1"), 5), IsError(ECANCELED, "cancelled"));
}

TEST(NtfscatI, NoStreamIsAnInternalError) {
  MockPorts m;
  m.with_download = false;
  auto ctx = m.ctx();
  EXPECT_FALSE(ntfscat_i(ctx, device("/dev/sda1"), 5));
}

}  // namespace
}  // namespace gfsd::domain::test
