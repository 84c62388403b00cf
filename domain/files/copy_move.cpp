// cp, cp -a, cp -rP, mv and du: coreutils on guest paths (resolved by the
// runner inside the sysroot), their stderr as the error.
#include <cinttypes>
#include <cstdio>

#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/files/content_actions.hpp"

namespace gfsd::domain {

namespace {

using Last = ports::GuestArg::Last;

// src_last: whether the tool follows a symlink named as the source.
Result<void> copy_or_move(Ctx& ctx, std::vector<std::string> argv, const std::string& src,
                          const std::string& dest, Last src_last) {
  // cp writes through a symlink at the destination; mv follows one only to
  // move into a directory, else renames over it.
  const Last dest_last = argv[0] == "mv" ? Last::FollowDir : Last::Follow;
  argv.push_back(src);
  argv.push_back(dest);
  ports::RunOptions opts;
  opts.guest_args = {{argv.size() - 2, src_last}, {argv.size() - 1, dest_last}};
  return run_ok_or_fail_prefixed(ctx, argv, "", opts);
}

}  // namespace

Result<void> cp(Ctx& ctx, const std::string& src, const std::string& dest) {
  return copy_or_move(ctx, {"cp"}, src, dest, Last::Follow);
}

Result<void> cp_a(Ctx& ctx, const std::string& src, const std::string& dest) {
  return copy_or_move(ctx, {"cp", "-a"}, src, dest, Last::AsIs);
}

Result<void> cp_r(Ctx& ctx, const std::string& src, const std::string& dest) {
  return copy_or_move(ctx, {"cp", "-rP"}, src, dest, Last::AsIs);
}

Result<void> mv(Ctx& ctx, const std::string& src, const std::string& dest) {
  return copy_or_move(ctx, {"mv"}, src, dest, Last::AsIs);
}

// Kilobytes used by a file or tree (du -s).
Result<int64_t> du(Ctx& ctx, const std::string& path) {
  ports::RunOptions opts;
  opts.guest_args = {{2, ports::GuestArg::Last::AsIs}};  // du does not follow its argument
  auto r = ctx.runner.run({"du", "-s", path}, opts);
  if (!r) return fail(path + ": " + r.error().message);
  if (r->status != 0) return fail(path + ": " + r->err);
  const std::string out = up_to_nul(std::move(r->out));
  int64_t kb = 0;
  if (std::sscanf(out.c_str(), "%" SCNi64, &kb) != 1)
    return fail(path + ": could not read output: " + out);
  return kb;
}

}  // namespace gfsd::domain
