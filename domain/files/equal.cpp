// equal: do two guest files have the same bytes? "cmp -s" decides, as in
// the original: status 0 equal, 1 different, anything else an error whose
// text is cmp's stderr.
#include <string>

#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

Result<bool> equal(Ctx& ctx, const std::string& file1, const std::string& file2) {
  ports::RunOptions opts;
  // cmp opens both by name and follows a final symlink: the runner follows
  // it inside the sysroot first.
  opts.guest_args = {{2, ports::GuestArg::Last::Follow}, {3, ports::GuestArg::Last::Follow}};
  auto r = ctx.runner.run({"cmp", "-s", file1, file2}, opts);
  // A name the runner could not resolve is a file cmp could not have opened,
  // and "cmp -s" says nothing about those: the original's error is empty
  // (and has no errno).
  if (!r) return fail("");
  if (r->status == 0) return true;
  if (r->status == 1) return false;
  return fail(r->err);
}

}  // namespace gfsd::domain
