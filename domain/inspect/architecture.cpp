#include "domain/inspect/architecture.hpp"

#include <cctype>
#include <regex>

#include "domain/core/run_tool.hpp"
#include "domain/files/file_actions.hpp"
#include "domain/inspect/guest_files.hpp"
#include "domain/inspect/text_parsing.hpp"

namespace gfsd::domain::inspect {

namespace {

// The machine name file(1) prints for an ELF file, as inspection names it.
std::optional<std::string> canonical_elf_arch(const std::string& bits, const std::string& endian,
                                              const std::string& elf_arch) {
  auto has = [&elf_arch](const char* s) { return contains(elf_arch, s); };
  static const std::regex ppc64(R"(.*64.*PowerPC)");
  if (has("Intel 80386") || has("Intel 80486")) return "i386";
  if (has("x86-64") || has("AMD x86-64")) return "x86_64";
  if (has("SPARC32")) return "sparc";
  if (has("SPARC V9")) return "sparc64";
  if (has("IA-64")) return "ia64";
  if (std::regex_search(elf_arch, ppc64)) {
    if (endian == "MSB") return "ppc64";
    if (endian == "LSB") return "ppc64le";
    return std::nullopt;
  }
  if (has("PowerPC")) return "ppc";
  if (has("ARM aarch64")) return "aarch64";
  if (has("ARM")) return "arm";
  if (has("UCB RISC-V")) return "riscv" + bits;
  if (has("IBM S/390")) {
    if (bits == "32") return "s390";
    if (bits == "64") return "s390x";
    return std::nullopt;
  }
  return elf_arch;
}

}  // namespace

std::optional<std::string> architecture_of_magic(const std::string& magic) {
  static const std::regex elf(
      R"(ELF (\d+)-bit (MSB|LSB).*(?:executable|shared object|relocatable)(?:,)? ([^,]+?),)");
  std::smatch m;
  if (std::regex_search(magic, m, elf)) return canonical_elf_arch(m[1].str(), m[2].str(), m[3].str());
  if (contains(magic, "PE32 executable")) return "i386";
  if (contains(magic, "PE32+ executable")) return "x86_64";
  return std::nullopt;
}

Result<std::string> file_architecture(Ctx& ctx, const std::string& path) {
  // file(1) only looks at regular files; anything else is described by type.
  auto st = ctx.fs.stat(path, false);
  if (!st) return fail_errno(st.error().errnum, path);
  std::string magic;
  if (files::has_type(st->mode, files::kTypeRegular)) {
    ports::RunOptions opts;
    opts.guest_args = {{2, ports::GuestArg::Last::AsIs}};  // file(1) does not follow (no -L)
    auto out = run_or_fail_exit_status(ctx, {"file", "-zSb", path}, opts);
    if (!out) return forward(out.error());
    magic = *out;
    while (!magic.empty() && std::isspace(static_cast<unsigned char>(magic.back()))) magic.pop_back();
  }
  // (An initrd, a cpio archive, would need its binaries extracted; inspection
  // only ever asks about executables.)
  if (auto arch = architecture_of_magic(magic)) return *arch;
  return fail("unknown architecture: " + path);
}

std::optional<std::string> check_architecture(Ctx& ctx) {
  for (const char* bin : {"/bin/bash", "/bin/ls", "/bin/echo", "/bin/rm", "/bin/sh"}) {
    if (!guest_is_file(ctx, bin, true)) continue;
    // Relative symlinks resolve within the guest: look at their target.
    auto resolved = ctx.fs.realpath(bin);
    if (!resolved) {
      ctx.log.debug(std::string("check_architecture: ") + bin + ": " + resolved.error().message);
      continue;
    }
    auto arch = file_architecture(ctx, *resolved);
    if (arch) return *arch;
    ctx.log.debug(std::string("check_architecture: ") + bin + ": " + arch.error().message);
  }
  return std::nullopt;
}

}  // namespace gfsd::domain::inspect
