#include <cerrno>
#include <cstdint>
#include <cstdio>

#include "domain/core/host_path.hpp"
#include "domain/command/command_actions.hpp"

namespace gfsd::domain {

namespace {

using Args = std::vector<std::string>;
using Subcommand = Result<std::string> (*)(Ctx&, const Args&);

// Runs an appliance program; on failure the error is PREFIX + stderr.
Result<std::string> appliance_output(Ctx& ctx, const Args& argv, const std::string& prefix) {
  auto r = ctx.runner.run(argv);
  if (!r) return fail(prefix + r.error().message);
  if (r->status != 0) return fail(prefix + r->err);
  return std::move(r->out);
}

// The appliance's /bin/sh (not the guest's, no chroot), with $root set to the
// sysroot and $sd to the kernel's disk prefix; stdout and stderr together.
Result<std::string> debug_sh(Ctx& ctx, const Args& args) {
  if (args.empty()) return fail("sh: expecting a command to run");
  std::string cmd;
  for (const auto& a : args) cmd += (cmd.empty() ? "" : " ") + a;
  auto root = resolved_host_path(ctx, "/");
  if (!root) return forward(root.error());
  // "/sysroot", as the original sets it ("" in live mode), not "/sysroot/".
  if (!root->empty() && root->back() == '/') root->pop_back();
  Args argv{"env", "root=" + *root};
  for (const char* sd : {"sd", "hd", "ubd", "vd"}) {
    if (ctx.host.path_exists(std::string("/sys/block/") + sd + "a")) {
      argv.push_back(std::string("sd=") + sd);
      break;
    }
  }
  argv.insert(argv.end(), {"/bin/sh", "-c", cmd});
  ports::RunOptions opts;
  opts.fold_stdout_on_stderr = true;
  auto r = ctx.runner.run(argv, opts);
  if (!r) return fail(r.error().message);
  if (r->status != 0) return fail(r->err);
  return r->err;
}

Result<std::string> debug_env(Ctx& ctx, const Args&) {
  return appliance_output(ctx, {"printenv"}, "printenv: ");
}

Result<std::string> debug_ls(Ctx& ctx, const Args& args) {
  Args argv{"ls", "-a"};
  argv.insert(argv.end(), args.begin(), args.end());
  return appliance_output(ctx, argv, "ls: ");
}

Result<std::string> debug_ll(Ctx& ctx, const Args& args) {
  Args argv{"ls", "-la"};
  argv.insert(argv.end(), args.begin(), args.end());
  return appliance_output(ctx, argv, "ll: ");
}

Result<std::string> debug_binaries(Ctx& ctx, const Args&) {
  return appliance_output(ctx,
                          {"sh", "-c",
                           "find / -xdev -type f -executable | xargs file -i | grep "
                           "application/x-executable | gawk -F: '{print $1}'"},
                          "find: ");
}

Result<std::string> debug_ldd(Ctx& ctx, const Args& args) {
  if (args.size() != 1) return fail("ldd: no file argument");
  auto r = ctx.runner.run({"ldd", "-r", args[0]});
  if (!r) return fail("ldd: " + args[0] + ": " + r.error().message);
  if (r->status != 0) return fail("ldd: " + args[0] + ": " + r->err);
  // ldd is inconsistent about which stream it uses: both go back.
  return r->out + r->err;
}

// Writes the arguments to the daemon's log (the serial console).
Result<std::string> debug_print(Ctx& ctx, const Args& args) {
  std::string line;
  for (size_t i = 0; i < args.size(); ++i) line += (i > 0 ? " " : "") + args[i];
  ctx.log.error(line);
  return std::string("ok");
}

Result<std::string> debug_spew(Ctx& ctx, const Args& args) {
  if (args.size() != 1) return fail("spew: expecting number of lines <n>");
  unsigned long long n = 0;
  if (std::sscanf(args[0].c_str(), "%llu", &n) != 1)
    return fail("spew: could not parse number of lines '" + args[0] + "'");
  for (unsigned long long i = 0; i < n; ++i)
    ctx.log.error("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567890123456789");
  return std::string("ok");
}

// An error reply of the requested length, errno EROFS so that tests can tell
// it from a real failure.
Result<std::string> debug_error(Ctx&, const Args& args) {
  unsigned len = 0;
  if (args.size() != 1 || std::sscanf(args[0].c_str(), "%u", &len) != 1)
    return fail("debug error: expecting one arg: length of error message");
  if (len > 1000000) return fail("debug error: length argument too large");
  return fail_with(EROFS, std::string(len, 'a'));
}

Result<std::string> debug_help(Ctx& ctx, const Args& args);

struct Entry {
  const char* name;
  Subcommand run;
};

// The subcommands this daemon has (the original also had bmap*, core_pattern,
// device_speed, fds, progress, qtrace, segv and setenv).
constexpr Entry kSubcommands[] = {
    {"help", debug_help},   {"binaries", debug_binaries}, {"env", debug_env},
    {"error", debug_error}, {"ldd", debug_ldd},           {"ls", debug_ls},
    {"ll", debug_ll},       {"print", debug_print},       {"sh", debug_sh},
    {"spew", debug_spew},
};

Result<std::string> debug_help(Ctx&, const Args&) {
  std::string r = "Commands supported:";
  for (const auto& e : kSubcommands) r += std::string(" ") + e.name;
  return r;
}

bool equal_ignoring_case(const std::string& a, const char* b) {
  size_t i = 0;
  for (; i < a.size() && b[i] != '\0'; ++i) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return i == a.size() && b[i] == '\0';
}

}  // namespace

Result<std::string> debug(Ctx& ctx, const std::string& subcmd, const Args& extraargs) {
  for (const auto& e : kSubcommands)
    if (equal_ignoring_case(subcmd, e.name)) return e.run(ctx, extraargs);
  return fail("use 'debug help 0' to list the supported commands");
}

}  // namespace gfsd::domain
