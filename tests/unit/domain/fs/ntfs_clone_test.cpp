// ntfsclone_out / ntfsclone_in: ntfsclone's command lines, the image streamed
// both ways, and the original's error texts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <memory>

#include "domain/fs/fs_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::Return;

// A runner that plays ntfsclone: reads stdin (into *input) until EOF or
// `read_limit` bytes, then writes `out` to the sink.
auto ntfsclone(std::string out, int status, std::string err, std::string* input = nullptr,
               size_t read_limit = SIZE_MAX) {
  return [=](const Argv&, const ports::RunOptions& opts) -> Result<ports::ProcessResult> {
    if (opts.stdin_source) {
      char buf[5];
      size_t got = 0;
      while (got < read_limit) {
        auto n = opts.stdin_source(buf, sizeof buf);
        if (!n) return forward(n.error());
        if (*n == 0) break;
        got += *n;
        if (input) input->append(buf, *n);
      }
    }
    if (opts.stdout_sink && !out.empty()) GFSD_TRY(opts.stdout_sink(out.data(), out.size()));
    return exited(status, "", err);
  };
}

TEST(NtfscloneOut, EveryOptionInTheOriginalsOrderAndTheImageStreamed) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.runner, run(Argv{"ntfsclone", "-o", "-", "--save-image", "--metadata", "--rescue",
                                 "--ignore-fs-check", "--preserve-timestamps", "--force",
                                 "/dev/sda1"},
                            _))
      .WillOnce(ntfsclone("IMAGE", 0, ""));
  std::string sent;
  EXPECT_CALL(m.download, write(_, _)).WillRepeatedly([&](const char* d, size_t n) {
    sent.append(d, n);
    return Result<void>{};
  });
  EXPECT_CALL(m.download, finish()).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  api::opt::ntfsclone_out o;
  o.metadataonly = o.rescue = o.ignorefscheck = o.preservetimestamps = o.force = true;
  EXPECT_TRUE(ntfsclone_out(ctx, "/dev/sda1", o));
  EXPECT_EQ(sent, "IMAGE");
}

TEST(NtfscloneOut, FalseOptionsAreLeftOutAndAFailureCancels) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.runner, run(Argv{"ntfsclone", "-o", "-", "--save-image", "/dev/sda1"}, _))
      .WillOnce(ntfsclone("", 1, "NTFS signature is missing."));
  EXPECT_CALL(m.download, finish()).Times(0);
  auto ctx = m.ctx();
  api::opt::ntfsclone_out o;
  o.metadataonly = false;
  EXPECT_THAT(ntfsclone_out(ctx, "/dev/sda1", o),
              IsError(0, "pclose: /dev/sda1: NTFS signature is missing."));
}

TEST(NtfscloneIn, TheUploadIsTheRestoredImage) {
  MockPorts m;
  upload_of(m, "0123456789abc");
  std::string input;
  EXPECT_CALL(m.runner, run(Argv{"ntfsclone", "-O", "/dev/sda1", "--restore-image", "-"}, _))
      .WillOnce(ntfsclone("", 0, "", &input));
  auto ctx = m.ctx();
  EXPECT_TRUE(ntfsclone_in(ctx, "/dev/sda1"));
  EXPECT_EQ(input, "0123456789abc");
}

TEST(NtfscloneIn, TheOriginalsErrors) {
  MockPorts m;
  upload_of(m, "0123456789abc");
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(ntfsclone("", 1, "Not an image file.\n", nullptr, 5))  // stops reading early
      .WillOnce(ntfsclone("", 0, ""))
      .WillOnce([](const Argv&, const ports::RunOptions&) -> Result<ports::ProcessResult> {
        return fail_errno(ECANCELED, "cancelled by the library");
      });
  auto ctx = m.ctx();
  EXPECT_THAT(ntfsclone_in(ctx, "/dev/sda1"),
              IsError(0, "write error on device: /dev/sda1: Not an image file.\n"));
  EXPECT_TRUE(ntfsclone_in(ctx, "/dev/sda1"));  // reads the rest, exits 0
  EXPECT_THAT(ntfsclone_in(ctx, "/dev/sda1"), IsError(0, "ntfsclone cancelled"));
}

TEST(NtfscloneIn, ANonZeroExitAfterTheWholeImage) {
  MockPorts m;
  upload_of(m, "xyz");
  EXPECT_CALL(m.runner, run(_, _)).WillOnce(ntfsclone("", 1, "Restoring failed"));
  auto ctx = m.ctx();
  EXPECT_THAT(ntfsclone_in(ctx, "/dev/sda1"),
              IsError(0, "ntfsclone subcommand failed on device: /dev/sda1: Restoring failed"));
}

}  // namespace
}  // namespace gfsd::domain::test
