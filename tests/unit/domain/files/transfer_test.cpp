#include <cerrno>
#include <cstring>
#include <memory>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"
#include "upload_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockFile;
using mocks::MockPorts;
using testing::_;
using testing::ByMove;
using testing::InSequence;
using testing::Invoke;
using testing::Return;


// A MockFile that reads out `content` in pieces of at most `piece` bytes.
struct SourceFile {
  std::string content;
  size_t pos = 0;
  std::unique_ptr<NiceFile> owned = std::make_unique<NiceFile>();
  MockFile* file = owned.get();

  SourceFile(std::string c, size_t piece) : content(std::move(c)) {
    ON_CALL(*file, read(_, _)).WillByDefault(Invoke([this, piece](char* b, size_t n) {
      const size_t k = std::min({n, piece, content.size() - pos});
      std::memcpy(b, content.data() + pos, k);
      pos += k;
      return Result<size_t>(k);
    }));
    ON_CALL(*file, close()).WillByDefault(Return(Result<void>{}));
  }
  FileResult take() { return FileResult(std::unique_ptr<ports::File>(std::move(owned))); }
};

TEST(InternalWrite, TruncatesWritesAndCloses) {
  MockPorts m;
  SinkFile sink;
  EXPECT_CALL(*sink.file, close()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::WriteTruncate, 0666u))
      .WillOnce(Return(ByMove(sink.take())));
  auto ctx = m.ctx();
  const std::string content("a\0b", 3);
  EXPECT_TRUE(internal_write(ctx, "/f", content));
  EXPECT_EQ(sink.written, content);
}

TEST(InternalWriteAppend, OpensForAppending) {
  MockPorts m;
  SinkFile sink;
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::WriteAppend, 0666u))
      .WillOnce(Return(ByMove(sink.take())));
  auto ctx = m.ctx();
  EXPECT_TRUE(internal_write_append(ctx, "/f", "more"));
  EXPECT_EQ(sink.written, "more");
}

TEST(InternalWrite, ErrorsNameTheStep) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/ro", _, _)).WillOnce(Return(ByMove(FileResult(fail_errno(EROFS, "")))));
  auto ctx = m.ctx();
  EXPECT_THAT(internal_write(ctx, "/ro", "x"), IsError(EROFS, "open: /ro: Read-only file system"));

  SinkFile full;
  EXPECT_CALL(*full.file, write(_, _)).WillOnce(Return(fail_errno(ENOSPC, "write: /full")));
  EXPECT_CALL(m.fs, open("/full", _, _)).WillOnce(Return(ByMove(full.take())));
  EXPECT_THAT(internal_write(ctx, "/full", "x"), IsError(ENOSPC, "write: No space left on device"));

  SinkFile nfs;
  EXPECT_CALL(*nfs.file, close()).WillOnce(Return(fail_errno(EIO, "close: /nfs")));
  EXPECT_CALL(m.fs, open("/nfs", _, _)).WillOnce(Return(ByMove(nfs.take())));
  EXPECT_THAT(internal_write(ctx, "/nfs", "x"), IsError(EIO, "close: /nfs: Input/output error"));
}

// Deprecated write_file: the content is a C string, size 0 means all of it.
TEST(WriteFile, SizeZeroWritesTheWholeStringUpToItsFirstNul) {
  MockPorts m;
  SinkFile sink;
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::WriteTruncate, 0666u))
      .WillOnce(Return(ByMove(sink.take())));
  auto ctx = m.ctx();
  EXPECT_TRUE(write_file(ctx, "/f", std::string("abc\0def", 7), 0));
  EXPECT_EQ(sink.written, "abc");
}

TEST(WriteFile, ASizeShortensTheString) {
  MockPorts m;
  SinkFile sink;
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::WriteTruncate, 0666u))
      .WillOnce(Return(ByMove(sink.take())));
  auto ctx = m.ctx();
  EXPECT_TRUE(write_file(ctx, "/f", "abcdef", 2));
  EXPECT_EQ(sink.written, "ab");
}

// C API test write_file_0: size 10000 with "abc" fails, before any file is made.
TEST(WriteFile, SizesBeyondTheStringOrNegativeAreRefused) {
  MockPorts m;
  EXPECT_CALL(m.fs, open(_, _, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(write_file(ctx, "/write_file", "abc", 10000),
              IsError(0, "size parameter is larger than string content"));
  EXPECT_THAT(write_file(ctx, "/f", std::string("ab\0cd", 5), 4),
              IsError(0, "size parameter is larger than string content"));
  EXPECT_THAT(write_file(ctx, "/f", "abc", -1), IsError(0, "size cannot be negative"));
}

TEST(WriteFile, ErrorsAreInternalWrites) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/ro", _, _)).WillOnce(Return(ByMove(FileResult(fail_errno(EROFS, "")))));
  auto ctx = m.ctx();
  EXPECT_THAT(write_file(ctx, "/ro", "x", 0), IsError(EROFS, "open: /ro: Read-only file system"));
}

TEST(Upload, WritesTheStreamToTheFile) {
  MockPorts m;
  SinkFile sink;
  EXPECT_CALL(*sink.file, close()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::WriteTruncate, 0666u))
      .WillOnce(Return(ByMove(sink.take())));
  feed_upload(m, {"hello ", std::string(8192, 'x'), "end"});
  auto ctx = m.ctx();
  EXPECT_TRUE(upload(ctx, api::DevOrPath{false, "/f"}));
  EXPECT_EQ(sink.written, "hello " + std::string(8192, 'x') + "end");
}

TEST(Upload, DevicesOpenThroughBlockDevices) {
  MockPorts m;
  SinkFile sink;
  EXPECT_CALL(m.devices, open("/dev/sda1", ports::OpenFor::WriteTruncate))
      .WillOnce(Return(ByMove(sink.take())));
  EXPECT_CALL(m.fs, open(_, _, _)).Times(0);
  feed_upload(m, {"boot"});
  auto ctx = m.ctx();
  EXPECT_TRUE(upload(ctx, api::DevOrPath{true, "/dev/sda1"}));
  EXPECT_EQ(sink.written, "boot");
}

TEST(Upload, OpenFailureIsReportedBeforeReading) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/fail", _, _))
      .WillOnce(Return(ByMove(FileResult(fail_errno(EACCES, "/fail")))));
  EXPECT_CALL(m.upload, read(_, _)).Times(0);  // the session drains the stream
  auto ctx = m.ctx();
  EXPECT_THAT(upload(ctx, api::DevOrPath{false, "/fail"}),
              IsError(EACCES, "/fail: Permission denied"));
}

TEST(Upload, AWriteFailureIsAWriteError) {
  MockPorts m;
  SinkFile sink;
  EXPECT_CALL(*sink.file, write(_, _)).WillOnce(Return(fail_errno(ENOSPC, "write: /f")));
  EXPECT_CALL(m.fs, open("/f", _, _)).WillOnce(Return(ByMove(sink.take())));
  feed_upload(m, {"a", "b"});
  auto ctx = m.ctx();
  EXPECT_THAT(upload(ctx, api::DevOrPath{false, "/f"}), IsError(0, "write error: /f"));
}

TEST(Upload, CancellationByTheLibraryIsReportedAsStockDoes) {
  MockPorts m;
  SinkFile sink;
  EXPECT_CALL(m.fs, open("/f", _, _)).WillOnce(Return(ByMove(sink.take())));
  EXPECT_CALL(m.upload, read(_, _)).WillOnce(Return(fail_with(ECANCELED, "cancelled")));
  auto ctx = m.ctx();
  EXPECT_THAT(upload(ctx, api::DevOrPath{false, "/f"}), IsError(0, "file upload cancelled"));
}

TEST(Upload, AMalformedChunkIsAWriteError) {
  MockPorts m;
  SinkFile sink;
  EXPECT_CALL(m.fs, open("/f", _, _)).WillOnce(Return(ByMove(sink.take())));
  EXPECT_CALL(m.upload, read(_, _)).WillOnce(Return(fail_with(EPROTO, "malformed file chunk")));
  auto ctx = m.ctx();
  EXPECT_THAT(upload(ctx, api::DevOrPath{false, "/f"}), IsError(0, "write error: /f"));
}

TEST(Upload, CloseFailure) {
  MockPorts m;
  SinkFile sink;
  EXPECT_CALL(*sink.file, close()).WillOnce(Return(fail_errno(EIO, "close: /f")));
  EXPECT_CALL(m.fs, open("/f", _, _)).WillOnce(Return(ByMove(sink.take())));
  feed_upload(m, {});
  auto ctx = m.ctx();
  EXPECT_THAT(upload(ctx, api::DevOrPath{false, "/f"}), IsError(EIO, "close: Input/output error"));
}

TEST(Download, ReplyThenChunksWithProgress) {
  MockPorts m;
  // Files are read in blocks of 16 chunks (128 KiB).
  const std::string content(300000, 'z');
  SourceFile src(content, 1000000);
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::Read, _)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular, 300000)));
  std::string sent;
  {
    InSequence seq;
    EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
    EXPECT_CALL(m.download, write(_, 131072u)).WillOnce(Invoke([&](const char* b, size_t n) {
      sent.append(b, n);
      return Result<void>{};
    }));
    EXPECT_CALL(m.progress, report(131072u, 300000u));
    EXPECT_CALL(m.download, write(_, 131072u)).WillOnce(Invoke([&](const char* b, size_t n) {
      sent.append(b, n);
      return Result<void>{};
    }));
    EXPECT_CALL(m.progress, report(262144u, 300000u));
    EXPECT_CALL(m.download, write(_, 37856u)).WillOnce(Invoke([&](const char* b, size_t n) {
      sent.append(b, n);
      return Result<void>{};
    }));
    EXPECT_CALL(m.progress, report(300000u, 300000u));
    EXPECT_CALL(m.download, finish()).WillOnce(Return(Result<void>{}));
  }
  auto ctx = m.ctx();
  EXPECT_TRUE(download(ctx, api::DevOrPath{false, "/f"}));
  EXPECT_EQ(sent, content);
}

TEST(Download, ErrorsBeforeTheReply) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).Times(0);
  EXPECT_CALL(m.fs, open("/nonexistent", _, _))
      .WillOnce(Return(ByMove(FileResult(fail_errno(ENOENT, "")))));
  SourceFile dir("", 1);
  EXPECT_CALL(m.fs, open("/d", _, _)).WillOnce(Return(ByMove(dir.take())));
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(stat_of(kDirectory)));
  auto ctx = m.ctx();
  EXPECT_THAT(download(ctx, api::DevOrPath{false, "/nonexistent"}),
              IsError(ENOENT, "/nonexistent: No such file or directory"));
  EXPECT_THAT(download(ctx, api::DevOrPath{false, "/d"}), IsError(0, "/d: is a directory"));
}

TEST(Download, DeviceSizeComesFromTheDevice) {
  MockPorts m;
  SourceFile src("abc", 10);
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read))
      .WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.devices, kind("/dev/sda")).WillOnce(Return(ports::DeviceKind::Block));
  EXPECT_CALL(m.devices, size("/dev/sda")).WillOnce(Return(Result<int64_t>(1048576)));
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  std::string sent;
  EXPECT_CALL(m.download, write(_, _)).WillOnce([&](const char* d, size_t n) {
    sent.append(d, n);
    return Result<void>{};
  });
  EXPECT_CALL(m.progress, report(3u, 1048576u));
  EXPECT_CALL(m.download, finish()).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_TRUE(download(ctx, api::DevOrPath{true, "/dev/sda"}));
  EXPECT_EQ(sent, "abc");
}

TEST(Download, DeviceSizeFailureComesBeforeTheReply) {
  MockPorts m;
  EXPECT_CALL(m.download, start()).Times(0);
  SourceFile a("", 1);
  EXPECT_CALL(m.devices, open("/dev/sda", _)).WillOnce(Return(ByMove(a.take())));
  EXPECT_CALL(m.devices, size("/dev/sda")).WillOnce(Return(fail_errno(EIO, "/dev/sda")));
  auto ctx = m.ctx();
  EXPECT_THAT(download(ctx, api::DevOrPath{true, "/dev/sda"}),
              IsError(EIO, "/dev/sda: Input/output error"));
}

TEST(Download, AReadErrorAfterTheReplyEndsWithoutFinish) {
  MockPorts m;
  SourceFile src("", 1);
  EXPECT_CALL(*src.file, read(_, _)).WillOnce(Return(fail_errno(EIO, "read: /f")));
  EXPECT_CALL(m.fs, open("/f", _, _)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular, 5)));
  EXPECT_CALL(m.download, start()).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(m.download, finish()).Times(0);  // the session cancels the stream
  auto ctx = m.ctx();
  EXPECT_THAT(download(ctx, api::DevOrPath{false, "/f"}),
              IsError(EIO, "read: /f: Input/output error"));
}

}  // namespace
}  // namespace gfsd::domain::test
