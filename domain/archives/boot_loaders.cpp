// syslinux, extlinux, grub_install: the boot loaders' own installers.
#include "domain/archives/archive_actions.hpp"
#include "domain/core/run_tool.hpp"

namespace gfsd::domain {

Result<void> syslinux(Ctx& ctx, const std::string& device, const api::opt::syslinux& o) {
  // The directory lies in the filesystem on the device, which syslinux
  // mounts itself: it is no path of the sysroot.
  std::vector<std::string> argv{"syslinux", "--install", "--force"};
  if (o.directory) argv.insert(argv.end(), {"--directory", *o.directory});
  argv.push_back(device);
  return run_ok_or_fail_prefixed(ctx, argv);
}

Result<void> extlinux(Ctx& ctx, const std::string& directory) {
  ports::RunOptions run;
  run.guest_args = {{2, ports::GuestArg::Last::Follow}};
  return run_ok_or_fail_prefixed(ctx, {"extlinux", "--install", directory}, directory + ": ",
                                 run);
}

Result<void> grub_install(Ctx& ctx, const std::string& root, const std::string& device) {
  // The original joined option and directory in one word
  // ("--root-directory=/sysroot/..."); a guest argument must be a word of its
  // own, and grub-install takes the directory as the next word as well.
  const std::vector<std::string> argv{"grub-install", "--root-directory", root, device};
  ports::RunOptions run;
  run.guest_args = {{2, ports::GuestArg::Last::Follow}};
  auto r = ctx.runner.run(argv, run);
  if (!r) return fail(r.error().message);
  if (r->status == 0) return {};
  ctx.log.debug("grub output:\n" + r->out + "\n");  // written only when verbose
  return fail(r->err);
}

}  // namespace gfsd::domain
