// pread / pwrite: one read or write at an offset, the data in the request or
// the reply (not a stream).
#include <string>

#include "domain/core/pread_args.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

// One pread(2): a short read returns what it got.
Result<std::string> pread(Ctx& ctx, const std::string& path, int32_t count, int64_t offset) {
  const std::string bad = pread_arguments_problem(path, count, offset);
  if (bad.empty()) return ctx.fs.pread(path, static_cast<size_t>(count), offset);
  // The original opens the file before it looks at the numbers.
  auto file = ctx.fs.open(path, ports::OpenFor::Read, 0);
  if (!file) return fail_errno(file.error().errnum, "open: " + path);
  static_cast<void>((*file)->close());
  return fail(bad);
}

// One pwrite(2): the reply says how many bytes it took.
Result<int32_t> pwrite(Ctx& ctx, const std::string& path, const std::string& content,
                       int64_t offset) {
  if (offset < 0) return fail("offset is negative");
  auto n = ctx.fs.pwrite(path, content, offset);  // names the failing step itself
  if (!n) return forward(n.error());
  return static_cast<int32_t>(*n);
}

}  // namespace gfsd::domain
