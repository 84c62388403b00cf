// file(1) descriptions -> architecture, with what file 5.44 (Debian 12)
// prints for libguestfs's test binaries (test-data/binaries) and for other
// common machines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/filearch/file_magic.hpp"
#include "unit/domain/files/files_test_util.hpp"

namespace gfsd::domain::filearch {
namespace {

using test::HasValue;
using test::IsError;

struct MagicCase {
  const char* magic;
  const char* arch;
};

TEST(FileMagic, RealFileOutputsNameTheirArchitecture) {
  const std::vector<MagicCase> cases = {
      {"ELF 64-bit LSB executable, ARM aarch64, version 1 (SYSV), dynamically linked, "
       "interpreter /lib/ld-linux-aarch64.so.1, for GNU/Linux 3.7.0, "
       "BuildID[sha1]=0e2d4525c75849197dcd04176671a397882117c4, stripped",
       "aarch64"},
      {"ELF 32-bit LSB executable, ARM, EABI5 version 1 (SYSV), dynamically linked, "
       "interpreter /lib/ld-linux-armhf.so.3, for GNU/Linux 2.6.32, not stripped",
       "arm"},
      {"ELF 32-bit LSB executable, Intel 80386, version 1 (SYSV), dynamically linked, "
       "interpreter /lib/ld-linux.so.2, for GNU/Linux 2.6.9, not stripped",
       "i386"},
      {"ELF 32-bit LSB shared object, Intel 80486, version 1 (SYSV)", "i386"},
      {"ELF 64-bit LSB executable, IA-64, version 1 (SYSV), dynamically linked", "ia64"},
      {"ELF 64-bit MSB executable, 64-bit PowerPC or cisco 7500, Power ELF V1 ABI, version 1 "
       "(SYSV), dynamically linked, interpreter /lib64/ld64.so.1, for GNU/Linux 2.6.32",
       "ppc64"},
      {"ELF 64-bit LSB executable, 64-bit PowerPC or cisco 7500, OpenPOWER ELF V2 ABI, "
       "version 1 (SYSV), dynamically linked, interpreter /lib64/ld64.so.2",
       "ppc64le"},
      {"ELF 32-bit MSB executable, PowerPC or cisco 4500, version 1 (SYSV), dynamically linked",
       "ppc"},
      {"ELF 64-bit LSB executable, UCB RISC-V, soft-float ABI, version 1 (SYSV), dynamically "
       "linked, interpreter /lib/ld.so.1, with debug_info, not stripped",
       "riscv64"},
      {"ELF 32-bit LSB executable, UCB RISC-V, RVC, double-float ABI, version 1 (SYSV)",
       "riscv32"},
      {"ELF 64-bit MSB executable, IBM S/390, version 1 (SYSV), dynamically linked, "
       "interpreter /lib/ld64.so.1, for GNU/Linux 3.2.0, not stripped",
       "s390x"},
      {"ELF 32-bit MSB executable, IBM S/390, version 1 (SYSV), statically linked", "s390"},
      {"ELF 32-bit MSB executable, SPARC32PLUS, V8+ Required, total store ordering, version 1 "
       "(SYSV), dynamically linked, interpreter /lib/ld-linux.so.2",
       "sparc"},
      {"ELF 64-bit MSB executable, SPARC V9, relaxed memory ordering, version 1 (SYSV)",
       "sparc64"},
      {"ELF 64-bit LSB executable, x86-64, version 1 (SYSV), dynamically linked, interpreter "
       "/lib64/ld-linux-x86-64.so.2, for GNU/Linux 2.6.18, not stripped",
       "x86_64"},
      {"ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, "
       "interpreter /lib64/ld-linux-x86-64.so.2, BuildID[sha1]=ab, for GNU/Linux 3.2.0, stripped",
       "x86_64"},
      {"ELF 64-bit LSB shared object, x86-64, version 1 (SYSV), dynamically linked, not stripped",
       "x86_64"},
      {"ELF 64-bit LSB relocatable, x86-64, version 1 (SYSV), "
       "BuildID[sha1]=5f2c, not stripped",
       "x86_64"},
      {"ELF 32-bit LSB shared object, ARM, EABI5 version 1 (SYSV), dynamically linked", "arm"},
      {"ELF 64-bit LSB shared object, ARM aarch64, version 1 (SYSV), dynamically linked",
       "aarch64"},
      // An ELF machine the original had no name for: file(1)'s own word.
      {"ELF 32-bit LSB executable, MIPS, MIPS-II version 1 (SYSV), dynamically linked", "MIPS"},
      {"PE32 executable (console) Intel 80386, for MS Windows, 14 sections", "i386"},
      {"PE32 executable (DLL) (console) Intel 80386, for MS Windows, 14 sections", "i386"},
      {"PE32+ executable (console) x86-64, for MS Windows, 16 sections", "x86_64"},
      {"PE32+ executable (DLL) (console) x86-64, for MS Windows, 18 sections", "x86_64"},
      // file -z on compressed binaries: the contents first, the container after.
      {"ELF 64-bit LSB executable, x86-64, version 1 (SYSV) (gzip compressed data, was "
       "\"bin-x86_64-dynamic\", last modified: Fri Dec 10 09:56:32 2021, from Unix)",
       "x86_64"},
      {"ELF 32-bit LSB shared object, Intel 80386, version 1 (SYSV) (XZ compressed data, "
       "checksum CRC64)",
       "i386"},
      {"ELF 32-bit LSB shared object, Intel 80386, version 1 (SYSV) (bzip2 compressed data, "
       "block size = 900k)",
       "i386"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(kind_of_magic(c.magic), MagicKind::Binary) << c.magic;
    EXPECT_THAT(binary_architecture(c.magic), HasValue(std::string(c.arch))) << c.magic;
  }
}

TEST(FileMagic, S390OfAnotherSizeIsTheOriginalsError) {
  EXPECT_THAT(binary_architecture("ELF 128-bit MSB executable, IBM S/390, version 1 (SYSV)"),
              IsError(0, "unknown S/390 bit size: 128"));
}

TEST(FileMagic, ElfWithoutAFileTypeOrMachineFieldIsNoBinary) {
  // "core file" is no executable, shared object or relocatable.
  EXPECT_EQ(kind_of_magic("ELF 64-bit LSB core file, x86-64, version 1 (SYSV), SVR4-style"),
            MagicKind::Other);
  // No comma after the machine: the original's pattern does not match.
  EXPECT_EQ(kind_of_magic("ELF 64-bit LSB executable, x86-64"), MagicKind::Other);
}

TEST(FileMagic, CpioArchivesAndTheirDecompressor) {
  const std::string plain = "ASCII cpio archive (SVR4 with no CRC)";
  const std::string gz = "ASCII cpio archive (SVR4 with no CRC) (gzip compressed data, max "
                         "compression, from Unix)";
  const std::string bz = "ASCII cpio archive (SVR4 with no CRC) (bzip2 compressed data, block "
                         "size = 900k)";
  const std::string xz = "ASCII cpio archive (SVR4 with no CRC) (XZ compressed data, checksum "
                         "CRC64)";
  const std::string zst = "ASCII cpio archive (SVR4 with no CRC) (empty (Zstandard compressed "
                          "data (v0.8+), Dictionary ID: None))";
  for (const auto& m : {plain, gz, bz, xz, zst}) EXPECT_EQ(kind_of_magic(m), MagicKind::Cpio) << m;
  EXPECT_EQ(cpio_decompressor(plain), "cat");
  EXPECT_EQ(cpio_decompressor(gz), "zcat");
  EXPECT_EQ(cpio_decompressor(bz), "bzcat");
  EXPECT_EQ(cpio_decompressor(xz), "xzcat");
  EXPECT_EQ(cpio_decompressor(zst), "zstdcat");
}

TEST(FileMagic, OtherDescriptions) {
  for (const char* m : {"ASCII text", "directory", "symbolic link", "empty", "data",
                        "gzip compressed data, was \"x\", from Unix"})
    EXPECT_EQ(kind_of_magic(m), MagicKind::Other) << m;
}

TEST(FileMagic, ZstdThatFileCouldNotReadInto) {
  EXPECT_TRUE(is_unread_zstd("empty (Zstandard compressed data (v0.8+), Dictionary ID: None)"));
  EXPECT_TRUE(is_unread_zstd("Zstandard compressed data (v0.8+), Dictionary ID: None"));
  // A file(1) that can read zstd already names the contents.
  EXPECT_FALSE(is_unread_zstd("ELF 32-bit LSB shared object, Intel 80386, version 1 (SYSV) "
                              "(Zstandard compressed data (v0.8+), Dictionary ID: None)"));
  EXPECT_FALSE(is_unread_zstd("XZ compressed data, checksum CRC64"));
}

}  // namespace
}  // namespace gfsd::domain::filearch
