// compress_out / compress_device_out: a guest file or a device through a
// compression program, its output the FileOut stream.
#include <cerrno>

#include "domain/archives/archive_actions.hpp"
#include "domain/core/stream_output.hpp"

namespace gfsd::domain {

namespace {

struct Compressor {
  const char* name;  // the ctype and the program
  int min_level;     // levels accepted; min > max: none at all
  int max_level;
};

constexpr Compressor kCompressors[] = {
    {"compress", 1, 0}, {"gzip", 1, 9}, {"bzip2", 1, 9}, {"xz", 0, 9}, {"lzop", 1, 9},
};

// The program and its options ("gzip -c -6") for a ctype; level -1 is the
// program's default (the optarg absent, or given as -1).
Result<std::vector<std::string>> compressor_argv(Ctx& ctx, const std::string& ctype, int level) {
  for (const auto& c : kCompressors) {
    if (ctype != c.name) continue;
    // The library documents "not supported" in this text as the way to tell.
    if (!ctx.host.program_exists(c.name))
      return fail_with(ENOTSUP, std::string("compression type ") + c.name +
                                    " is not supported, because external program '" + c.name +
                                    "' is not available in the appliance");
    std::vector<std::string> argv{c.name, "-c"};
    if (level == -1) return argv;
    if (c.min_level > c.max_level)
      return fail(std::string(c.name) +
                  ": cannot use optional level parameter with this compression type");
    if (level < c.min_level || level > c.max_level)
      return fail(std::string(c.name) + ": incorrect value for level parameter");
    argv.push_back("-" + std::to_string(level));
    return argv;
  }
  return fail("unknown compression type");
}

}  // namespace

Result<void> compress_out(Ctx& ctx, const std::string& ctype, const std::string& file,
                          const api::opt::compress_out& o) {
  auto argv = compressor_argv(ctx, ctype, o.level.value_or(-1));
  if (!argv) return forward(argv.error());
  // With -c the programs follow a symlink: so does the runner, inside the guest.
  argv->push_back(file);
  ports::RunOptions run;
  run.guest_args = {{argv->size() - 1, ports::GuestArg::Last::Follow}};
  return stream_program_output(ctx, *argv, run, file);
}

Result<void> compress_device_out(Ctx& ctx, const std::string& ctype, const std::string& device,
                                 const api::opt::compress_device_out& o) {
  auto argv = compressor_argv(ctx, ctype, o.level.value_or(-1));
  if (!argv) return forward(argv.error());
  // On stdin rather than named: lzop compresses nothing but regular files.
  ports::RunOptions run;
  run.stdin_file = device;
  return stream_program_output(ctx, *argv, run, device);
}

}  // namespace gfsd::domain
