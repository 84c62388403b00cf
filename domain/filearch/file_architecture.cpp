// file_architecture: the architecture of a binary, as the original's rules
// read file(1)'s description of it: ELF and PE binaries, compressed or not;
// initrds (cpio archives), by one of a few well-known binaries inside.
// Beyond the original: a Zstandard-compressed file, which file(1) 5.44 cannot
// look into, is looked at uncompressed.
#include <optional>
#include <vector>

#include "domain/core/run_tool.hpp"
#include "domain/files/content_actions.hpp"
#include "domain/filearch/file_magic.hpp"
#include "domain/filearch/filearch_actions.hpp"
#include "domain/filearch/pipeline.hpp"

namespace gfsd::domain {

namespace {

using filearch::MagicKind;

// Looked for in an initrd, in this order (paths inside the archive).
const std::vector<std::string>& initrd_binaries() {
  static const std::vector<std::string> bins{"bin/ls",   "bin/rm",   "bin/modprobe",
                                             "sbin/modprobe", "bin/sh", "bin/bash",
                                             "bin/dash", "bin/nash"};
  return bins;
}

// What file(1) says of the uncompressed contents of a Zstandard file, with
// the compressed file's description after it, as file -z words it.
std::optional<std::string> zstd_magic(Ctx& ctx, const std::string& path,
                                      const std::string& outer) {
  auto r = filearch::run_on_guest_file(ctx, {"sh", "-c", "zstdcat | file -zSb -"}, path);
  if (!r || r->status != 0) return std::nullopt;
  std::string inner = r->out;
  while (!inner.empty() && (inner.back() == '\n' || inner.back() == ' ')) inner.pop_back();
  return inner + " (" + outer + ")";
}

Result<std::string> cpio_architecture(Ctx& ctx, const std::string& magic,
                                      const std::string& path);

// `shown` is the name an "unknown architecture" error gives: the guest path,
// or the extracted binary's name in the appliance.
Result<std::string> architecture_of(Ctx& ctx, const std::string& magic, const std::string& path,
                                    const std::string& shown, bool inside_initrd) {
  switch (filearch::kind_of_magic(magic)) {
    case MagicKind::Binary:
      return filearch::binary_architecture(magic);
    case MagicKind::Cpio:
      // The original handed the extracted file's appliance name to its
      // guest-path pipeline, which found nothing there.
      if (inside_initrd) return fail("cpio command failed");
      return cpio_architecture(ctx, magic, path);
    case MagicKind::Other:
      break;
  }
  return fail("unknown architecture: " + shown);
}

Result<std::string> first_binary_architecture(Ctx& ctx, const std::string& dir,
                                              const std::string& path) {
  for (const auto& bin : initrd_binaries()) {
    const std::string name = dir + "/" + bin;
    // A regular file or something else that is not a directory (symlinks
    // followed, as the original's test).
    if (ctx.devices.kind(name) != ports::DeviceKind::Other) continue;
    auto magic = run_or_fail_exit_status(ctx, {"file", "-zSb", name});
    if (!magic) return forward(magic.error());
    return architecture_of(ctx, *magic, path, name, true);
  }
  return fail("could not determine architecture of cpio archive: " + path);
}

Result<std::string> cpio_architecture(Ctx& ctx, const std::string& magic,
                                      const std::string& path) {
  auto dir = filearch::make_scratch_dir(ctx, "filearch");
  if (!dir) return forward(dir.error());
  // --no-absolute-filenames: the archive's names stay inside the directory.
  std::vector<std::string> argv{
      "sh", "-c",
      "cd \"$1\" && shift && " + filearch::cpio_decompressor(magic) +
          " | cpio --quiet -id --no-absolute-filenames -- \"$@\"",
      "sh", *dir};
  argv.insert(argv.end(), initrd_binaries().begin(), initrd_binaries().end());
  auto r = filearch::run_on_guest_file(ctx, argv, path);
  Result<std::string> arch;
  if (!r)
    arch = forward(r.error());
  else if (r->status != 0)
    arch = fail("cpio command failed");
  else
    arch = first_binary_architecture(ctx, *dir, path);
  filearch::remove_scratch_dir(ctx, *dir);
  return arch;
}

}  // namespace

Result<std::string> file_architecture(Ctx& ctx, const std::string& path) {
  // file(1) as the file action runs it: a directory, a symlink ... is
  // described by its type and has no architecture.
  auto magic = file(ctx, api::DevOrPath{false, path});
  if (!magic) return forward(magic.error());
  if (filearch::is_unread_zstd(*magic)) {
    if (auto inner = zstd_magic(ctx, path, *magic)) *magic = *inner;
  }
  return architecture_of(ctx, *magic, path, path, false);
}

}  // namespace gfsd::domain
