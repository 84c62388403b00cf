// cpio_out: the directory checks, the format optarg and the pipeline run
// inside the guest directory.
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

Result<ports::FileStat> a_directory() {
  ports::FileStat st;
  st.mode = 040755;
  return st;
}

Result<ports::FileStat> a_file() {
  ports::FileStat st;
  st.mode = 0100644;
  return st;
}

TEST(CpioOut, NewcByDefaultRunInTheDirectory) {
  MockPorts m;
  auto d = record_download(m);
  EXPECT_CALL(m.fs, stat("/boot", true)).WillOnce(Return(a_directory()));
  EXPECT_CALL(m.runner, run(Argv{"sh", "-c", "find -print0 | cpio -0 -o -H newc --quiet"},
                            AllOf(GuestCwd("/boot"), GuestArgs({}), Chrooted(false))))
      .WillOnce(writes("070701..."));
  auto ctx = m.ctx();
  EXPECT_TRUE(cpio_out(ctx, "/boot", {}));
  EXPECT_EQ(d->data, "070701...");
  EXPECT_TRUE(d->finished);
}

TEST(CpioOut, CrcFormat) {
  MockPorts m;
  record_download(m);
  EXPECT_CALL(m.fs, stat("/", true)).WillOnce(Return(a_directory()));
  EXPECT_CALL(m.runner,
              run(Argv{"sh", "-c", "find -print0 | cpio -0 -o -H crc --quiet"}, GuestCwd("/")))
      .WillOnce(writes("x"));
  auto ctx = m.ctx();
  api::opt::cpio_out o;
  o.format = "crc";
  EXPECT_TRUE(cpio_out(ctx, "/", o));
}

TEST(CpioOut, OtherFormatsAreRefusedAfterTheDirectoryCheck) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/", true)).WillRepeatedly(Return(a_directory()));
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  EXPECT_CALL(m.download, start()).Times(0);
  auto ctx = m.ctx();
  api::opt::cpio_out o;
  o.format = "odc";
  EXPECT_THAT(cpio_out(ctx, "/", o), IsError(0, "odc: format must be 'newc' or 'crc'"));
  o.format = "newc; rm -rf /";
  EXPECT_THAT(cpio_out(ctx, "/", o), IsError(0, "newc; rm -rf /: format must be 'newc' or 'crc'"));
}

TEST(CpioOut, TheDirectoryMustBeOne) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/etc/passwd", true)).WillOnce(Return(a_file()));
  EXPECT_CALL(m.fs, stat("/nope", true))
      .WillOnce(Return(fail_errno(ENOENT, "/nope")));
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  EXPECT_CALL(m.download, start()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(cpio_out(ctx, "/etc/passwd", {}), IsError(0, "/etc/passwd: not a directory"));
  EXPECT_THAT(cpio_out(ctx, "/nope", {}),
              IsError(ENOENT, "stat: /nope: No such file or directory"));
  // Appended to the sysroot's name, a relative one names nothing.
  EXPECT_THAT(cpio_out(ctx, "etc", {}), IsError(ENOENT, "stat: etc: No such file or directory"));
}

TEST(CpioOut, EmptyIsTheRoot) {
  MockPorts m;
  record_download(m);
  EXPECT_CALL(m.fs, stat("/", true)).WillOnce(Return(a_directory()));
  EXPECT_CALL(m.runner, run(_, GuestCwd("/"))).WillOnce(writes("x"));
  auto ctx = m.ctx();
  EXPECT_TRUE(cpio_out(ctx, "", {}));
}

TEST(CpioOut, ACpioFailureCancels) {
  MockPorts m;
  auto d = record_download(m);
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(a_directory()));
  EXPECT_CALL(m.runner, run(_, _)).WillOnce(writes("partial", 2, "cpio: write error"));
  EXPECT_CALL(m.download, finish()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(cpio_out(ctx, "/d", {}), IsError(0, "pclose: /d: cpio: write error"));
  EXPECT_TRUE(d->started);
}

}  // namespace
}  // namespace gfsd::domain::test
