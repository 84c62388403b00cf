#include "domain/mount/mount_actions.hpp"

namespace gfsd::domain {

namespace {

// The original checks these paths itself; its message names its C function.
Result<void> check_absolute(const char* func, const std::string& path) {
  if (path.empty() || path[0] != '/')
    return fail(std::string(func) + ": path must start with a / character");
  return {};
}

}  // namespace

// mkdir and rmdir without the "root must be mounted" check, for mount points
// made before anything is mounted on "/".
Result<void> mkmountpoint(Ctx& ctx, const std::string& exemptpath) {
  GFSD_TRY(check_absolute("do_mkmountpoint", exemptpath));
  return ctx.fs.mkdir(exemptpath, 0777);
}

Result<void> rmmountpoint(Ctx& ctx, const std::string& exemptpath) {
  GFSD_TRY(check_absolute("do_rmmountpoint", exemptpath));
  return ctx.fs.rmdir(exemptpath);
}

Result<void> mount_loop(Ctx& ctx, const std::string& file, const std::string& mountpoint) {
  // Both paths are guest paths, pinned inside the sysroot by the runner.
  ports::RunOptions opts;
  opts.guest_args = {{3, ports::GuestArg::Last::Follow}, {4, ports::GuestArg::Last::Follow}};
  auto r = ctx.runner.run({"mount", "-o", "loop", file, mountpoint}, opts);
  if (!r) return forward(r.error());
  if (r->status != 0) return fail(file + " on " + mountpoint + ": " + r->err);
  return {};
}

Result<void> remount(Ctx& ctx, const std::string& mountpoint, const api::opt::remount& opts) {
  if (!opts.rw) return fail("parameter 'rw' must be specified");
  const std::string options = *opts.rw ? "remount,rw" : "remount,ro";
  ports::RunOptions pinned;
  pinned.guest_args = {{3, ports::GuestArg::Last::Follow}};
  auto r = ctx.runner.run({"mount", "-o", options, mountpoint}, pinned);
  if (!r) return forward(r.error());
  if (r->status != 0) return fail(mountpoint + ": " + options + ": " + r->err);
  return {};
}

}  // namespace gfsd::domain
