// download_inode / download_blocks: icat and blkls with the original's argv,
// their output streamed after the reply; argument errors in its words.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/tsk/tsk_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::Return;

// A runner that plays the program: `out` to the sink in two pieces, then exits.
auto plays(std::string out, int status, std::string err = "") {
  return [=](const Argv&, const ports::RunOptions& opts) -> Result<ports::ProcessResult> {
    if (!opts.stdout_sink) return exited(99, "", "no sink");
    const size_t half = out.size() / 2;
    if (half > 0) GFSD_TRY(opts.stdout_sink(out.data(), half));
    if (out.size() > half) GFSD_TRY(opts.stdout_sink(out.data() + half, out.size() - half));
    return exited(status, "", err);
  };
}

void streams(MockPorts& m, const Argv& argv, const std::string& out, std::string* sent) {
  InSequence seq;
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.runner, run(argv, _)).WillOnce(plays(out, 0));
  EXPECT_CALL(m.download, write(_, _)).Times(2).WillRepeatedly([sent](const char* d, size_t n) {
    sent->append(d, n);
    return Result<void>{};
  });
  EXPECT_CALL(m.download, finish()).WillOnce(Return(Result<void>{}));
}

TEST(DownloadInode, IcatRecoveringDeletedContent) {
  MockPorts m;
  std::string sent;
  streams(m, {"icat", "-r", "/dev/sda1", "12"}, "file content", &sent);
  auto ctx = m.ctx();
  EXPECT_TRUE(download_inode(ctx, device("/dev/sda1"), 12));
  EXPECT_EQ(sent, "file content");
}

TEST(DownloadInode, ABtrfsvolMountableUsesItsDevice) {
  MockPorts m;
  std::string sent;
  streams(m, {"icat", "-r", "/dev/sdb", "0"}, "xy", &sent);
  auto ctx = m.ctx();
  EXPECT_TRUE(download_inode(ctx, btrfsvol("/dev/sdb", "vol"), 0));
}

TEST(DownloadInode, NegativeInodeIsAReplyBeforeAnyTransfer) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).Times(0);
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(download_inode(ctx, device("/dev/sda1"), -1), IsError(0, "inode must be >= 0"));
}

TEST(DownloadInode, IcatFailingAfterTheReplyCancels) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.runner, run(_, _)).WillOnce(plays("", 1, "Error: inode 999 not found"));
  EXPECT_CALL(m.download, finish()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(download_inode(ctx, device("/dev/sda1"), 999),
              IsError(0, "pclose: /dev/sda1: Error: inode 999 not found"));
}

TEST(DownloadBlocks, WithoutUnallocatedEveryBlockWithE) {
  MockPorts m;
  std::string sent;
  streams(m, {"blkls", "/dev/sda1", "-e", "0-100"}, "blocks", &sent);
  auto ctx = m.ctx();
  EXPECT_TRUE(download_blocks(ctx, device("/dev/sda1"), 0, 100, {}));
  EXPECT_EQ(sent, "blocks");
}

// blkls lists unallocated blocks by default; the original dropped -e when the
// option was passed at all, so unallocated:false is the same as true.
TEST(DownloadBlocks, UnallocatedTrueOrFalseDropsE) {
  for (bool value : {true, false}) {
    MockPorts m;
    std::string sent;
    streams(m, {"blkls", "/dev/sda1", "5-9"}, "free", &sent);
    auto ctx = m.ctx();
    api::opt::download_blocks o;
    o.unallocated = value;
    EXPECT_TRUE(download_blocks(ctx, device("/dev/sda1"), 5, 9, o));
  }
}

TEST(DownloadBlocks, AddressErrorsInTheOriginalsWords) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).Times(0);
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(download_blocks(ctx, device("/dev/sda1"), -1, 10, {}),
              IsError(0, "starting address must be greater than zero"));
  EXPECT_THAT(download_blocks(ctx, device("/dev/sda1"), 10, 10, {}),
              IsError(0, "stopping address must greater than starting address"));
  EXPECT_THAT(download_blocks(ctx, device("/dev/sda1"), 10, 9, {}),
              IsError(0, "stopping address must greater than starting address"));
}

TEST(DownloadBlocks, TheLibraryCancellingStopsTheCopy) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.download, write(_, _)).WillOnce(Return(fail_with(ECANCELED, "cancelled")));
  EXPECT_CALL(m.runner, run(_, _)).WillOnce(plays("data", 0));
  EXPECT_CALL(m.download, finish()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(download_blocks(ctx, device("/dev/sda1"), 0, 1, {}), IsError(ECANCELED, "cancelled"));
}

}  // namespace
}  // namespace gfsd::domain::test
