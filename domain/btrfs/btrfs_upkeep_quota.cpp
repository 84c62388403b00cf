// `btrfs quota enable|disable|rescan` on a Mountable.
//
// The original mounted a device or btrfsvol on a directory of its own under
// /tmp for the command (not the shared helper with_mounted_btrfs: the error
// texts differ), and named that directory, or sysroot + path for a path, in
// its messages.
#include <string>
#include <vector>

#include "domain/btrfs/btrfs_upkeep.hpp"
#include "domain/core/host_path.hpp"
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"

namespace gfsd::domain {

namespace {

// What a failed run said: stderr, or why it did not run.
std::string run_failure(const Result<ports::ProcessResult>& r) {
  return r ? r->err : r.error().message;
}

bool run_failed(const Result<ports::ProcessResult>& r) { return !r || r->status != 0; }

// A directory made by the appliance's mktemp, as mkdtemp made it.
Result<std::string> make_mount_dir(Ctx& ctx) {
  auto made = run_or_fail_stderr(ctx, {"mktemp", "-d", "/tmp/btrfs.XXXXXX"});
  if (!made) return forward(made.error());
  const auto lines = split_lines(*made);
  if (lines.empty() || lines[0].empty()) return fail("mkdtemp: no directory name");
  return lines[0];
}

Result<void> run_btrfs_quota(Ctx& ctx, const api::Mountable& fs, const std::string& verb) {
  if (fs.type == api::MountableType::Path) {
    ports::RunOptions pinned;
    pinned.guest_args = {{3, ports::GuestArg::Last::Follow}};
    return run_ok_or_fail_prefixed(ctx, {"btrfs", "quota", verb, fs.device},
                                   host_name_for_message(ctx, fs.device) + ": ", pinned);
  }

  auto dir = make_mount_dir(ctx);
  if (!dir) return forward(dir.error());
  // No mount options of the caller's: "-o" gets "" or the subvolume.
  const std::string options = fs.type == api::MountableType::Btrfsvol ? "subvol=" + fs.volume : "";
  auto mounted = ctx.runner.run({"mount", "-o", options, fs.device, *dir});
  if (run_failed(mounted)) {
    (void)ctx.runner.run({"rmdir", *dir});
    return fail(fs.device + " on <internal> (options: ''): " + run_failure(mounted));
  }

  auto done = run_ok_or_fail_prefixed(ctx, {"btrfs", "quota", verb, *dir}, *dir + ": ");
  // The command's own error comes first; the clean-up's is reported only
  // when there is no other.
  auto unmounted = ctx.runner.run({"umount", *dir});
  if (run_failed(unmounted)) {
    if (!done) return done;
    return fail("umount: " + run_failure(unmounted));
  }
  auto removed = ctx.runner.run({"rmdir", *dir});
  if (!done) return done;
  if (run_failed(removed)) return fail(run_failure(removed));
  return {};
}

}  // namespace

Result<void> btrfs_quota_enable(Ctx& ctx, const api::Mountable& fs, bool enable) {
  return run_btrfs_quota(ctx, fs, enable ? "enable" : "disable");
}

Result<void> btrfs_quota_rescan(Ctx& ctx, const api::Mountable& fs) {
  return run_btrfs_quota(ctx, fs, "rescan");
}

}  // namespace gfsd::domain
