// copy_{device,file}_to_{device,file}: offsets, sizes, sparse copies, append,
// and every error text of the original.
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

constexpr size_t kBlock = 2 * 1024 * 1024;

template <class Opt>
Opt opts(std::optional<int64_t> srcoffset = {}, std::optional<int64_t> destoffset = {},
         std::optional<int64_t> size = {}, std::optional<bool> sparse = {},
         std::optional<bool> append = {}) {
  Opt o;
  o.srcoffset = srcoffset;
  o.destoffset = destoffset;
  o.size = size;
  o.sparse = sparse;
  o.append = append;
  return o;
}
using FF = api::opt::copy_file_to_file;
using DD = api::opt::copy_device_to_device;
using DF = api::opt::copy_device_to_file;
using FD = api::opt::copy_file_to_device;

// A file source and a file destination, opened as the original opens them.
struct FileToFile {
  MockPorts m;
  MemFile src, dest;
  explicit FileToFile(std::string content, ports::OpenFor how = ports::OpenFor::WriteTruncate)
      : src(std::move(content)) {
    EXPECT_CALL(m.fs, open("/src", ports::OpenFor::Read, _)).WillOnce(Return(ByMove(src.take())));
    EXPECT_CALL(m.fs, open("/dest", how, 0666u)).WillOnce(Return(ByMove(dest.take())));
  }
};

TEST(CopyFileToFile, CopiesEverythingAndPulsesWithoutASize) {
  FileToFile t("hello, world");
  {
    InSequence s;
    EXPECT_CALL(t.m.progress, report(0, 1));
    EXPECT_CALL(t.m.progress, report(1, 1));
  }
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>()));
  EXPECT_EQ(t.dest.state->data, "hello, world");
  EXPECT_TRUE(t.src.state->closed);
  EXPECT_TRUE(t.dest.state->closed);
}

TEST(CopyFileToFile, ReadsInLargeBlocks) {
  std::string content(5 * 1024 * 1024 + 17, '\0');
  for (size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>(i * 7 + 1);
  FileToFile t(content);
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>()));
  EXPECT_EQ(t.dest.state->data, content);
  EXPECT_THAT(t.src.state->read_sizes, ElementsAre(kBlock, kBlock, kBlock, kBlock));
  EXPECT_THAT(t.dest.state->ops,
              ElementsAre("write 2097152@0", "write 2097152@2097152", "write 1048593@4194304"));
}

TEST(CopyFileToFile, OffsetsAndSizeWithProgressInBytes) {
  FileToFile t("0123456789");
  EXPECT_CALL(t.m.progress, report(4, 4));
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>(3, 2, 4)));
  EXPECT_EQ(t.src.state->ops, std::vector<std::string>{"seek 3"});
  EXPECT_THAT(t.dest.state->ops, ElementsAre("seek 2", "write 4@2"));
  EXPECT_EQ(t.dest.state->data, std::string("\0\0" "3456", 6));
  EXPECT_THAT(t.src.state->read_sizes, ElementsAre(4u));
}

TEST(CopyFileToFile, ZeroOffsetsAreNotSeeked) {
  FileToFile t("abc");
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>(0, 0)));
  EXPECT_TRUE(t.src.state->ops.empty());
  EXPECT_THAT(t.dest.state->ops, ElementsAre("write 3@0"));
}

TEST(CopyFileToFile, AppendOpensForAppending) {
  FileToFile t("abc", ports::OpenFor::WriteAppend);
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>({}, {}, {}, {}, true)));
  EXPECT_EQ(t.dest.state->data, "abc");
}

TEST(CopyFileToFile, AppendFalseTruncates) {
  FileToFile t("abc", ports::OpenFor::WriteTruncate);
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>({}, {}, {}, {}, false)));
}

TEST(CopyFileToFile, SparseSeeksOverZeroGrainsAndExtendsTheTail) {
  // data, a zero grain, data, then two zero grains at the end.
  std::string content(8192 * 5, '\0');
  content[0] = 'a';
  content[8192 * 2 + 5] = 'b';
  FileToFile t(content);
  ports::FileStat st;
  st.size = 8192 * 3;
  EXPECT_CALL(t.m.fs, stat("/dest", true)).WillOnce(Return(st));
  EXPECT_CALL(t.m.fs, truncate("/dest", 8192 * 5)).WillOnce(Return(Result<void>{}));
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>({}, {}, {}, true)));
  EXPECT_THAT(t.dest.state->ops,
              ElementsAre("write 8192@0", "seek 16384", "write 8192@16384", "seek 40960"));
  EXPECT_EQ(t.dest.state->data, content.substr(0, 8192 * 3));
}

TEST(CopyFileToFile, SparseWithDataAtTheEndNeedsNoExtension) {
  std::string content(8192 * 2, '\0');
  content.back() = 'z';
  FileToFile t(content);
  EXPECT_CALL(t.m.fs, stat(_, _)).Times(0);
  EXPECT_CALL(t.m.fs, truncate(_, _)).Times(0);
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>({}, 100, {}, true)));
  EXPECT_THAT(t.dest.state->ops, ElementsAre("seek 100", "seek 8292", "write 8192@8292"));
}

TEST(CopyFileToFile, AFileAlreadyLongEnoughIsNotTruncated) {
  FileToFile t(std::string(8192, '\0'));
  ports::FileStat st;
  st.size = 1 << 20;
  EXPECT_CALL(t.m.fs, stat("/dest", true)).WillOnce(Return(st));
  EXPECT_CALL(t.m.fs, truncate(_, _)).Times(0);
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>({}, {}, {}, true)));
}

TEST(CopyFileToFile, SparseFalseWritesZeroes) {
  FileToFile t(std::string(100, '\0'));
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>({}, {}, {}, false)));
  EXPECT_THAT(t.dest.state->ops, ElementsAre("write 100@0"));
}

TEST(CopyFileToFile, SparseInAppendModeWritesEverything) {
  // With O_APPEND a seek does not move the next write: a skipped run would be lost.
  FileToFile t(std::string(100, '\0'), ports::OpenFor::WriteAppend);
  auto ctx = t.m.ctx();
  EXPECT_TRUE(copy_file_to_file(ctx, "/src", "/dest", opts<FF>({}, {}, {}, true, true)));
  EXPECT_THAT(t.dest.state->ops, ElementsAre("write 100@0"));
}

TEST(CopyFileToFile, NegativeNumbersBeforeAnythingOpens) {
  MockPorts m;
  EXPECT_CALL(m.fs, open(_, _, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(copy_file_to_file(ctx, "/s", "/d", opts<FF>(-1)), IsError(0, "srcoffset is negative"));
  EXPECT_THAT(copy_file_to_file(ctx, "/s", "/d", opts<FF>({}, -1)),
              IsError(0, "destoffset is negative"));
  EXPECT_THAT(copy_file_to_file(ctx, "/s", "/d", opts<FF>({}, {}, -1)),
              IsError(0, "size is negative"));
}

TEST(CopyFileToFile, OpenErrorsNameThePath) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/missing", ports::OpenFor::Read, _))
      .WillOnce(Return(ByMove(open_error(ENOENT, "/missing"))));
  MemFile src("x");
  EXPECT_CALL(m.fs, open("/src", ports::OpenFor::Read, _)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.fs, open("/nodir/d", _, _)).WillOnce(Return(ByMove(open_error(ENOENT, "/nodir/d"))));
  EXPECT_CALL(m.fs, unlink(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(copy_file_to_file(ctx, "/missing", "/d", opts<FF>()),
              IsError(ENOENT, "/missing: No such file or directory"));
  EXPECT_THAT(copy_file_to_file(ctx, "/src", "/nodir/d", opts<FF>()),
              IsError(ENOENT, "/nodir/d: No such file or directory"));
}

TEST(CopyFileToFile, ASizeBeyondTheSourceFailsAndRemovesTheDestination) {
  FileToFile t("hello");
  EXPECT_CALL(t.m.fs, unlink("/dest")).WillOnce(Return(Result<void>{}));
  auto ctx = t.m.ctx();
  EXPECT_THAT(copy_file_to_file(ctx, "/src", "/dest", opts<FF>({}, {}, 10)),
              IsError(0, "/src: input too short"));
  EXPECT_TRUE(t.src.state->closed);
  EXPECT_TRUE(t.dest.state->closed);
}

TEST(CopyFileToFile, ReadAndWriteErrors) {
  {
    FileToFile t("x");
    EXPECT_CALL(*t.src.mock, read(_, _)).WillOnce(Return(fail_errno(EIO, "read: /src")));
    EXPECT_CALL(t.m.fs, unlink("/dest")).WillOnce(Return(Result<void>{}));
    auto ctx = t.m.ctx();
    EXPECT_THAT(copy_file_to_file(ctx, "/src", "/dest", opts<FF>()),
                IsError(EIO, "read: /src: Input/output error"));
  }
  {
    FileToFile t("x");
    EXPECT_CALL(*t.dest.mock, write(_, _)).WillOnce(Return(fail_errno(ENOSPC, "write: /dest")));
    EXPECT_CALL(t.m.fs, unlink("/dest")).WillOnce(Return(Result<void>{}));
    auto ctx = t.m.ctx();
    EXPECT_THAT(copy_file_to_file(ctx, "/src", "/dest", opts<FF>()),
                IsError(ENOSPC, "/dest: write: No space left on device"));
  }
}

TEST(CopyFileToFile, CloseErrors) {
  {
    FileToFile t("x");
    EXPECT_CALL(*t.src.mock, close()).WillOnce(Return(fail_errno(EIO, "close: /src")));
    EXPECT_CALL(t.m.fs, unlink("/dest")).WillOnce(Return(Result<void>{}));
    auto ctx = t.m.ctx();
    EXPECT_THAT(copy_file_to_file(ctx, "/src", "/dest", opts<FF>()),
                IsError(EIO, "close: /src: Input/output error"));
  }
  {
    FileToFile t("x");
    EXPECT_CALL(*t.dest.mock, close()).WillOnce(Return(fail_errno(EDQUOT, "close: /dest")));
    EXPECT_CALL(t.m.fs, unlink("/dest")).WillOnce(Return(Result<void>{}));
    auto ctx = t.m.ctx();
    EXPECT_THAT(copy_file_to_file(ctx, "/src", "/dest", opts<FF>()),
                IsError(EDQUOT, "close: /dest: Disk quota exceeded"));
  }
}

TEST(CopyDeviceToDevice, UsesTheDevicesAndRefusesAppend) {
  MockPorts m;
  MemFile src("disk"), dest(std::string(8, '.'));
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.devices, open("/dev/sdb", ports::OpenFor::WriteExisting))
      .WillOnce(Return(ByMove(dest.take())));
  auto ctx = m.ctx();
  EXPECT_THAT(copy_device_to_device(ctx, "/dev/sda", "/dev/sdb", opts<DD>({}, {}, {}, {}, true)),
              IsError(0, "the append flag cannot be set for this call"));
  EXPECT_TRUE(copy_device_to_device(ctx, "/dev/sda", "/dev/sdb", opts<DD>({}, 2, {}, {}, false)));
  EXPECT_EQ(dest.state->data, "..disk..");
}

TEST(CopyDeviceToDevice, SeekErrorsOfOffsetsAndSparseSkips) {
  MockPorts m;
  MemFile src1("data"), src2(std::string(8192, '\0')), dest2;
  EXPECT_CALL(*src1.mock, seek(1 << 30)).WillOnce(Return(fail_errno(EINVAL, "lseek: /dev/sda")));
  EXPECT_CALL(*dest2.mock, seek(8192)).WillOnce(Return(fail_errno(EINVAL, "lseek: /dev/sdb")));
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::Read))
      .WillOnce(Return(ByMove(src1.take())))
      .WillOnce(Return(ByMove(src2.take())));
  EXPECT_CALL(m.devices, open("/dev/sdb", ports::OpenFor::WriteExisting))
      .WillOnce(Return(ByMove(dest2.take())));
  EXPECT_CALL(m.fs, unlink(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(copy_device_to_device(ctx, "/dev/sda", "/dev/sdb", opts<DD>(1 << 30)),
              IsError(EINVAL, "lseek: /dev/sda: Invalid argument"));
  EXPECT_THAT(copy_device_to_device(ctx, "/dev/sda", "/dev/sdb", opts<DD>({}, {}, {}, true)),
              IsError(EINVAL, "/dev/sdb: seek (because of sparse flag): Invalid argument"));
  EXPECT_TRUE(dest2.state->closed);
}

TEST(CopyDeviceToDevice, DestinationOffsetSeekError) {
  MockPorts m;
  MemFile src("data"), dest;
  EXPECT_CALL(*dest.mock, seek(99)).WillOnce(Return(fail_errno(EINVAL, "lseek: /dev/sdb")));
  EXPECT_CALL(m.devices, open("/dev/sda", _)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.devices, open("/dev/sdb", _)).WillOnce(Return(ByMove(dest.take())));
  auto ctx = m.ctx();
  EXPECT_THAT(copy_device_to_device(ctx, "/dev/sda", "/dev/sdb", opts<DD>({}, 99)),
              IsError(EINVAL, "lseek: /dev/sdb: Invalid argument"));
  EXPECT_TRUE(src.state->closed);
}

TEST(CopyDeviceToDevice, SparseOnADeviceNeverTruncates) {
  MockPorts m;
  MemFile src(std::string(8192, '\0')), dest;
  EXPECT_CALL(m.devices, open("/dev/sda", _)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.devices, open("/dev/sdb", _)).WillOnce(Return(ByMove(dest.take())));
  EXPECT_CALL(m.fs, stat(_, _)).Times(0);
  EXPECT_CALL(m.fs, truncate(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_TRUE(copy_device_to_device(ctx, "/dev/sda", "/dev/sdb", opts<DD>({}, {}, {}, true)));
  EXPECT_THAT(dest.state->ops, ElementsAre("seek 8192"));
}

TEST(CopyDeviceToFile, DeviceIntoAGuestFileKeepsTheDestinationOnFailure) {
  MockPorts m;
  MemFile src("short"), dest;
  EXPECT_CALL(m.devices, open("/dev/sda1", ports::OpenFor::Read))
      .WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.fs, open("/out", ports::OpenFor::WriteAppend, 0666u))
      .WillOnce(Return(ByMove(dest.take())));
  EXPECT_CALL(m.fs, unlink(_)).Times(0);
  {
    InSequence s;
    EXPECT_CALL(m.progress, report(5, 100));
  }
  auto ctx = m.ctx();
  EXPECT_THAT(copy_device_to_file(ctx, "/dev/sda1", "/out", opts<DF>({}, {}, 100, {}, true)),
              IsError(0, "/dev/sda1: input too short"));
  EXPECT_EQ(dest.state->data, "short");
}

TEST(CopyDeviceToFile, DeviceOpenError) {
  MockPorts m;
  EXPECT_CALL(m.devices, open("/dev/sdz", _)).WillOnce(Return(ByMove(open_error(ENXIO, "/dev/sdz"))));
  auto ctx = m.ctx();
  EXPECT_THAT(copy_device_to_file(ctx, "/dev/sdz", "/out", opts<DF>()),
              IsError(ENXIO, "/dev/sdz: No such device or address"));
}

TEST(CopyFileToDevice, FileOntoADeviceRefusesAppend) {
  MockPorts m;
  MemFile src("boot"), dest(std::string(4, '\0'));
  EXPECT_CALL(m.fs, open("/img", ports::OpenFor::Read, _)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.devices, open("/dev/sda", ports::OpenFor::WriteExisting))
      .WillOnce(Return(ByMove(dest.take())));
  EXPECT_CALL(m.devices, open(_, ports::OpenFor::Read)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(copy_file_to_device(ctx, "/img", "/dev/sda", opts<FD>({}, {}, {}, {}, true)),
              IsError(0, "the append flag cannot be set for this call"));
  EXPECT_TRUE(copy_file_to_device(ctx, "/img", "/dev/sda", opts<FD>()));
  EXPECT_EQ(dest.state->data, "boot");
}

TEST(CopyFileToDevice, WritePastTheEndOfTheDevice) {
  MockPorts m;
  MemFile src("data"), dest;
  EXPECT_CALL(*dest.mock, write(_, _)).WillOnce(Return(fail_errno(ENOSPC, "write: /dev/sda")));
  EXPECT_CALL(m.fs, open("/img", _, _)).WillOnce(Return(ByMove(src.take())));
  EXPECT_CALL(m.devices, open("/dev/sda", _)).WillOnce(Return(ByMove(dest.take())));
  EXPECT_CALL(m.fs, unlink(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(copy_file_to_device(ctx, "/img", "/dev/sda", opts<FD>()),
              IsError(ENOSPC, "/dev/sda: write: No space left on device"));
}

}  // namespace
}  // namespace gfsd::domain::test
