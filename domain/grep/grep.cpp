// grep: the matching lines of a guest file. As the original, the file is
// opened inside the guest and handed to grep (or zgrep) as its standard
// input, so the program never sees a path name and prints no file names.
#include "domain/core/text.hpp"
#include "domain/grep/grep_actions.hpp"

namespace gfsd::domain {

Result<std::vector<std::string>> grep_with(Ctx& ctx, const std::string& regex,
                                           const std::string& path, const GrepFlags& flags) {
  if (flags.extended && flags.fixed)
    return fail("can't use 'extended' and 'fixed' flags at the same time");

  std::vector<std::string> argv{flags.compressed ? "zgrep" : "grep"};
  if (flags.extended) argv.push_back("-E");
  if (flags.fixed) argv.push_back("-F");
  if (flags.insensitive) argv.push_back("-i");
  argv.push_back(regex);

  // The runner opens the file (symlinks followed inside the guest); failing
  // that, its error is the original's "<path>: <strerror>" with the errno.
  ports::RunOptions opts;
  opts.stdin_guest_file = path;
  auto r = ctx.runner.run(argv, opts);
  if (!r) return forward(r.error());
  // grep exits 1 when nothing matched: an empty list, not an error.
  if (r->status < 0 || r->status > 1) return fail(regex + ": " + r->err);
  return split_lines(up_to_nul(std::move(r->out)));
}

Result<std::vector<std::string>> grep(Ctx& ctx, const std::string& regex, const std::string& path,
                                      const api::opt::grep& opts) {
  return grep_with(ctx, regex, path,
                   GrepFlags{opts.extended.value_or(false), opts.fixed.value_or(false),
                             opts.insensitive.value_or(false), opts.compressed.value_or(false)});
}

}  // namespace gfsd::domain
