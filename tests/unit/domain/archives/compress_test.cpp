// compress_out / compress_device_out: the compressor command lines, the
// level rules, the original's error texts and the stream.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/archives/archive_actions.hpp"
#include "unit/domain/archives/archive_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::Return;

api::opt::compress_out level(int l) {
  api::opt::compress_out o;
  o.level = l;
  return o;
}

TEST(CompressOut, TheFileIsAGuestArgumentAndItsCompressedFormIsStreamed) {
  MockPorts m;
  auto d = record_download(m);
  ON_CALL(m.host, program_exists("gzip")).WillByDefault(Return(true));
  EXPECT_CALL(m.runner, run(Argv{"gzip", "-c", "/etc/passwd"},
                            AllOf(GuestArgs({{2, Last::Follow}}), Chrooted(false))))
      .WillOnce(writes("GZDATA"));
  auto ctx = m.ctx();
  EXPECT_TRUE(compress_out(ctx, "gzip", "/etc/passwd", {}));
  EXPECT_TRUE(d->started);
  EXPECT_TRUE(d->finished);
  EXPECT_EQ(d->data, "GZDATA");
}

TEST(CompressOut, EachTypeWithALevel) {
  const std::vector<std::pair<std::string, Argv>> cases{
      {"gzip", {"gzip", "-c", "-9", "/f"}},
      {"bzip2", {"bzip2", "-c", "-9", "/f"}},
      {"xz", {"xz", "-c", "-9", "/f"}},
      {"lzop", {"lzop", "-c", "-9", "/f"}},
  };
  for (const auto& [ctype, argv] : cases) {
    MockPorts m;
    record_download(m);
    ON_CALL(m.host, program_exists(ctype)).WillByDefault(Return(true));
    EXPECT_CALL(m.runner, run(argv, _)).WillOnce(writes("x"));
    auto ctx = m.ctx();
    EXPECT_TRUE(compress_out(ctx, ctype, "/f", level(9))) << ctype;
  }
}

TEST(CompressOut, MinusOneIsTheDefaultLevel) {
  MockPorts m;
  record_download(m);
  ON_CALL(m.host, program_exists("compress")).WillByDefault(Return(true));
  EXPECT_CALL(m.runner, run(Argv{"compress", "-c", "/f"}, _)).WillOnce(writes("x"));
  auto ctx = m.ctx();
  EXPECT_TRUE(compress_out(ctx, "compress", "/f", level(-1)));
}

TEST(CompressOut, OnlyXzTakesLevelZero) {
  MockPorts m;
  record_download(m);
  ON_CALL(m.host, program_exists(_)).WillByDefault(Return(true));
  EXPECT_CALL(m.runner, run(Argv{"xz", "-c", "-0", "/f"}, _)).WillOnce(writes("x"));
  auto ctx = m.ctx();
  EXPECT_TRUE(compress_out(ctx, "xz", "/f", level(0)));
  EXPECT_THAT(compress_out(ctx, "gzip", "/f", level(0)),
              IsError(0, "gzip: incorrect value for level parameter"));
  EXPECT_THAT(compress_out(ctx, "bzip2", "/f", level(10)),
              IsError(0, "bzip2: incorrect value for level parameter"));
  EXPECT_THAT(compress_out(ctx, "lzop", "/f", level(-2)),
              IsError(0, "lzop: incorrect value for level parameter"));
  EXPECT_THAT(compress_out(ctx, "xz", "/f", level(10)),
              IsError(0, "xz: incorrect value for level parameter"));
}

TEST(CompressOut, CompressTakesNoLevel) {
  MockPorts m;
  ON_CALL(m.host, program_exists(_)).WillByDefault(Return(true));
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  EXPECT_CALL(m.download, start()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(compress_out(ctx, "compress", "/f", level(5)),
              IsError(0, "compress: cannot use optional level parameter with this compression type"));
}

TEST(CompressOut, UnknownTypeAndMissingProgramAreRepliedBeforeAnyData) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  EXPECT_CALL(m.download, start()).Times(0);
  ON_CALL(m.host, program_exists("lzop")).WillByDefault(Return(false));
  auto ctx = m.ctx();
  EXPECT_THAT(compress_out(ctx, "zstd", "/f", {}), IsError(0, "unknown compression type"));
  EXPECT_THAT(compress_out(ctx, "GZIP", "/f", {}), IsError(0, "unknown compression type"));
  // Checked before the level.
  EXPECT_THAT(compress_out(ctx, "lzop", "/f", level(99)),
              IsError(ENOTSUP, "compression type lzop is not supported, because external "
                               "program 'lzop' is not available in the appliance"));
}

TEST(CompressOut, AFailureAfterTheReplyCancels) {
  MockPorts m;
  auto d = record_download(m);
  ON_CALL(m.host, program_exists(_)).WillByDefault(Return(true));
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(writes("", 1, "gzip: /sysroot/f: Is a directory"))
      .WillOnce([](const Argv&, const ports::RunOptions&) -> Result<ports::ProcessResult> {
        return fail_with(ENOENT, "gzip: cannot access '/nope': No such file or directory");
      });
  EXPECT_CALL(m.download, finish()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(compress_out(ctx, "gzip", "/f", {}),
              IsError(0, "pclose: /f: gzip: /sysroot/f: Is a directory"));
  EXPECT_THAT(compress_out(ctx, "gzip", "/nope", {}),
              IsError(ENOENT, "gzip: cannot access '/nope': No such file or directory"));
  EXPECT_TRUE(d->started);
}

TEST(CompressOut, TheLibrarysCancelStopsTheProgram) {
  MockPorts m;
  ON_CALL(m.host, program_exists(_)).WillByDefault(Return(true));
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.download, write(_, _))
      .WillOnce(Return(fail_with(ECANCELED, "file transfer cancelled")));
  EXPECT_CALL(m.download, finish()).Times(0);
  EXPECT_CALL(m.runner, run(_, _)).WillOnce(writes("data"));
  auto ctx = m.ctx();
  EXPECT_THAT(compress_out(ctx, "gzip", "/f", {}), IsError(ECANCELED, "file transfer cancelled"));
}

TEST(CompressDeviceOut, TheDeviceIsStdinSoLzopTakesIt) {
  MockPorts m;
  auto d = record_download(m);
  ON_CALL(m.host, program_exists("lzop")).WillByDefault(Return(true));
  EXPECT_CALL(m.runner,
              run(Argv{"lzop", "-c", "-3"}, AllOf(StdinFile("/dev/sda1"), GuestArgs({}))))
      .WillOnce(writes("LZO"));
  auto ctx = m.ctx();
  api::opt::compress_device_out o;
  o.level = 3;
  EXPECT_TRUE(compress_device_out(ctx, "lzop", "/dev/sda1", o));
  EXPECT_EQ(d->data, "LZO");
  EXPECT_TRUE(d->finished);
}

TEST(CompressDeviceOut, SameTypeAndLevelRules) {
  MockPorts m;
  ON_CALL(m.host, program_exists(_)).WillByDefault(Return(true));
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  api::opt::compress_device_out o;
  o.level = 0;
  EXPECT_THAT(compress_device_out(ctx, "bzip2", "/dev/sda", o),
              IsError(0, "bzip2: incorrect value for level parameter"));
  EXPECT_THAT(compress_device_out(ctx, "zip", "/dev/sda", {}),
              IsError(0, "unknown compression type"));
}

}  // namespace
}  // namespace gfsd::domain::test
