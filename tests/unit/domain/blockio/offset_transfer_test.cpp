// upload_offset and download_offset.
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
using testing::InSequence;
using testing::Return;

api::DevOrPath file_arg(const std::string& p) { return api::DevOrPath{false, p}; }
api::DevOrPath dev_arg(const std::string& d) { return api::DevOrPath{true, d}; }

// Collects what a download sends.
std::shared_ptr<std::string> capture_download(MockPorts& m) {
  auto got = std::make_shared<std::string>();
  ON_CALL(m.download, start()).WillByDefault(Return(Result<void>{}));
  ON_CALL(m.download, finish()).WillByDefault(Return(Result<void>{}));
  ON_CALL(m.download, write(_, _)).WillByDefault([got](const char* p, size_t n) {
    got->append(p, n);
    return Result<void>{};
  });
  return got;
}

TEST(UploadOffset, WritesTheStreamAtTheOffsetWithoutTruncating) {
  MockPorts m;
  MemFile f("0123456789");
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::WriteCreate, 0666u)).WillOnce(Return(ByMove(f.take())));
  upload_of(m, "abc");
  auto ctx = m.ctx();
  EXPECT_TRUE(upload_offset(ctx, file_arg("/f"), 4));
  EXPECT_EQ(f.state->data, "0123abc789");
  EXPECT_TRUE(f.state->closed);
}

TEST(UploadOffset, OffsetZeroIsNotSeekedAndDevicesAreDevices) {
  MockPorts m;
  MemFile d(std::string(4, '.'));
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::WriteCreate))
      .WillOnce(Return(ByMove(d.take())));
  upload_of(m, "xy");
  auto ctx = m.ctx();
  EXPECT_TRUE(upload_offset(ctx, dev_arg("/dev/sda"), 0));
  EXPECT_THAT(d.state->ops, ElementsAre("write 2@0"));
  EXPECT_EQ(d.state->data, "xy..");
}

TEST(UploadOffset, Errors) {
  MockPorts m;
  EXPECT_CALL(m.fs, open(_, _, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(upload_offset(ctx, file_arg("/f"), -1),
              IsError(0, "/f: offset in file is negative: Success"));
}

TEST(UploadOffset, OpenSeekWriteAndCancel) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/nodir/f", _, _)).WillOnce(Return(ByMove(open_error(ENOENT, "/nodir/f"))));
  MemFile dev, f1, f2;
  EXPECT_CALL(*dev.mock, seek(1 << 30)).WillOnce(Return(fail_errno(EINVAL, "lseek")));
  EXPECT_CALL(m.devices, open("/dev/sda", _)).WillOnce(Return(ByMove(dev.take())));
  EXPECT_CALL(*f1.mock, write(_, _)).WillOnce(Return(fail_errno(ENOSPC, "write")));
  EXPECT_CALL(m.fs, open("/f", _, _))
      .WillOnce(Return(ByMove(f1.take())))
      .WillOnce(Return(ByMove(f2.take())));
  EXPECT_CALL(m.upload, read(_, _))
      .WillOnce(Return(size_t{3}))
      .WillOnce(Return(fail_with(ECANCELED, "cancelled")));
  auto ctx = m.ctx();
  EXPECT_THAT(upload_offset(ctx, file_arg("/nodir/f"), 0),
              IsError(ENOENT, "/nodir/f: No such file or directory"));
  EXPECT_THAT(upload_offset(ctx, dev_arg("/dev/sda"), 1 << 30),
              IsError(EINVAL, "lseek: /dev/sda: Invalid argument"));
  EXPECT_THAT(upload_offset(ctx, file_arg("/f"), 0), IsError(0, "write error: /f"));
  EXPECT_THAT(upload_offset(ctx, file_arg("/f"), 0), IsError(0, "file upload cancelled"));
}

TEST(DownloadOffset, SendsSizeBytesFromTheOffset) {
  MockPorts m;
  std::string content(400000, 'a');
  content[100] = 'X';
  MemFile f(content);
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::Read, _)).WillOnce(Return(ByMove(f.take())));
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular, 400000)));
  auto got = capture_download(m);
  {
    InSequence s;
    EXPECT_CALL(m.download, start());
    EXPECT_CALL(m.progress, report(131072, 150000));
    EXPECT_CALL(m.progress, report(150000, 150000));
    EXPECT_CALL(m.download, finish());
  }
  auto ctx = m.ctx();
  EXPECT_TRUE(download_offset(ctx, file_arg("/f"), 100, 150000));
  EXPECT_EQ(*got, content.substr(100, 150000));
  // blocks of 16 chunks, the last one cut to what is left
  EXPECT_THAT(f.state->read_sizes, ElementsAre(131072u, 18928u));
}

TEST(DownloadOffset, StopsEarlyAtTheEnd) {
  MockPorts m;
  MemFile d("0123456789");
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read)).WillOnce(Return(ByMove(d.take())));
  EXPECT_CALL(m.devices, kind("/dev/sda")).WillOnce(Return(ports::DeviceKind::Block));
  auto got = capture_download(m);
  auto ctx = m.ctx();
  EXPECT_TRUE(download_offset(ctx, dev_arg("/dev/sda"), 7, 100));
  EXPECT_EQ(*got, "789");
}

TEST(DownloadOffset, ErrorsBeforeTheReply) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).Times(0);
  EXPECT_CALL(m.fs, open("/gone", _, _)).WillOnce(Return(ByMove(open_error(ENOENT, "/gone"))));
  MemFile dir, f;
  EXPECT_CALL(m.fs, open("/dir", _, _)).WillOnce(Return(ByMove(dir.take())));
  EXPECT_CALL(m.fs, stat("/dir", true)).WillOnce(Return(stat_of(kDirectory)));
  MemFile vg;
  EXPECT_CALL(m.devices, open("/dev/vg", _)).WillOnce(Return(ByMove(vg.take())));
  EXPECT_CALL(m.devices, kind("/dev/vg")).WillOnce(Return(ports::DeviceKind::Directory));
  EXPECT_CALL(*f.mock, seek(5)).WillOnce(Return(fail_errno(EINVAL, "lseek")));
  EXPECT_CALL(m.fs, open("/f", _, _)).WillOnce(Return(ByMove(f.take())));
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular, 3)));
  auto ctx = m.ctx();
  EXPECT_THAT(download_offset(ctx, file_arg("/f"), -1, 1),
              IsError(0, "/f: offset in file is negative: Success"));
  EXPECT_THAT(download_offset(ctx, file_arg("/f"), 0, -1), IsError(0, "/f: size is negative: Success"));
  EXPECT_THAT(download_offset(ctx, file_arg("/gone"), 0, 1),
              IsError(ENOENT, "/gone: No such file or directory"));
  EXPECT_THAT(download_offset(ctx, file_arg("/dir"), 0, 1), IsError(0, "/dir: is a directory"));
  EXPECT_THAT(download_offset(ctx, dev_arg("/dev/vg"), 0, 1), IsError(0, "/dev/vg: is a directory"));
  EXPECT_THAT(download_offset(ctx, file_arg("/f"), 5, 1), IsError(EINVAL, "lseek: /f: Invalid argument"));
}

TEST(DownloadOffset, ACancelledDownloadStops) {
  MockPorts m;
  MemFile f(std::string(300000, 'z'));
  EXPECT_CALL(m.fs, open("/f", _, _)).WillOnce(Return(ByMove(f.take())));
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular, 300000)));
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.download, write(_, _))
      .WillOnce(Return(Result<void>{}))
      .WillOnce(Return(fail_with(ECANCELED, "download cancelled")));
  EXPECT_CALL(m.download, finish()).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(download_offset(ctx, file_arg("/f"), 0, 300000), IsError(ECANCELED, "download cancelled"));
  EXPECT_THAT(f.state->read_sizes, ElementsAre(131072u, 131072u));
}

}  // namespace
}  // namespace gfsd::domain::test
