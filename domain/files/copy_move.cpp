// cp, cp -a, cp -rP, mv and du: coreutils on guest paths (resolved by the
// runner inside the sysroot), their stderr as the error.
#include <cinttypes>
#include <cstdio>

#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/files/content_actions.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

using Last = ports::GuestArg::Last;

// src_last: whether the tool follows a symlink named as the source;
// dest_last: the same for the destination.
Result<void> copy_or_move(Ctx& ctx, std::vector<std::string> argv, const std::string& src,
                          const std::string& dest, Last src_last, Last dest_last) {
  argv.push_back(src);
  argv.push_back(dest);
  ports::RunOptions opts;
  opts.guest_args = {{argv.size() - 2, src_last}, {argv.size() - 1, dest_last}};
  return run_ok_or_fail_prefixed(ctx, argv, "", opts);
}

}  // namespace

Result<void> cp(Ctx& ctx, const std::string& src, const std::string& dest) {
  // cp writes through a symlink at the destination: followed inside the sysroot.
  return copy_or_move(ctx, {"cp"}, src, dest, Last::Follow, Last::Follow);
}

Result<void> cp_a(Ctx& ctx, const std::string& src, const std::string& dest) {
  return copy_or_move(ctx, {"cp", "-a"}, src, dest, Last::AsIs, Last::Follow);
}

Result<void> cp_r(Ctx& ctx, const std::string& src, const std::string& dest) {
  return copy_or_move(ctx, {"cp", "-rP"}, src, dest, Last::AsIs, Last::Follow);
}

// mv follows a symlink at the destination only to move into a directory, and
// renames over anything else. Which of the two is decided here, inside the
// sysroot: mv itself runs on the host, where a guest's link that dangles in
// the guest may well lead to a directory. Into a directory it gets the
// directory (followed inside and pinned by the runner: if the name changes
// meanwhile, what it then leads to inside); otherwise -T, so that it never
// looks through the name it renames over.
Result<void> mv(Ctx& ctx, const std::string& src, const std::string& dest) {
  auto st = ctx.fs.stat(dest, true);
  if (st && files::has_type(st->mode, files::kTypeDirectory))
    return copy_or_move(ctx, {"mv"}, src, dest, Last::AsIs, Last::Follow);
  return copy_or_move(ctx, {"mv", "-T"}, src, dest, Last::AsIs, Last::AsIs);
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
