// cpio_out: a guest directory packed by find | cpio, streamed as FileOut.
#include <cerrno>

#include "domain/archives/archive_actions.hpp"
#include "domain/core/stream_output.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

Result<void> cpio_out(Ctx& ctx, const std::string& directory, const api::opt::cpio_out& o) {
  // A plain string, which the original put straight after the sysroot's
  // name: "" is the root, and a relative name ("/sysrootetc") names nothing
  // (in live mode, without a sysroot, it is taken from the root).
  const bool relative = directory.empty() || directory[0] != '/';
  if (relative && !directory.empty() && !ctx.config.sysroot.empty())
    return fail_errno(ENOENT, "stat: " + directory);
  const std::string dir = relative ? "/" + directory : directory;
  auto st = ctx.fs.stat(dir, true);
  if (!st) return fail_errno(st.error().errnum, "stat: " + directory);
  if (!files::has_type(st->mode, files::kTypeDirectory))
    return fail(directory + ": not a directory");

  const std::string format = o.format.value_or("newc");
  if (format != "newc" && format != "crc")
    return fail(format + ": format must be 'newc' or 'crc'");

  // find lists relative names ("./etc/passwd") from inside the directory;
  // the format is one of the two words above, safe in the shell line.
  ports::RunOptions run;
  run.guest_cwd = dir;
  return stream_program_output(
      ctx, {"sh", "-c", "find -print0 | cpio -0 -o -H " + format + " --quiet"}, run, directory);
}

}  // namespace gfsd::domain
