// head/tail, wc, checksum, cp/mv/du, file, hexdump/strings, glob_expand,
// fill*, fallocate: the tools run, their stdin, outputs and error texts.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/files/content_actions.hpp"
#include "support/data_file.hpp"
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

// The bytes 0..n-1 of (i * 31 + 7) mod 251: expected sums from coreutils 9.1.
std::string pattern(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 31 + 7) % 251);
  return s;
}

// `path` opens as a file holding data, read in pieces of `piece` bytes.
void serve_file(MockPorts& m, const std::string& path, std::string data, size_t piece = SIZE_MAX) {
  EXPECT_CALL(m.fs, open(path, ports::OpenFor::Read, _))
      .WillRepeatedly([data, piece](auto&&...) -> Result<std::unique_ptr<ports::File>> {
        return std::unique_ptr<ports::File>(std::make_unique<mocks::DataFile>(data, piece));
      });
}

// What md5sum, sha*sum and cksum print first, computed in the daemon: no process.
TEST(Checksum, EveryTypeAsTheCoreutilsToolsPrintIt) {
  MockPorts m;
  serve_file(m, "/abc", "abc");
  serve_file(m, "/empty", "");
  auto ctx = m.ctx();
  EXPECT_THAT(checksum(ctx, "crc", "/abc"), HasValue(std::string("1219131554")));
  EXPECT_THAT(checksum(ctx, "CRC", "/empty"), HasValue(std::string("4294967295")));
  EXPECT_THAT(checksum(ctx, "md5", "/abc"), HasValue(std::string("900150983cd24fb0d6963f7d28e17f72")));
  EXPECT_THAT(checksum(ctx, "sha1", "/abc"),
              HasValue(std::string("a9993e364706816aba3e25717850c26c9cd0d89d")));
  EXPECT_THAT(checksum(ctx, "Sha224", "/abc"),
              HasValue(std::string("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")));
  EXPECT_THAT(checksum(ctx, "SHA256", "/abc"),
              HasValue(std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")));
  EXPECT_THAT(checksum(ctx, "sha384", "/abc"),
              HasValue(std::string("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                                   "8086072ba1e7cc2358baeca134c825a7")));
  EXPECT_THAT(checksum(ctx, "sha512", "/abc"),
              HasValue(std::string("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                                   "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")));
  EXPECT_THAT(checksum(ctx, "md4", "/abc"),
              IsError(0, "unknown checksum type, expecting crc|md5|sha1|sha224|sha256|sha384|sha512"));
  EXPECT_THAT(checksum(ctx, "", "/abc"),
              IsError(0, "unknown checksum type, expecting crc|md5|sha1|sha224|sha256|sha384|sha512"));
}

// More than one read block, arriving in odd pieces: the CRC's eight-byte steps
// and the length folded in, and the digests, see every byte once.
TEST(Checksum, LargeFilesReadInPieces) {
  MockPorts m;
  serve_file(m, "/big", pattern(1048589), 4093);
  serve_file(m, "/nine", "123456789", 3);
  auto ctx = m.ctx();
  EXPECT_THAT(checksum(ctx, "crc", "/big"), HasValue(std::string("1717864793")));
  EXPECT_THAT(checksum(ctx, "crc", "/nine"), HasValue(std::string("930766865")));
  EXPECT_THAT(checksum(ctx, "md5", "/big"), HasValue(std::string("a48f1eff8a34c1ac86691979a93c219f")));
  EXPECT_THAT(checksum(ctx, "sha1", "/big"),
              HasValue(std::string("576d396189885e5b8993a0b68e14b8090f358c95")));
  EXPECT_THAT(checksum(ctx, "sha256", "/big"),
              HasValue(std::string("59facc7129eb285381699c869e4d33112119bcdb753081c7ae5103cc01d29d77")));
  EXPECT_THAT(checksum(ctx, "sha512", "/big"),
              HasValue(std::string("326209ee0b28cc853c69d99e79cfae69978fabd6b2cf79792cdac7f46d799967"
                                   "729d32891b1de5ae7a265abdd9c1234b813a65637da4a012b0000cdeccef2b57")));
}

// A directory opens but cannot be read: the original passed on the tool's
// complaint, or cksum's CRC of nothing.
TEST(Checksum, ReadErrorIsTheToolsComplaint) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/dir", ports::OpenFor::Read, _))
      .Times(2)
      .WillRepeatedly([](auto&&...) -> Result<std::unique_ptr<ports::File>> {
        return std::unique_ptr<ports::File>(std::make_unique<mocks::DataFile>("", SIZE_MAX, EISDIR));
      });
  auto ctx = m.ctx();
  EXPECT_THAT(checksum(ctx, "sha256", "/dir"),
              IsError(0, "sha256sum: sha256sum: -: Is a directory"));
  // cksum took the error for the end of its input.
  EXPECT_THAT(checksum(ctx, "crc", "/dir"), HasValue(std::string("4294967295")));
}

TEST(ChecksumDevice, ReadsTheDeviceItself) {
  MockPorts m;
  EXPECT_CALL(m.devices, open("/dev/sda1", ports::OpenFor::Read))
      .WillOnce([](auto&&...) -> Result<std::unique_ptr<ports::File>> {
        return std::unique_ptr<ports::File>(std::make_unique<mocks::DataFile>("abc", 2));
      });
  EXPECT_CALL(m.devices, open("/dev/sdz", ports::OpenFor::Read))
      .WillOnce(Return(fail_errno(ENXIO, "open: /dev/sdz")));
  auto ctx = m.ctx();
  EXPECT_THAT(checksum_device(ctx, "crc", "/dev/sda1"), HasValue(std::string("1219131554")));
  EXPECT_THAT(checksum_device(ctx, "crc", "/dev/sdz"),
              IsError(ENXIO, "/dev/sdz: No such device or address"));
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
