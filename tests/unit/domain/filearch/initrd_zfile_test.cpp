// initrd_list, initrd_cat and zfile: the pipelines run on the guest file as
// stdin, a file that cannot be opened read as empty, and the original's texts.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/filearch/filearch_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockFile;
using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::Field;
using testing::InSequence;
using testing::Return;

using Lines = std::vector<std::string>;

auto StdinGuestFile(const std::string& path) {
  return AllOf(Field(&ports::RunOptions::stdin_guest_file, path), GuestArgs({}));
}
auto NoStdin() {
  return AllOf(Field(&ports::RunOptions::stdin_guest_file, ""),
               Field(&ports::RunOptions::stdin_file, ""));
}

const Argv kList{"sh", "-c", "zcat | cpio --quiet -it"};
const std::string kScratch = "/tmp/initrd-cat-Zx9Yw8";

Argv cat_argv(const std::string& name) {
  return {"sh", "-c",
          "cd \"$1\" && zcat | cpio --quiet -id --no-absolute-filenames -- \"$2\"", "sh",
          kScratch, name};
}

// An open appliance file that reads `data`, then EOF, then closes.
std::unique_ptr<ports::File> file_reading(const std::string& data) {
  auto f = std::make_unique<testing::NiceMock<MockFile>>();
  auto pos = std::make_shared<size_t>(0);
  ON_CALL(*f, read(_, _)).WillByDefault([data, pos](char* buf, size_t n) -> Result<size_t> {
    const size_t k = std::min(n, data.size() - *pos);
    std::copy(data.data() + *pos, data.data() + *pos + k, buf);
    *pos += k;
    return k;
  });
  ON_CALL(*f, close()).WillByDefault(Return(Result<void>{}));
  return f;
}

// Names in the scratch directory resolve to themselves (no symlinks there).
void names_resolve_as_they_are(MockPorts& m) {
  ON_CALL(m.devices, realpath(_)).WillByDefault([](const std::string& p) {
    return Result<std::string>(p);
  });
}

void scratch_dir(MockPorts& m) {
  EXPECT_CALL(m.runner, run(Argv{"mktemp", "-d", "/tmp/initrd-cat-XXXXXX"}, _))
      .WillOnce(Return(exited(0, kScratch + "\n")));
  EXPECT_CALL(m.runner, run(Argv{"rm", "-rf", kScratch}, _)).WillOnce(Return(exited(0)));
  names_resolve_as_they_are(m);
}

TEST(InitrdList, NamesInArchiveOrder) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kList, StdinGuestFile("/initrd")))
      .WillOnce(Return(exited(0, "empty\nknown-1\nknown-2\nbin\nbin/nash\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(initrd_list(ctx, "/initrd"),
              HasValue(Lines{"empty", "known-1", "known-2", "bin", "bin/nash"}));
}

TEST(InitrdList, NotAGzipCpioIsTheExitStatus) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kList, StdinGuestFile("/initrd-x86_64.img")))
      .WillOnce(Return(exited(2, "", "gzip: stdin: not in gzip format\ncpio: premature end")));
  auto ctx = m.ctx();
  EXPECT_THAT(initrd_list(ctx, "/initrd-x86_64.img"),
              IsError(0, "pclose: command failed with return code 2"));
}

TEST(InitrdList, FileThatCannotBeOpenedIsReadAsEmpty) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(kList, StdinGuestFile("/nodir/x")))
      .WillOnce(Return(fail_errno(ENOENT, "/nodir/x")));
  EXPECT_CALL(m.runner, run(kList, NoStdin()))
      .WillOnce(Return(exited(2, "", "cpio: premature end of archive")));
  auto ctx = m.ctx();
  EXPECT_THAT(initrd_list(ctx, "/nodir/x"),
              IsError(0, "pclose: command failed with return code 2"));
}

TEST(InitrdList, ShellThatCannotRunIsTheRunnersError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kList, _)).Times(2).WillRepeatedly(Return(fail_errno(ENOENT, "sh")));
  auto ctx = m.ctx();
  EXPECT_THAT(initrd_list(ctx, "/initrd"), IsError(ENOENT, "sh: No such file or directory"));
}

TEST(InitrdCat, ExtractsOneFileIntoAScratchDirAndReadsIt) {
  MockPorts m;
  scratch_dir(m);
  EXPECT_CALL(m.runner, run(cat_argv("known-4"), StdinGuestFile("/initrd")))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, open(kScratch + "/known-4", ports::OpenFor::Read))
      .WillOnce(Return(testing::ByMove(Result<std::unique_ptr<ports::File>>(
          file_reading("abc\ndef\nghi")))));
  auto ctx = m.ctx();
  EXPECT_THAT(initrd_cat(ctx, "/initrd", "known-4"), HasValue(std::string("abc\ndef\nghi")));
}

TEST(InitrdCat, NameNotInTheArchive) {
  MockPorts m;
  scratch_dir(m);
  EXPECT_CALL(m.runner, run(cat_argv("nothere"), _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, open(kScratch + "/nothere", ports::OpenFor::Read))
      .WillOnce(Return(testing::ByMove(Result<std::unique_ptr<ports::File>>(
          fail_errno(ENOENT, kScratch + "/nothere")))));
  auto ctx = m.ctx();
  EXPECT_THAT(initrd_cat(ctx, "/initrd", "nothere"),
              IsError(ENOENT, "open: /initrd:nothere: No such file or directory"));
}

TEST(InitrdCat, NameLeadingOutOfTheScratchDirNamesNothing) {
  MockPorts m;
  scratch_dir(m);
  EXPECT_CALL(m.runner, run(cat_argv("a/../../etc/passwd"), _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, open(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(initrd_cat(ctx, "/initrd", "a/../../etc/passwd"),
              IsError(ENOENT, "open: /initrd:a/../../etc/passwd: No such file or directory"));
}

// Beyond the original, which followed the link and returned the appliance's file.
TEST(InitrdCat, SymlinkLeadingOutOfTheScratchDirNamesNothing) {
  MockPorts m;
  scratch_dir(m);
  EXPECT_CALL(m.runner, run(cat_argv("etc/shadow"), _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, realpath(kScratch + "/etc/shadow"))
      .WillOnce(Return(Result<std::string>("/etc/shadow")));
  EXPECT_CALL(m.devices, realpath(kScratch)).WillRepeatedly(Return(Result<std::string>(kScratch)));
  EXPECT_CALL(m.devices, open(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(initrd_cat(ctx, "/initrd", "etc/shadow"),
              IsError(ENOENT, "open: /initrd:etc/shadow: No such file or directory"));
}

TEST(InitrdCat, PipelineFailureIsTheOriginalsText) {
  MockPorts m;
  scratch_dir(m);
  EXPECT_CALL(m.runner, run(cat_argv("known-4"), StdinGuestFile("/missing")))
      .WillOnce(Return(fail_errno(ENOENT, "/missing")));
  EXPECT_CALL(m.runner, run(cat_argv("known-4"), NoStdin())).WillOnce(Return(exited(2)));
  auto ctx = m.ctx();
  EXPECT_THAT(initrd_cat(ctx, "/missing", "known-4"),
              IsError(0, "command failed with return code 2: Success"));
}

TEST(InitrdCat, DirectoryAndTooLargeFiles) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mktemp", "-d", "/tmp/initrd-cat-XXXXXX"}, _))
      .WillRepeatedly(Return(exited(0, kScratch + "\n")));
  EXPECT_CALL(m.runner, run(Argv{"rm", "-rf", kScratch}, _)).Times(2).WillRepeatedly(
      Return(exited(0)));
  names_resolve_as_they_are(m);
  EXPECT_CALL(m.runner, run(cat_argv("d"), _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(cat_argv("big"), _)).WillOnce(Return(exited(0)));
  auto dir = std::make_unique<testing::NiceMock<MockFile>>();
  ON_CALL(*dir, read(_, _)).WillByDefault(Return(fail_errno(EISDIR, "read")));
  EXPECT_CALL(m.devices, open(kScratch + "/d", _))
      .WillOnce(Return(testing::ByMove(Result<std::unique_ptr<ports::File>>(std::move(dir)))));
  EXPECT_CALL(m.devices, open(kScratch + "/big", _))
      .WillOnce(Return(testing::ByMove(Result<std::unique_ptr<ports::File>>(
          file_reading(std::string(4 * 1024 * 1024, 'x'))))));
  auto ctx = m.ctx();
  EXPECT_THAT(initrd_cat(ctx, "/initrd", "d"), IsError(EISDIR, "read: /initrd:d: Is a directory"));
  EXPECT_THAT(initrd_cat(ctx, "/initrd", "big"),
              IsError(0, "/initrd:big: file is too large for the protocol"));
}

TEST(InitrdCat, LargestFileThatFits) {
  MockPorts m;
  scratch_dir(m);
  EXPECT_CALL(m.runner, run(cat_argv("f"), _)).WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, open(kScratch + "/f", _))
      .WillOnce(Return(testing::ByMove(Result<std::unique_ptr<ports::File>>(
          file_reading(std::string(4 * 1024 * 1024 - 1, 'y'))))));
  auto ctx = m.ctx();
  auto r = initrd_cat(ctx, "/initrd", "f");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->size(), 4u * 1024 * 1024 - 1);
}

TEST(Zfile, MethodPicksTheDecompressor) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"sh", "-c", "zcat | file -bsL -"}, StdinGuestFile("/a.gz")))
      .Times(2)
      .WillRepeatedly(Return(exited(0, "ASCII text\n")));
  EXPECT_CALL(m.runner, run(Argv{"sh", "-c", "bzcat | file -bsL -"}, StdinGuestFile("/a.bz2")))
      .WillOnce(Return(exited(0, "POSIX tar archive (GNU)\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(zfile(ctx, "gzip", "/a.gz"), HasValue(std::string("ASCII text")));
  EXPECT_THAT(zfile(ctx, "compress", "/a.gz"), HasValue(std::string("ASCII text")));
  EXPECT_THAT(zfile(ctx, "bzip2", "/a.bz2"), HasValue(std::string("POSIX tar archive (GNU)")));
}

TEST(Zfile, UnknownMethodRunsNothing) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(zfile(ctx, "xz", "/a"), IsError(0, "unknown method"));
}

TEST(Zfile, UnreadableFileIsEmptyAndOnlyTheFirstLineCounts) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, StdinGuestFile("/nodir/x")))
      .WillOnce(Return(fail_errno(ENOENT, "/nodir/x")));
  EXPECT_CALL(m.runner, run(_, NoStdin())).WillOnce(Return(exited(0, "empty\n")));
  EXPECT_CALL(m.runner, run(_, StdinGuestFile("/two"))).WillOnce(Return(exited(1, "one\ntwo\n")));
  EXPECT_CALL(m.runner, run(_, StdinGuestFile("/long")))
      .WillOnce(Return(exited(0, std::string(300, 'a') + "\n")));
  EXPECT_CALL(m.runner, run(_, StdinGuestFile("/none"))).WillOnce(Return(exited(0, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(zfile(ctx, "gzip", "/nodir/x"), HasValue(std::string("empty")));
  EXPECT_THAT(zfile(ctx, "gzip", "/two"), HasValue(std::string("one")));
  EXPECT_THAT(zfile(ctx, "gzip", "/long"), HasValue(std::string(255, 'a')));
  EXPECT_THAT(zfile(ctx, "gzip", "/none"), IsError(0, "fgets: Success"));
}

}  // namespace
}  // namespace gfsd::domain::test
