// sfdisk, sfdisk_N, sfdiskM: a partitioning script fed to sfdisk on stdin.
#include <algorithm>

#include "domain/partitions/sfdisk_actions.hpp"

namespace gfsd::domain {

namespace {

// The original's fixed command buffer, terminating NUL included.
constexpr size_t kCommandBuffer = 256;

size_t joined_length(const std::vector<std::string>& argv) {
  size_t n = 0;
  for (const auto& a : argv) n += (n ? 1 : 0) + a.size();
  return n;
}

void add_number_option(std::vector<std::string>& argv, const char* flag, int32_t value) {
  argv.emplace_back(flag);
  argv.push_back(std::to_string(value));
}

std::string joined(const std::vector<std::string>& argv) {
  std::string s;
  for (const auto& a : argv) s += (s.empty() ? "" : " ") + a;
  return s;
}

Result<void> run_sfdisk_script(Ctx& ctx, const SfdiskCommand& cmd, const std::string& device,
                               const std::vector<std::string>& lines) {
  auto argv = sfdisk_script_argv(cmd, device);
  if (!argv) return forward(argv.error());

  std::string script;
  for (const auto& l : lines) script += l + "\n";
  size_t sent = 0;
  ports::RunOptions opts;
  opts.stdin_source = [&](char* buf, size_t n) -> Result<size_t> {
    const size_t k = std::min(n, script.size() - sent);
    std::copy_n(script.data() + sent, k, buf);
    sent += k;
    return k;
  };

  // The original went through popen: whatever stopped sfdisk (it could not
  // be run, a bad option, a refused script) reads the same, and sfdisk's own
  // words only reached the console.
  auto r = ctx.runner.run(*argv, opts);
  if (r && !r->err.empty()) ctx.log.debug("sfdisk: " + r->err);
  if (!r || r->status != 0) return fail(joined(*argv) + ": external command failed");

  // sfdisk's own re-read of the table can lose a race with udev (EBUSY), so
  // the original asked again whatever sfdisk said, and ignored the answer.
  (void)ctx.runner.run({"blockdev", "--rereadpt", device}, {});
  ctx.devices.settle("");
  return {};
}

}  // namespace

Result<std::vector<std::string>> sfdisk_script_argv(const SfdiskCommand& cmd,
                                                    const std::string& device) {
  std::vector<std::string> argv{"sfdisk"};
  if (cmd.partnum > 0) add_number_option(argv, "-N", cmd.partnum);
  if (cmd.cyls != 0) add_number_option(argv, "-C", cmd.cyls);
  if (cmd.heads != 0) add_number_option(argv, "-H", cmd.heads);
  if (cmd.sectors != 0) add_number_option(argv, "-S", cmd.sectors);
  if (cmd.extra_flag) {
    if (joined_length(argv) + 1 + cmd.extra_flag->size() >= kCommandBuffer)
      return fail("internal buffer overflow: sfdisk extra_flag too long");
    argv.push_back(*cmd.extra_flag);
  }
  if (joined_length(argv) + 1 + device.size() >= kCommandBuffer)
    return fail("internal buffer overflow: sfdisk device name too long");
  argv.push_back(device);
  return argv;
}

Result<void> sfdisk(Ctx& ctx, const std::string& device, int32_t cyls, int32_t heads,
                    int32_t sectors, const std::vector<std::string>& lines) {
  SfdiskCommand cmd;
  cmd.cyls = cyls;
  cmd.heads = heads;
  cmd.sectors = sectors;
  return run_sfdisk_script(ctx, cmd, device, lines);
}

Result<void> sfdisk_N(Ctx& ctx, const std::string& device, int32_t partnum, int32_t cyls,
                      int32_t heads, int32_t sectors, const std::string& line) {
  SfdiskCommand cmd;
  cmd.partnum = partnum;
  cmd.cyls = cyls;
  cmd.heads = heads;
  cmd.sectors = sectors;
  return run_sfdisk_script(ctx, cmd, device, {line});
}

Result<void> sfdiskM(Ctx& ctx, const std::string& device, const std::vector<std::string>& lines) {
  SfdiskCommand cmd;
  cmd.extra_flag = "-uM";
  return run_sfdisk_script(ctx, cmd, device, lines);
}

}  // namespace gfsd::domain
