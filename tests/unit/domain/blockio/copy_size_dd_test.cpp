// copy_size and dd (both deprecated): copies between files or devices.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "blockio_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::ByMove;
using testing::ElementsAre;
using testing::Return;

api::DevOrPath file_arg(const std::string& p) { return api::DevOrPath{false, p}; }
api::DevOrPath dev_arg(const std::string& d) { return api::DevOrPath{true, d}; }

TEST(CopySize, CopiesExactlySizeBytesWithProgress) {
  MockPorts m;
  MemFile src("hello, world"), dest;
  EXPECT_CALL(m.fs, open("/src", ports::OpenFor::Read, _)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.fs, open("/dest", ports::OpenFor::WriteTruncate, 0666u))
      .WillOnce(Return(ByMove(dest.take())));
  EXPECT_CALL(m.progress, report(5, 5));
  auto ctx = m.ctx();
  EXPECT_TRUE(copy_size(ctx, file_arg("/src"), file_arg("/dest"), 5));
  EXPECT_EQ(dest.state->data, "hello");
  EXPECT_THAT(src.state->read_sizes, ElementsAre(5u));
  EXPECT_TRUE(src.state->closed && dest.state->closed);
}

TEST(CopySize, DevicesAreOpenedAsDevices) {
  MockPorts m;
  MemFile src("abcdef"), dest(std::string(6, '-'));
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.devices, open("/dev/sdb", ports::OpenFor::WriteExisting))
      .WillOnce(Return(ByMove(dest.take())));
  auto ctx = m.ctx();
  EXPECT_TRUE(copy_size(ctx, dev_arg("/dev/sda"), dev_arg("/dev/sdb"), 3));
  EXPECT_EQ(dest.state->data, "abc---");
}

TEST(CopySize, SizeZeroOpensBothAndCopiesNothing) {
  MockPorts m;
  MemFile src("abc"), dest;
  EXPECT_CALL(m.fs, open("/src", _, _)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.fs, open("/dest", _, _)).WillOnce(Return(ByMove(dest.take())));
  auto ctx = m.ctx();
  EXPECT_TRUE(copy_size(ctx, file_arg("/src"), file_arg("/dest"), 0));
  EXPECT_TRUE(dest.state->ops.empty());
}

TEST(CopySize, TooShortAndNegativeSizes) {
  MockPorts m;
  MemFile src1("abc"), dest1, src2("abc"), dest2;
  EXPECT_CALL(m.fs, open("/src", _, _))
      .WillOnce(Return(ByMove(src1.take())))
      .WillOnce(Return(ByMove(src2.take())));
  EXPECT_CALL(m.fs, open("/dest", _, _))
      .WillOnce(Return(ByMove(dest1.take())))
      .WillOnce(Return(ByMove(dest2.take())));
  auto ctx = m.ctx();
  EXPECT_THAT(copy_size(ctx, file_arg("/src"), file_arg("/dest"), 10),
              IsError(0, "/src: input file too short"));
  EXPECT_EQ(dest1.state->data, "abc");
  // A negative size is a huge unsigned one: the copy runs to the source's end.
  EXPECT_THAT(copy_size(ctx, file_arg("/src"), file_arg("/dest"), -1),
              IsError(0, "/src: input file too short"));
  EXPECT_EQ(dest2.state->data, "abc");
}

TEST(CopySize, OpenReadWriteAndCloseErrors) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/nope", _, _)).WillOnce(Return(ByMove(open_error(ENOENT, "/nope"))));
  MemFile src1("x"), src2("x"), dest2, src3("x"), dest3, src4("x"), dest4;
  EXPECT_CALL(m.fs, open("/src", _, _))
      .WillOnce(Return(ByMove(src1.take())))
      .WillOnce(Return(ByMove(src2.take())))
      .WillOnce(Return(ByMove(src3.take())))
      .WillOnce(Return(ByMove(src4.take())));
  EXPECT_CALL(m.fs, open("/d/x", _, _)).WillOnce(Return(ByMove(open_error(EISDIR, "/d/x"))));
  EXPECT_CALL(*src2.mock, read(_, _)).WillOnce(Return(fail_errno(EISDIR, "read")));
  EXPECT_CALL(*dest3.mock, write(_, _)).WillOnce(Return(fail_errno(EFBIG, "write")));
  EXPECT_CALL(*dest4.mock, close()).WillOnce(Return(fail_errno(EIO, "close")));
  EXPECT_CALL(m.fs, open("/dest", _, _))
      .WillOnce(Return(ByMove(dest2.take())))
      .WillOnce(Return(ByMove(dest3.take())))
      .WillOnce(Return(ByMove(dest4.take())));
  auto ctx = m.ctx();
  EXPECT_THAT(copy_size(ctx, file_arg("/nope"), file_arg("/dest"), 1),
              IsError(ENOENT, "/nope: No such file or directory"));
  EXPECT_THAT(copy_size(ctx, file_arg("/src"), file_arg("/d/x"), 1),
              IsError(EISDIR, "/d/x: Is a directory"));
  EXPECT_TRUE(src1.state->closed);
  EXPECT_THAT(copy_size(ctx, file_arg("/src"), file_arg("/dest"), 1),
              IsError(EISDIR, "/src: read: Is a directory"));
  EXPECT_THAT(copy_size(ctx, file_arg("/src"), file_arg("/dest"), 1),
              IsError(EFBIG, "/dest: write: File too large"));
  EXPECT_THAT(copy_size(ctx, file_arg("/src"), file_arg("/dest"), 1),
              IsError(EIO, "/dest: close: Input/output error"));
}

TEST(Dd, CopiesTheWholeSourceInMegabyteRecords) {
  MockPorts m;
  std::string content(3 * 1024 * 1024 / 2, 'q');
  MemFile src(content), dest;
  EXPECT_CALL(m.fs, open("/dd/src", ports::OpenFor::Read, _)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.fs, open("/dd/dest", ports::OpenFor::WriteTruncate, 0666u))
      .WillOnce(Return(ByMove(dest.take())));
  auto ctx = m.ctx();
  EXPECT_TRUE(dd(ctx, file_arg("/dd/src"), file_arg("/dd/dest")));
  EXPECT_EQ(dest.state->data, content);
  EXPECT_THAT(dest.state->ops, ElementsAre("write 1048576@0", "write 524288@1048576"));
}

TEST(Dd, DeviceToDevice) {
  MockPorts m;
  MemFile src("mbr"), dest;
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.devices, open("/dev/sdb", ports::OpenFor::WriteExisting))
      .WillOnce(Return(ByMove(dest.take())));
  auto ctx = m.ctx();
  EXPECT_TRUE(dd(ctx, dev_arg("/dev/sda"), dev_arg("/dev/sdb")));
  EXPECT_EQ(dest.state->data, "mbr");
}

TEST(Dd, ErrorsQuoteDdsOwnWords) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/nope", _, _)).WillOnce(Return(ByMove(open_error(ENOENT, "/nope"))));
  MemFile src1("x"), src2("x"), src3("x"), dest3;
  EXPECT_CALL(m.fs, open("/it's", _, _))
      .WillOnce(Return(ByMove(src1.take())))
      .WillOnce(Return(ByMove(src2.take())));
  EXPECT_CALL(m.fs, open("/nodir/x", _, _)).WillOnce(Return(ByMove(open_error(ENOENT, "/nodir/x"))));
  EXPECT_CALL(*src2.mock, read(_, _)).WillOnce(Return(fail_errno(EISDIR, "read")));
  MemFile dest2;
  EXPECT_CALL(m.fs, open("/out", _, _)).WillOnce(Return(ByMove(dest2.take())));
  EXPECT_CALL(*dest3.mock, write(_, _)).WillOnce(Return(fail_errno(ENOSPC, "write")));
  EXPECT_CALL(m.devices, open("/dev/sda", _)).WillOnce(Return(ByMove(src3.take())));
  EXPECT_CALL(m.devices, open("/dev/sdb", _)).WillOnce(Return(ByMove(dest3.take())));
  auto ctx = m.ctx();
  EXPECT_THAT(dd(ctx, file_arg("/nope"), file_arg("/out")),
              IsError(0, "/nope: /out: dd: failed to open '/sysroot/nope': No such file or directory"));
  EXPECT_THAT(dd(ctx, file_arg("/it's"), file_arg("/nodir/x")),
              IsError(0, "/it's: /nodir/x: dd: failed to open '/sysroot/nodir/x': No such file or "
                         "directory"));
  EXPECT_THAT(dd(ctx, file_arg("/it's"), file_arg("/out")),
              IsError(0, "/it's: /out: dd: error reading '/sysroot/it'\\''s': Is a directory"));
  EXPECT_THAT(dd(ctx, dev_arg("/dev/sda"), dev_arg("/dev/sdb")),
              IsError(0, "/dev/sda: /dev/sdb: dd: error writing '/dev/sdb': No space left on device"));
}

}  // namespace
}  // namespace gfsd::domain::test
