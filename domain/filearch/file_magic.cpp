#include "domain/filearch/file_magic.hpp"

#include <regex>

namespace gfsd::domain::filearch {

namespace {

bool has(const std::string& text, const char* part) {
  return text.find(part) != std::string::npos;
}

// "ELF 64-bit LSB pie executable, x86-64, version 1 ...": the bits, the byte
// order and the machine (the field after the file's type).
const std::regex& elf_regex() {
  static const std::regex re(
      R"(ELF (\d+)-bit (MSB|LSB).*(?:executable|shared object|relocatable)(?:,)? ([^,]+?),)");
  return re;
}

// The machine of an ELF file, named as libguestfs names architectures.
Result<std::string> canonical_elf_arch(const std::string& bits, const std::string& endian,
                                       const std::string& machine) {
  static const std::regex ppc64(R"(.*64.*PowerPC)");
  if (has(machine, "Intel 80386") || has(machine, "Intel 80486")) return "i386";
  if (has(machine, "x86-64")) return "x86_64";
  if (has(machine, "SPARC32")) return "sparc";
  if (has(machine, "SPARC V9")) return "sparc64";
  if (has(machine, "IA-64")) return "ia64";
  if (std::regex_search(machine, ppc64)) return endian == "MSB" ? "ppc64" : "ppc64le";
  if (has(machine, "PowerPC")) return "ppc";
  if (has(machine, "ARM aarch64")) return "aarch64";
  if (has(machine, "ARM")) return "arm";
  if (has(machine, "UCB RISC-V")) return "riscv" + bits;
  if (has(machine, "IBM S/390")) {
    if (bits == "32") return "s390";
    if (bits == "64") return "s390x";
    return fail("unknown S/390 bit size: " + bits);
  }
  return machine;
}

bool is_pe32(const std::string& magic) { return has(magic, "PE32 executable"); }
bool is_pe32_plus(const std::string& magic) { return has(magic, "PE32+ executable"); }

}  // namespace

MagicKind kind_of_magic(const std::string& magic) {
  if (std::regex_search(magic, elf_regex()) || is_pe32(magic) || is_pe32_plus(magic))
    return MagicKind::Binary;
  if (has(magic, "cpio archive")) return MagicKind::Cpio;
  return MagicKind::Other;
}

Result<std::string> binary_architecture(const std::string& magic) {
  std::smatch m;
  if (std::regex_search(magic, m, elf_regex()))
    return canonical_elf_arch(m[1].str(), m[2].str(), m[3].str());
  if (is_pe32(magic)) return "i386";
  if (is_pe32_plus(magic)) return "x86_64";
  return fail("unknown architecture");  // not a Binary: the caller's mistake
}

std::string cpio_decompressor(const std::string& magic) {
  if (has(magic, "gzip")) return "zcat";
  if (has(magic, "bzip2")) return "bzcat";
  if (has(magic, "XZ compressed")) return "xzcat";
  if (has(magic, "Zstandard compressed")) return "zstdcat";
  return "cat";
}

bool is_unread_zstd(const std::string& magic) {
  return has(magic, "Zstandard compressed data") && kind_of_magic(magic) == MagicKind::Other;
}

}  // namespace gfsd::domain::filearch
