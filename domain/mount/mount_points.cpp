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
  const std::string& root = ctx.config.sysroot;
  auto r = ctx.runner.run({"mount", "-o", "loop", root + file, root + mountpoint});
  if (!r) return forward(r.error());
  if (r->status != 0) return fail(file + " on " + mountpoint + ": " + r->err);
  return {};
}

Result<void> remount(Ctx& ctx, const std::string& mountpoint, const api::opt::remount& opts) {
  if (!opts.rw) return fail("parameter 'rw' must be specified");
  const std::string options = *opts.rw ? "remount,rw" : "remount,ro";
  auto r = ctx.runner.run({"mount", "-o", options, ctx.config.sysroot + mountpoint});
  if (!r) return forward(r.error());
  if (r->status != 0) return fail(mountpoint + ": " + options + ": " + r->err);
  return {};
}

}  // namespace gfsd::domain
