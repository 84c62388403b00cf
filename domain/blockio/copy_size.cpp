// copy_size (deprecated): exactly size bytes from the start of one file or
// device to the start of another, in large blocks inside the daemon.
#include <algorithm>
#include <memory>

#include "domain/blockio/blockio_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr size_t kBlock = 2 * 1024 * 1024;

}  // namespace

Result<void> copy_size(Ctx& ctx, const api::DevOrPath& src, const api::DevOrPath& dest,
                       int64_t ssize) {
  auto in = src.is_device ? ctx.devices.open(src.name, ports::OpenFor::Read)
                          : ctx.fs.open(src.name, ports::OpenFor::Read, 0);
  if (!in) return fail_errno(in.error().errnum, src.name);
  auto out = dest.is_device ? ctx.devices.open(dest.name, ports::OpenFor::WriteExisting)
                            : ctx.fs.open(dest.name, ports::OpenFor::WriteTruncate, 0666);
  if (!out) {
    (void)(*in)->close();
    return fail_errno(out.error().errnum, dest.name);
  }
  auto abandon = [&](tl::unexpected<Error> e) -> Result<void> {
    (void)(*in)->close();
    (void)(*out)->close();
    return e;
  };

  // A negative size reads as a huge one, as the original's unsigned
  // arithmetic has it: the copy then ends at "input file too short".
  const auto size = static_cast<uint64_t>(ssize);
  auto buf = std::make_unique<char[]>(kBlock);
  for (uint64_t position = 0; position < size;) {
    const auto want = static_cast<size_t>(std::min<uint64_t>(size - position, kBlock));
    auto r = (*in)->read(buf.get(), want);
    if (!r) return abandon(fail_errno(r.error().errnum, src.name + ": read"));
    if (*r == 0) return abandon(fail(src.name + ": input file too short"));
    auto w = (*out)->write(buf.get(), *r);
    if (!w) return abandon(fail_errno(w.error().errnum, dest.name + ": write"));
    position += *r;
    ctx.progress.report(position, size);
  }

  auto ci = (*in)->close();
  if (!ci) {
    (void)(*out)->close();
    return fail_errno(ci.error().errnum, src.name + ": close");
  }
  auto co = (*out)->close();
  if (!co) return fail_errno(co.error().errnum, dest.name + ": close");
  return {};
}

}  // namespace gfsd::domain
