// head/tail, wc, checksum, cp/mv/du, file, hexdump/strings, glob_expand,
// fill*, fallocate: the tools run, their stdin, outputs and error texts.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/files/content_actions.hpp"
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

auto StdinGuestFile(const std::string& path) {
  return Field(&ports::RunOptions::stdin_guest_file, path);
}

TEST(HeadTail, ToolReadsTheGuestFileAsStdin) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"head", "-n", "10"}, StdinGuestFile("/f")))
      .WillOnce(Return(exited(0, "a\nb\n")));
  EXPECT_CALL(m.runner, run(Argv{"tail", "-n", "+3"}, StdinGuestFile("/f")))
      .WillOnce(Return(exited(0, "c\nno newline")));
  EXPECT_CALL(m.runner, run(Argv{"head", "-n", "-2"}, StdinGuestFile("/f")))
      .WillOnce(Return(exited(0, std::string("x\0y\nz\n", 6))));
  auto ctx = m.ctx();
  EXPECT_THAT(head(ctx, "/f"), HasValue(Argv{"a", "b"}));
  EXPECT_THAT(tail_n(ctx, -3, "/f"), HasValue(Argv{"c", "no newline"}));
  EXPECT_THAT(head_n(ctx, -2, "/f"), HasValue(Argv{"x"}));
}

TEST(HeadTail, Errors) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"tail", "-n", "10"}, _))
      .WillOnce(Return(fail_errno(ENOENT, "/gone")))
      .WillOnce(Return(exited(1, "", "tail: error reading 'standard input': Is a directory")));
  auto ctx = m.ctx();
  EXPECT_THAT(tail(ctx, "/gone"), IsError(ENOENT, "/gone: No such file or directory"));
  EXPECT_THAT(tail(ctx, "/d"),
              IsError(0, "tail -n 10: tail: error reading 'standard input': Is a directory"));
}

TEST(Wc, ParsesTheCountAndWordsErrors) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"wc", "-l"}, StdinGuestFile("/f")))
      .WillOnce(Return(exited(0, "42\n")))
      .WillOnce(Return(fail_errno(ENOENT, "/f")))
      .WillOnce(Return(exited(0, "x\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(wc_l(ctx, "/f"), HasValue(42));
  EXPECT_THAT(wc_l(ctx, "/f"), IsError(ENOENT, "wc -l: /f: No such file or directory"));
  EXPECT_THAT(wc_l(ctx, "/f"), IsError(0, "cannot parse number: x\n"));
}

TEST(Checksum, FirstWordOfTheToolsOutput) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::Read, _))
      .WillRepeatedly([](auto&&...) -> Result<std::unique_ptr<ports::File>> {
        return std::unique_ptr<ports::File>(std::make_unique<testing::NiceMock<MockFile>>());
      });
  EXPECT_CALL(m.runner, run(Argv{"sha256sum"}, StdinGuestFile("/f")))
      .WillOnce(Return(exited(0, "abc123  -\n")));
  EXPECT_CALL(m.runner, run(Argv{"cksum"}, StdinGuestFile("/f")))
      .WillOnce(Return(exited(0, "4294967295 0\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(checksum(ctx, "SHA256", "/f"), HasValue(std::string("abc123")));
  EXPECT_THAT(checksum(ctx, "crc", "/f"), HasValue(std::string("4294967295")));
  EXPECT_THAT(checksum(ctx, "md4", "/f"),
              IsError(0, "unknown checksum type, expecting crc|md5|sha1|sha224|sha256|sha384|sha512"));
}

TEST(Checksum, OpenErrorComesFirst) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/gone", ports::OpenFor::Read, _))
      .WillOnce(Return(fail_errno(ENOENT, "/gone")));
  auto ctx = m.ctx();
  EXPECT_THAT(checksum(ctx, "bogus", "/gone"), IsError(ENOENT, "/gone: No such file or directory"));
}

// The paths go to the runner as guest paths, resolved by it inside the sysroot:
// a symlink at the source is followed only by plain cp; cp writes through one
// at the destination, mv follows one there only into a directory.
TEST(CopyMove, GuestPathsAndStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"cp", "/a", "/b"}, GuestArgs({{1, Last::Follow}, {2, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner,
              run(Argv{"cp", "-a", "/a", "/b"}, GuestArgs({{2, Last::AsIs}, {3, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner,
              run(Argv{"cp", "-rP", "/a", "/b"}, GuestArgs({{2, Last::AsIs}, {3, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  // /y is no directory inside the guest: mv -T renames over the name itself.
  EXPECT_CALL(m.fs, stat("/y", true)).WillRepeatedly(Return(fail_errno(ENOENT, "/y")));
  EXPECT_CALL(m.runner,
              run(Argv{"mv", "-T", "/x", "/y"}, GuestArgs({{2, Last::AsIs}, {3, Last::AsIs}})))
      .WillOnce(Return(exited(1, "", "mv: cannot stat '/sysroot/x': No such file or directory")))
      .WillOnce(Return(fail_with(ENOENT, "mv: cannot access '/x/y': No such file or directory")));
  auto ctx = m.ctx();
  EXPECT_TRUE(cp(ctx, "/a", "/b"));
  EXPECT_TRUE(cp_a(ctx, "/a", "/b"));
  EXPECT_TRUE(cp_r(ctx, "/a", "/b"));
  EXPECT_THAT(mv(ctx, "/x", "/y"),
              IsError(0, "mv: cannot stat '/sysroot/x': No such file or directory"));
  // The runner could not resolve a path: its message, as the tool's would be.
  EXPECT_THAT(mv(ctx, "/x", "/y"),
              IsError(0, "mv: cannot access '/x/y': No such file or directory"));
}

// A directory inside the guest: mv moves into it, followed there by the runner.
TEST(CopyMove, MvIntoADirectoryInsideTheGuest) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/d", true)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.runner, run(Argv{"mv", "/x", "/d"}, GuestArgs({{1, Last::AsIs}, {2, Last::Follow}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(mv(ctx, "/x", "/d"));
}

TEST(Du, KilobytesFromTheFirstNumber) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"du", "-s", "/d"}, GuestArgs({{2, Last::AsIs}})))
      .WillOnce(Return(exited(0, "2056\t/sysroot/d\n")))
      .WillOnce(Return(exited(1, "", "du: cannot access")));
  auto ctx = m.ctx();
  EXPECT_THAT(du(ctx, "/d"), HasValue(int64_t{2056}));
  EXPECT_THAT(du(ctx, "/d"), IsError(0, "/d: du: cannot access"));
}

TEST(File, NonRegularByNameRegularByFile) {
  MockPorts m;
  EXPECT_CALL(m.fs, stat("/d", false)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, stat("/l", false)).WillOnce(Return(stat_of(kSymlink)));
  EXPECT_CALL(m.fs, stat("/f", false)).WillOnce(Return(stat_of(kRegular)));
  EXPECT_CALL(m.fs, stat("/gone", false)).WillOnce(Return(fail_errno(ENOENT, "/gone")));
  EXPECT_CALL(m.runner, run(Argv{"file", "-zSb", "/f"}, GuestArgs({{2, Last::AsIs}})))
      .WillOnce(Return(exited(0, "ASCII text \n")));
  EXPECT_CALL(m.runner, run(Argv{"file", "-zSbsL", "/dev/sda"}, GuestArgs({})))
      .WillOnce(Return(exited(0, "DOS/MBR boot sector\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(file(ctx, {false, "/d"}), HasValue(std::string("directory")));
  EXPECT_THAT(file(ctx, {false, "/l"}), HasValue(std::string("symbolic link")));
  EXPECT_THAT(file(ctx, {false, "/f"}), HasValue(std::string("ASCII text")));
  EXPECT_THAT(file(ctx, {true, "/dev/sda"}), HasValue(std::string("DOS/MBR boot sector")));
  EXPECT_THAT(file(ctx, {false, "/gone"}), IsError(ENOENT, "lstat: /gone: No such file or directory"));
}

TEST(Strings, EncodingCheckedThenToolOnStdin) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"strings", "-a", "-e", "s"}, StdinGuestFile("/bin/x")))
      .WillOnce(Return(exited(0, "hello\nworld\n")));
  EXPECT_CALL(m.runner, run(Argv{"hexdump", "-C"}, StdinGuestFile("/e")))
      .WillOnce(Return(exited(1, "", "hexdump: bad")));
  auto ctx = m.ctx();
  EXPECT_THAT(strings(ctx, "/bin/x"), HasValue(Argv{"hello", "world"}));
  EXPECT_THAT(strings_e(ctx, "x", "/bin/x"), IsError(0, "x: invalid encoding"));
  EXPECT_THAT(strings_e(ctx, "ss", "/bin/x"), IsError(0, "ss: invalid encoding"));
  EXPECT_THAT(hexdump(ctx, "/e"), IsError(0, "/e: hexdump: bad"));
}

TEST(GlobExpand, DirectorySlashByDefault) {
  MockPorts m;
  EXPECT_CALL(m.fs, glob("/a*", true)).WillOnce(Return(Argv{"/a/", "/ab"}));
  EXPECT_CALL(m.fs, glob("/a*", false)).WillOnce(Return(Argv{"/a", "/ab"}));
  auto ctx = m.ctx();
  EXPECT_THAT(glob_expand(ctx, "/a*", {}), HasValue(Argv{"/a/", "/ab"}));
  api::opt::glob_expand no_slash;
  no_slash.directoryslash = false;
  EXPECT_THAT(glob_expand(ctx, "/a*", no_slash), HasValue(Argv{"/a", "/ab"}));
}

// A file whose writes are recorded.
struct RecordingFile : ports::File {
  std::string* written;
  explicit RecordingFile(std::string* w) : written(w) {}
  Result<size_t> read(char*, size_t) override { return size_t{0}; }
  Result<void> write(const char* buf, size_t n) override {
    written->append(buf, n);
    return {};
  }
  Result<void> seek(int64_t) override { return {}; }
  Result<void> close() override { return {}; }
};

TEST(Fill, ExistingFilesAreOverwrittenNotTruncated) {
  MockPorts m;
  std::string written;
  EXPECT_CALL(m.fs, stat("/f", true)).WillOnce(Return(stat_of(kRegular, 100)));
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::WriteExisting, 0666u))
      .WillOnce([&](auto&&...) -> Result<std::unique_ptr<ports::File>> {
        return std::unique_ptr<ports::File>(std::make_unique<RecordingFile>(&written));
      });
  auto ctx = m.ctx();
  EXPECT_TRUE(fill(ctx, 'x', 10000, "/f"));
  EXPECT_EQ(written, std::string(10000, 'x'));
  EXPECT_THAT(fill(ctx, 256, 1, "/f"), IsError(0, "256: byte number must be in range 0..255"));
  EXPECT_THAT(fill(ctx, 0, -1, "/f"), IsError(0, "-1: length is < 0"));
}

TEST(FillPattern, RepeatsAndCutsThePattern) {
  MockPorts m;
  std::string written;
  EXPECT_CALL(m.fs, stat("/new", true)).WillOnce(Return(fail_errno(ENOENT, "/new")));
  EXPECT_CALL(m.fs, open("/new", ports::OpenFor::WriteTruncate, 0666u))
      .WillOnce([&](auto&&...) -> Result<std::unique_ptr<ports::File>> {
        return std::unique_ptr<ports::File>(std::make_unique<RecordingFile>(&written));
      });
  auto ctx = m.ctx();
  EXPECT_TRUE(fill_pattern(ctx, "abc", 8, "/new"));
  EXPECT_EQ(written, "abcabcab");
  EXPECT_THAT(fill_pattern(ctx, "", 8, "/new"), IsError(0, "pattern string must be non-empty"));
}

TEST(Fallocate, OpenErrorAndNegativeLength) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/ro", ports::OpenFor::WriteTruncate, 0666u))
      .WillOnce(Return(fail_errno(EROFS, "/ro")));
  auto ctx = m.ctx();
  EXPECT_THAT(fallocate64(ctx, "/ro", 10), IsError(EROFS, "open: /ro: Read-only file system"));
  EXPECT_THAT(fallocate(ctx, "/ro", -1), IsError(0, "length < 0"));
}

}  // namespace
}  // namespace gfsd::domain::test
