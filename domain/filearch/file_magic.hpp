// Reading file(1)'s description of a file ("magic") as the original's
// file_architecture did: which architecture an ELF or PE binary is for, and
// how a cpio archive is compressed.
#pragma once

#include <string>

#include "ports/result.hpp"

namespace gfsd::domain::filearch {

enum class MagicKind {
  Binary,  // an ELF file (executable, shared object, relocatable) or a PE32/PE32+ executable
  Cpio,    // a cpio archive (an initrd), compressed or not
  Other,
};

MagicKind kind_of_magic(const std::string& magic);

// The architecture of a Binary: "x86_64", "i386", "aarch64", "ppc64le", ...;
// an ELF machine the original had no name for is returned as file(1) words
// it ("MIPS"). Fails only for an S/390 binary of another size than 32 or 64 bits.
Result<std::string> binary_architecture(const std::string& magic);

// The program that writes a Cpio's archive uncompressed to its stdout:
// zcat, bzcat, xzcat, zstdcat, or cat.
std::string cpio_decompressor(const std::string& magic);

// file -z names a Zstandard file without having looked inside it (file 5.44
// cannot: it says "empty (Zstandard compressed data ...)"), and the
// description names nothing else that the architecture could come from.
bool is_unread_zstd(const std::string& magic);

}  // namespace gfsd::domain::filearch
