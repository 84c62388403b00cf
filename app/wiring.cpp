#include "app/wiring.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <utility>
#include <sys/stat.h>
#include <unistd.h>

#include "adapters/acl/lib_acl.hpp"
#include "adapters/augeas/lib_augeas.hpp"
#include "adapters/capabilities/lib_cap.hpp"
#include "adapters/hivex/lib_hivex.hpp"
#include "adapters/journal/sd_journal.hpp"
#include "adapters/rpm/librpm_database.hpp"
#include "adapters/posix/linux_inotify.hpp"
#include "adapters/posix/posix_filesystem.hpp"
#include "adapters/posix/posix_host_probe.hpp"
#include "adapters/posix/posix_process_runner.hpp"
#include "adapters/posix/proc_cmdline.hpp"
#include "adapters/posix/proc_mounts.hpp"
#include "adapters/posix/stderr_log.hpp"
#include "adapters/posix/steady_clock.hpp"
#include "adapters/posix/sysfs_block_devices.hpp"
#include "adapters/selinux/lib_selinux.hpp"
#include "adapters/transport/channel_sources.hpp"
#include "adapters/tsk/lib_tsk.hpp"
#include "adapters/yara/lib_yara.hpp"
#include "app/console_loader.hpp"
#include "app/first_read_gate.hpp"
#include "app/kernel_cmdline.hpp"
#include "app/options.hpp"
#include "domain/ctx.hpp"
#include "domain/register.hpp"
#include "proto/dispatcher.hpp"
#include "proto/session.hpp"

namespace gfsd::app {

namespace {

// The environment tools run in, as the appliance expects it.
void set_environment(bool test_mode) {
  if (!test_mode) ::setenv("PATH", "/sbin:/usr/sbin:/bin:/usr/bin", 1);
  ::setenv("SHELL", "/bin/sh", 1);
  ::setenv("LC_ALL", "C", 1);
  ::setenv("TERM", "dumb", 1);
}

}  // namespace

int run_daemon(int argc, char** argv) {
  // The working directory stays "/" for the life of the process.
  if (::chdir("/") < 0) std::perror("guestfsd: chdir /");

  auto parsed = parse_options(argc, argv);
  if (!parsed) {
    std::fprintf(stderr, "%s\n", parsed.error().message.c_str());
    std::fprintf(stderr, "%s", usage_text().c_str());
    return EXIT_FAILURE;
  }
  Options opts = *parsed;
  if (opts.help) {
    std::printf("%s", usage_text().c_str());
    return EXIT_SUCCESS;
  }
  adapters::ProcCmdline cmdline;
  apply_kernel_flags(opts, parse_kernel_cmdline(cmdline.read()));

  std::signal(SIGPIPE, SIG_IGN);
  set_environment(opts.test);
  ::umask(022);

  domain::Config config;
  config.sysroot = opts.live ? "" : "/sysroot";
  config.live = opts.live;
  config.network = opts.network;
  config.verbose = opts.verbose;

  adapters::StderrLog log(opts.verbose);
  adapters::SteadyClock clock;
  adapters::PosixFilesystem fs(config.sysroot);
  adapters::PosixFilesystem appliance_fs("/");
  adapters::PosixProcessRunner runner(config.sysroot, log);
  adapters::ProcMounts mounts;
  adapters::SysfsBlockDevices devices(log);
  adapters::PosixHostProbe host;
  adapters::LibAugeas augeas;
  adapters::LibHivex hivex;
  adapters::LibRpmDatabase rpm;
  adapters::LibAcl acls;
  adapters::LibCap caps;
  adapters::LibSELinux selinux;
  adapters::SdJournal journal;
  adapters::LinuxInotify inotify;
  adapters::LibYara yara;
  adapters::LibTsk tsk;
  domain::DaemonState state;

  auto source = adapters::make_channel_source({opts.channel, opts.listen}, log);
  if (!source) {
    std::fprintf(stderr, "guestfsd: %s\n", source.error().message.c_str());
    return EXIT_FAILURE;
  }
  // udev settles while the launch word goes out and the library gets going;
  // the first request is read only once it has (first_read_gate.hpp).
  std::function<void()> settle = [&devices, pid = devices.start_udevadm_settle()] {
    devices.finish_settle(pid);
  };

  api::Handlers handlers;
  domain::register_all(handlers);
  const proto::Dispatcher dispatcher(handlers);
  // One context per session or console call, around its progress port.
  const auto make_ctx = [&](ports::Progress& progress) {
    domain::Ctx ctx{config, fs, runner, mounts, devices, log, host, progress, state};
    ctx.augeas = &augeas;
    ctx.hivex = &hivex;
    ctx.rpm = &rpm;
    ctx.appliance_fs = &appliance_fs;
    ctx.acls = &acls;
    ctx.caps = &caps;
    ctx.selinux = &selinux;
    ctx.journal = &journal;
    ctx.inotify = &inotify;
    ctx.yara = &yara;
    ctx.tsk = &tsk;
    return ctx;
  };

  // Beside the channel, on its own threads; the dispatcher runs one action
  // at a time whoever asks. Declared after everything it uses, so it stops first.
  // A module (console_loader.hpp): the daemon itself links no gRPC library.
  std::unique_ptr<adapters::DebugConsole> console;
  if (!opts.grpc.empty()) {
    // The console can call actions before any client: settle first.
    std::exchange(settle, nullptr)();
    auto started = start_console_module({opts.grpc, opts.grpc_token_file, &dispatcher, make_ctx, &log});
    if (!started) {
      std::fprintf(stderr, "guestfsd: %s\n", started.error().message.c_str());
      return EXIT_FAILURE;
    }
    console = std::move(*started);
    // Where the token is, never the token: stderr may end up in logs.
    if (!console->token_file().empty())
      std::fprintf(stderr,
                   "guestfsd: gRPC console token in %s (send 'authorization: Bearer TOKEN')\n",
                   console->token_file().c_str());
    std::fprintf(stderr, "guestfsd: gRPC console listening on %s\n", console->address().c_str());
  }

  for (;;) {
    auto channel = (*source)->next();
    if (!channel) {
      std::fprintf(stderr, "guestfsd: %s\n", channel.error().message.c_str());
      return EXIT_FAILURE;
    }
    if (!*channel) return EXIT_SUCCESS;
    FirstReadGate gated(**channel, settle);
    proto::Session session(gated, dispatcher, clock, log);
    domain::Ctx ctx = make_ctx(session);
    const auto end = session.run(ctx);
    if (end == proto::Session::End::ExitRequested) return EXIT_SUCCESS;
    if (!opts.listen) return end == proto::Session::End::Eof ? EXIT_SUCCESS : EXIT_FAILURE;
  }
}

}  // namespace gfsd::app
