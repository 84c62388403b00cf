// selinux_relabel: setfiles relabels a guest tree from its file contexts.
#include <string>
#include <vector>

#include "domain/core/host_path.hpp"
#include "domain/system/system_actions.hpp"

namespace gfsd::domain {

namespace {

// Does this setfiles know the option? Asked once per daemon: an unknown
// option makes it say "invalid option -- 'X'"; a known one only a usage
// text. (A setfiles that cannot be started says neither: the relabelling
// that follows fails anyway.)
bool setfiles_has_option(Ctx& ctx, int& flag, char option) {
  if (flag == -1) {
    auto r = ctx.runner.run({"setfiles", std::string{'-', option}});
    const std::string quoted{'\'', option, '\''};
    flag = (!r || r->err.find(quoted) == std::string::npos) ? 1 : 0;
  }
  return flag == 1;
}

}  // namespace

Result<void> selinux_relabel(Ctx& ctx, const std::string& specfile, const std::string& path,
                             const api::opt::selinux_relabel& opts) {
  // setfiles strips the -r root from the names it relabels to find their
  // contexts, and compares them with the excluded directories as text: these
  // must be host names under the sysroot, not pinned descriptors.
  std::vector<std::string> argv{"setfiles"};
  if (opts.force.value_or(false)) argv.push_back("-F");
  // Directories never to relabel in an ordinary Linux guest (nothing is
  // mounted there while the guest is down).
  for (const char* dir : {"/dev", "/proc", "/selinux", "/sys"}) {
    auto host = resolved_host_path(ctx, dir);
    if (!host) return forward(host.error());
    argv.push_back("-e");
    argv.push_back(*host);
  }
  // -m: else setfiles excludes every mount point (RHBZ#1433577).
  if (setfiles_has_option(ctx, ctx.state.setfiles_has_m, 'm')) argv.push_back("-m");
  // -C: relabelling errors alone give status 1, told apart from fatal ones.
  const bool status_1_ok = setfiles_has_option(ctx, ctx.state.setfiles_has_C, 'C');
  if (status_1_ok) argv.push_back("-C");
  // -r: the host name of the guest's root, without its final slash. (The
  // original leaves -r out only when that root is "/", which it never is: in
  // live mode it is "", and "-r ''" goes to setfiles as there.)
  auto root = resolved_host_path(ctx, "/");
  if (!root) return forward(root.error());
  if (!root->empty() && root->back() == '/') root->pop_back();
  argv.push_back("-r");
  argv.push_back(*root);
  argv.push_back(ctx.config.verbose ? "-v" : "-q");
  // setfiles reads the spec file and its companions (.bin, .local, .homedirs)
  // beside it: the runner pins its directory inside the guest.
  ports::RunOptions run_opts;
  run_opts.guest_args = {{argv.size(), ports::GuestArg::Last::Follow}};
  argv.push_back(specfile);
  auto target = resolved_host_path(ctx, path);
  if (!target) return forward(target.error());
  argv.push_back(*target);

  auto r = ctx.runner.run(argv, run_opts);
  if (!r) return forward(r.error());
  if (r->status == 0 || (r->status == 1 && status_1_ok)) return {};
  return fail(r->err);
}

}  // namespace gfsd::domain
