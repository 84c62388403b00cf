// file_architecture: file(1) on the guest file, then the original's rules;
// initrds through cpio in a scratch directory; zstd beyond the original.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/filearch/filearch_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::Field;
using testing::InSequence;
using testing::Return;

auto StdinGuestFile(const std::string& path) {
  return Field(&ports::RunOptions::stdin_guest_file, path);
}

const char* const kElfX86_64 =
    "ELF 64-bit LSB executable, x86-64, version 1 (SYSV), dynamically linked, interpreter "
    "/lib64/ld-linux-x86-64.so.2, for GNU/Linux 2.6.18, not stripped\n";
const char* const kZstdUnread = "empty (Zstandard compressed data (v0.8+), Dictionary ID: None)\n";

const std::string kScratch = "/tmp/filearchQ1w2E3";
const std::string kExtract =
    "cd \"$1\" && shift && zcat | cpio --quiet -id --no-absolute-filenames -- \"$@\"";

Argv extract_argv(const std::string& script) {
  return {"sh", "-c", script, "sh", kScratch, "bin/ls", "bin/rm", "bin/modprobe",
          "sbin/modprobe", "bin/sh", "bin/bash", "bin/dash", "bin/nash"};
}

// A regular guest file that file(1) describes as `magic`.
void guest_file(MockPorts& m, const std::string& path, const std::string& magic) {
  EXPECT_CALL(m.fs, stat(path, false)).WillRepeatedly(Return(stat_of(kRegular)));
  EXPECT_CALL(m.runner, run(Argv{"file", "-zSb", path}, GuestArgs({{2, Last::AsIs}})))
      .WillOnce(Return(exited(0, magic)));
}

void scratch_dir_made_and_removed(MockPorts& m) {
  EXPECT_CALL(m.runner, run(Argv{"mktemp", "-d", "/tmp/filearchXXXXXX"}, _))
      .WillOnce(Return(exited(0, kScratch + "\n")));
  EXPECT_CALL(m.runner, run(Argv{"rm", "-rf", kScratch}, _)).WillOnce(Return(exited(0)));
}

TEST(FileArchitecture, BinaryFromItsFileDescription) {
  MockPorts m;
  guest_file(m, "/bin-x86_64-dynamic", kElfX86_64);
  guest_file(m, "/lib-win32.dll",
             "PE32 executable (DLL) (console) Intel 80386, for MS Windows, 14 sections\n");
  guest_file(m, "/bin-mipsel-dynamic",
             "ELF 32-bit LSB executable, MIPS, MIPS-II version 1 (SYSV), dynamically linked\n");
  auto ctx = m.ctx();
  EXPECT_THAT(file_architecture(ctx, "/bin-x86_64-dynamic"), HasValue(std::string("x86_64")));
  EXPECT_THAT(file_architecture(ctx, "/lib-win32.dll"), HasValue(std::string("i386")));
  EXPECT_THAT(file_architecture(ctx, "/bin-mipsel-dynamic"), HasValue(std::string("MIPS")));
}

TEST(FileArchitecture, NonBinariesAndMissingFilesAreTheOriginalsErrors) {
  MockPorts m;
  guest_file(m, "/test-grep.txt", "ASCII text\n");
  EXPECT_CALL(m.fs, stat("/directory", false)).WillOnce(Return(stat_of(kDirectory)));
  EXPECT_CALL(m.fs, stat("/abssymlink", false)).WillOnce(Return(stat_of(kSymlink)));
  EXPECT_CALL(m.fs, stat("/missing", false)).WillOnce(Return(fail_errno(ENOENT, "/missing")));
  auto ctx = m.ctx();
  EXPECT_THAT(file_architecture(ctx, "/test-grep.txt"),
              IsError(0, "unknown architecture: /test-grep.txt"));
  EXPECT_THAT(file_architecture(ctx, "/directory"),
              IsError(0, "unknown architecture: /directory"));
  EXPECT_THAT(file_architecture(ctx, "/abssymlink"),
              IsError(0, "unknown architecture: /abssymlink"));
  EXPECT_THAT(file_architecture(ctx, "/missing"),
              IsError(ENOENT, "lstat: /missing: No such file or directory"));
}

TEST(FileArchitecture, InitrdIsExtractedAndItsFirstBinaryLookedAt) {
  MockPorts m;
  InSequence seq;
  guest_file(m, "/initrd-x86_64.img.gz",
             "ASCII cpio archive (SVR4 with no CRC) (gzip compressed data, max compression, "
             "from Unix)\n");
  EXPECT_CALL(m.runner, run(Argv{"mktemp", "-d", "/tmp/filearchXXXXXX"}, _))
      .WillOnce(Return(exited(0, kScratch + "\n")));
  EXPECT_CALL(m.runner,
              run(extract_argv(kExtract), AllOf(StdinGuestFile("/initrd-x86_64.img.gz"),
                                                GuestArgs({}))))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, kind(kScratch + "/bin/ls")).WillOnce(Return(ports::DeviceKind::Missing));
  EXPECT_CALL(m.devices, kind(kScratch + "/bin/rm")).WillOnce(Return(ports::DeviceKind::Missing));
  EXPECT_CALL(m.devices, kind(kScratch + "/bin/modprobe"))
      .WillOnce(Return(ports::DeviceKind::Directory));
  for (const char* bin : {"/sbin/modprobe", "/bin/sh", "/bin/bash", "/bin/dash"})
    EXPECT_CALL(m.devices, kind(kScratch + bin)).WillOnce(Return(ports::DeviceKind::Missing));
  EXPECT_CALL(m.devices, kind(kScratch + "/bin/nash")).WillOnce(Return(ports::DeviceKind::Other));
  // An appliance file: no guest argument.
  EXPECT_CALL(m.runner, run(Argv{"file", "-zSb", kScratch + "/bin/nash"}, GuestArgs({})))
      .WillOnce(Return(exited(0, kElfX86_64)));
  EXPECT_CALL(m.runner, run(Argv{"rm", "-rf", kScratch}, _)).WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_THAT(file_architecture(ctx, "/initrd-x86_64.img.gz"), HasValue(std::string("x86_64")));
}

TEST(FileArchitecture, InitrdDecompressorFollowsTheDescription) {
  for (const auto& [magic, zcat] : std::vector<std::pair<std::string, std::string>>{
           {"ASCII cpio archive (SVR4 with no CRC)", "cat"},
           {"ASCII cpio archive (SVR4 with no CRC) (XZ compressed data, checksum CRC64)", "xzcat"},
           {"ASCII cpio archive (SVR4 with no CRC) (bzip2 compressed data, block size = 900k)",
            "bzcat"}}) {
    MockPorts m;
    guest_file(m, "/initrd", magic + "\n");
    scratch_dir_made_and_removed(m);
    EXPECT_CALL(m.runner, run(extract_argv("cd \"$1\" && shift && " + zcat +
                                           " | cpio --quiet -id --no-absolute-filenames -- \"$@\""),
                              StdinGuestFile("/initrd")))
        .WillOnce(Return(exited(0)));
    auto ctx = m.ctx();
    // Nothing extracted (the mock's kind() is Missing for every name).
    EXPECT_THAT(file_architecture(ctx, "/initrd"),
                IsError(0, "could not determine architecture of cpio archive: /initrd"));
  }
}

TEST(FileArchitecture, InitrdErrors) {
  MockPorts m;
  const std::string cpio_gz = "ASCII cpio archive (SVR4 with no CRC) (gzip compressed data)\n";
  guest_file(m, "/bad", cpio_gz);
  guest_file(m, "/text-inside", cpio_gz);
  EXPECT_CALL(m.runner, run(Argv{"mktemp", "-d", "/tmp/filearchXXXXXX"}, _))
      .WillRepeatedly(Return(exited(0, kScratch + "\n")));
  EXPECT_CALL(m.runner, run(Argv{"rm", "-rf", kScratch}, _)).Times(2).WillRepeatedly(
      Return(exited(0)));
  EXPECT_CALL(m.runner, run(extract_argv(kExtract), StdinGuestFile("/bad")))
      .WillOnce(Return(exited(2, "", "cpio: premature end of archive")));
  EXPECT_CALL(m.runner, run(extract_argv(kExtract), StdinGuestFile("/text-inside")))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, kind(kScratch + "/bin/ls")).WillOnce(Return(ports::DeviceKind::Other));
  EXPECT_CALL(m.runner, run(Argv{"file", "-zSb", kScratch + "/bin/ls"}, _))
      .WillOnce(Return(exited(0, "POSIX shell script, ASCII text executable\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(file_architecture(ctx, "/bad"), IsError(0, "cpio command failed"));
  // The first binary found decides, as in the original: its name is the one shown.
  EXPECT_THAT(file_architecture(ctx, "/text-inside"),
              IsError(0, "unknown architecture: " + kScratch + "/bin/ls"));
}

TEST(FileArchitecture, ZstdIsLookedAtUncompressed) {
  MockPorts m;
  guest_file(m, "/lib-i586.so.zst", kZstdUnread);
  EXPECT_CALL(m.runner, run(Argv{"sh", "-c", "zstdcat | file -zSb -"},
                            AllOf(StdinGuestFile("/lib-i586.so.zst"), GuestArgs({}))))
      .WillOnce(Return(exited(
          0, "ELF 32-bit LSB shared object, Intel 80386, version 1 (SYSV), dynamically linked, "
             "not stripped\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(file_architecture(ctx, "/lib-i586.so.zst"), HasValue(std::string("i386")));
}

TEST(FileArchitecture, ZstdInitrdIsExtractedWithZstdcat) {
  MockPorts m;
  guest_file(m, "/initrd.zst", kZstdUnread);
  EXPECT_CALL(m.runner,
              run(Argv{"sh", "-c", "zstdcat | file -zSb -"}, StdinGuestFile("/initrd.zst")))
      .WillOnce(Return(exited(0, "ASCII cpio archive (SVR4 with no CRC)\n")));
  scratch_dir_made_and_removed(m);
  EXPECT_CALL(m.runner,
              run(extract_argv("cd \"$1\" && shift && zstdcat | cpio --quiet -id "
                               "--no-absolute-filenames -- \"$@\""),
                  StdinGuestFile("/initrd.zst")))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, kind(kScratch + "/bin/ls")).WillOnce(Return(ports::DeviceKind::Other));
  EXPECT_CALL(m.runner, run(Argv{"file", "-zSb", kScratch + "/bin/ls"}, _))
      .WillOnce(
          Return(exited(0, "ELF 64-bit LSB shared object, ARM aarch64, version 1 (SYSV), x\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(file_architecture(ctx, "/initrd.zst"), HasValue(std::string("aarch64")));
}

TEST(FileArchitecture, ZstdThatDoesNotDecompressIsUnknown) {
  MockPorts m;
  guest_file(m, "/bad.zst", kZstdUnread);
  EXPECT_CALL(m.runner, run(Argv{"sh", "-c", "zstdcat | file -zSb -"}, _))
      .WillOnce(Return(exited(0, "empty\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(file_architecture(ctx, "/bad.zst"), IsError(0, "unknown architecture: /bad.zst"));
}

}  // namespace
}  // namespace gfsd::domain::test
