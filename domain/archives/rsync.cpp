// rsync, rsync_in, rsync_out: rsync between two guest paths, or between the
// guest and a remote rsync daemon ("rsync://..."), which needs the network.
#include <cerrno>

#include "domain/archives/archive_actions.hpp"
#include "domain/core/run_tool.hpp"

namespace gfsd::domain {

namespace {

struct Endpoint {
  std::string name;  // as the caller gave it, for the error text
  bool guest;        // a guest path, resolved inside the sysroot
};

Result<void> run_rsync(Ctx& ctx, const Endpoint& src, const Endpoint& dest, bool archive,
                       bool deletedest) {
  std::vector<std::string> argv{"rsync"};
  if (archive) argv.push_back("--archive");
  if (deletedest) argv.push_back("--delete");
  ports::RunOptions run;
  // rsync copies a source symlink as a link (or skips it) unless the name
  // ends in "/"; it follows a destination symlink to a directory.
  argv.push_back(src.name);
  if (src.guest) run.guest_args.push_back({argv.size() - 1, ports::GuestArg::Last::AsIs});
  argv.push_back(dest.name);
  if (dest.guest) run.guest_args.push_back({argv.size() - 1, ports::GuestArg::Last::Follow});
  return run_ok_or_fail_prefixed(ctx, argv, "'" + src.name + "' to '" + dest.name + "': ", run);
}

// The remote end of rsync_in/rsync_out must be an rsync daemon: rsync reads
// any other name as a path of the appliance (or a host for a remote shell the
// appliance does not have), and copying to or from the appliance's own files
// would be a way out of the sysroot. The original passed it on unchecked.
Result<void> check_remote(const std::string& remote) {
  const bool url = remote.rfind("rsync://", 0) == 0;
  const auto colons = remote.find("::");
  const bool module = colons != std::string::npos && colons > 0 &&
                      remote.find('/') > colons;  // host::module[/path]
  if (url || module) return {};
  return fail_with(EINVAL, remote +
                               ": the remote must be an rsync daemon: "
                               "rsync://[user@]host[:port]/module[/path] or host::module[/path]");
}

}  // namespace

Result<void> rsync(Ctx& ctx, const std::string& src, const std::string& dest,
                   const api::opt::rsync& o) {
  return run_rsync(ctx, {src, true}, {dest, true}, o.archive.value_or(false),
                   o.deletedest.value_or(false));
}

Result<void> rsync_in(Ctx& ctx, const std::string& remote, const std::string& dest,
                      const api::opt::rsync_in& o) {
  if (auto ok = check_remote(remote); !ok) return ok;
  return run_rsync(ctx, {remote, false}, {dest, true}, o.archive.value_or(false),
                   o.deletedest.value_or(false));
}

Result<void> rsync_out(Ctx& ctx, const std::string& src, const std::string& remote,
                       const api::opt::rsync_out& o) {
  if (auto ok = check_remote(remote); !ok) return ok;
  return run_rsync(ctx, {src, true}, {remote, false}, o.archive.value_or(false),
                   o.deletedest.value_or(false));
}

}  // namespace gfsd::domain
