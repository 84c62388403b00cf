#include <cstring>
#include <memory>

#include "domain/core/host_path.hpp"
#include "domain/command/command_actions.hpp"
#include "domain/core/arg_checks.hpp"
#include "domain/core/text.hpp"

namespace gfsd::domain {

namespace {

// While a guest command runs, the appliance's /dev, /dev/pts, /proc, /sys and
// SELinux trees are bind-mounted into the guest; each mount that worked is
// undone afterwards, in reverse order, so later (u)mounts are not disturbed.
// Failures are silent, as in the original.
class BindMounts {
 public:
  explicit BindMounts(Ctx& ctx) : ctx_(ctx) {
    static const char* const kBinds[][2] = {
        {"/dev", "/dev"},   {"/dev/pts", "/dev/pts"},          {"/proc", "/proc"},
        {"/sys/fs/selinux", "/selinux"}, {"/sys", "/sys"}, {"/sys/fs/selinux", "/sys/fs/selinux"},
    };
    // The target is pinned inside the sysroot by the runner: a guest whose
    // /dev is a symlink to "/" gets the bind on its own root, not on the
    // appliance's. It is unmounted by the path it resolved to then.
    ports::RunOptions pinned;
    pinned.guest_args = {{3, ports::GuestArg::Last::Follow}};
    for (const auto& b : kBinds) {
      auto where = ctx_.fs.realpath(b[1]);
      if (!where) continue;  // missing in the guest: mount would fail too
      auto r = ctx_.runner.run({"mount", "--bind", b[0], *where}, pinned);
      if (r && r->status == 0) mounted_.push_back(*where);
    }
  }
  ~BindMounts() {
    // umount is given a host name (an open descriptor on the mount would make
    // it busy): the guest path resolved inside the sysroot again, since the
    // command may have changed the guest's tree meanwhile.
    for (auto it = mounted_.rbegin(); it != mounted_.rend(); ++it) {
      auto host = resolved_host_path(ctx_, *it);
      if (host) (void)ctx_.runner.run({"umount", *host});
    }
  }
  BindMounts(const BindMounts&) = delete;
  BindMounts& operator=(const BindMounts&) = delete;

 private:
  Ctx& ctx_;
  std::vector<std::string> mounted_;
};

// With the network on, the guest gets the appliance's resolv.conf for the
// duration of the command: the guest's own is moved aside to a random name
// and put back afterwards.
class ResolvConf {
 public:
  explicit ResolvConf(Ctx& ctx) : ctx_(ctx) {}
  ~ResolvConf() {
    if (!active_) return;
    (void)ctx_.fs.unlink(kPath);
    if (!saved_.empty() && !ctx_.fs.rename(saved_, kPath))
      ctx_.log.error("error: could not restore /etc/resolv.conf");
  }
  ResolvConf(const ResolvConf&) = delete;
  ResolvConf& operator=(const ResolvConf&) = delete;

  Result<void> set_up() {
    if (ctx_.fs.stat(kPath, false)) {
      auto tmp = ctx_.fs.make_temp("/etc/XXXXXXXX", 0);
      if (!tmp) return fail("random_name: " + tmp.error().message);
      auto r = ctx_.fs.rename(kPath, *tmp);
      if (!r) {
        (void)ctx_.fs.unlink(*tmp);
        return fail_with(r.error().errnum, "rename: " + host_name_for_message(ctx_, kPath) +
                                               " to " + host_name_for_message(ctx_, *tmp) + ": " +
                                               std::strerror(r.error().errnum));
      }
      saved_ = *tmp;
    }
    // The guest's /etc may be a symlink: resolved inside the guest.
    ports::RunOptions opts;
    opts.guest_args = {{2, ports::GuestArg::Last::Follow}};
    (void)ctx_.runner.run({"cp", "/etc/resolv.conf", kPath}, opts);
    active_ = true;
    return {};
  }

 private:
  static constexpr const char* kPath = "/etc/resolv.conf";
  Ctx& ctx_;
  bool active_ = false;
  std::string saved_;
};

}  // namespace

Result<std::string> command(Ctx& ctx, const std::vector<std::string>& arguments) {
  // The original's root check sits in its C function, which names itself.
  GFSD_TRY(check_root_mounted(ctx, "do_command"));
  if (arguments.empty()) return fail("passed an empty list");

  BindMounts binds(ctx);
  ResolvConf resolv(ctx);
  if (ctx.config.network) GFSD_TRY(resolv.set_up());

  ports::RunOptions opts;
  opts.chroot_sysroot = true;
  auto r = ctx.runner.run(arguments, opts);
  // The original's child reported a failed exec on stderr and exited 1.
  if (!r) return fail(r.error().message);
  if (r->status != 0) return fail(r->err);
  return up_to_nul(std::move(r->out));
}

Result<std::vector<std::string>> command_lines(Ctx& ctx,
                                               const std::vector<std::string>& arguments) {
  auto out = command(ctx, arguments);
  if (!out) return forward(out.error());
  return split_lines(*out);
}

Result<std::string> sh(Ctx& ctx, const std::string& cmd) {
  return command(ctx, {"/bin/sh", "-c", cmd});
}

Result<std::vector<std::string>> sh_lines(Ctx& ctx, const std::string& cmd) {
  return command_lines(ctx, {"/bin/sh", "-c", cmd});
}

}  // namespace gfsd::domain
