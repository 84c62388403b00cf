// dd (deprecated): the whole of one file or device onto another. The original
// ran `dd bs=1024K if=... of=...`; this copies in the daemon instead (a guest
// path handed to dd would follow symlinks out of the sysroot), and words its
// errors as dd's first line of complaint.
#include <cstring>
#include <memory>

#include "domain/blockio/blockio_actions.hpp"
#include "domain/core/host_path.hpp"

namespace gfsd::domain {

namespace {

constexpr size_t kRecord = 1024 * 1024;  // bs=1024K

// How dd names a file in messages: in single quotes, as a shell would read it.
std::string dd_quote(const std::string& name) {
  std::string out = "'";
  for (char c : name) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

}  // namespace

Result<void> dd(Ctx& ctx, const api::DevOrPath& src, const api::DevOrPath& dest) {
  // dd's if= and of= were the appliance names: devices as given, files below the sysroot.
  const std::string in_name = src.is_device ? src.name : host_name_for_message(ctx, src.name);
  const std::string out_name = dest.is_device ? dest.name : host_name_for_message(ctx, dest.name);
  const std::string prefix = src.name + ": " + dest.name + ": dd: ";

  auto in = src.is_device ? ctx.devices.open(src.name, ports::OpenFor::Read)
                          : ctx.fs.open(src.name, ports::OpenFor::Read, 0);
  if (!in)
    return fail(prefix + "failed to open " + dd_quote(in_name) + ": " +
                std::strerror(in.error().errnum));
  auto out = dest.is_device ? ctx.devices.open(dest.name, ports::OpenFor::WriteExisting)
                            : ctx.fs.open(dest.name, ports::OpenFor::WriteTruncate, 0666);
  if (!out)
    return fail(prefix + "failed to open " + dd_quote(out_name) + ": " +
                std::strerror(out.error().errnum));

  // One read per record; a short one is written as it is (a partial record).
  auto buf = std::make_unique<char[]>(kRecord);
  for (;;) {
    auto r = (*in)->read(buf.get(), kRecord);
    if (!r)
      return fail(prefix + "error reading " + dd_quote(in_name) + ": " +
                  std::strerror(r.error().errnum));
    if (*r == 0) break;
    auto w = (*out)->write(buf.get(), *r);
    if (!w)
      return fail(prefix + "error writing " + dd_quote(out_name) + ": " +
                  std::strerror(w.error().errnum));
  }
  (void)(*in)->close();
  auto c = (*out)->close();
  if (!c)
    return fail(prefix + "closing output file " + dd_quote(out_name) + ": " +
                std::strerror(c.error().errnum));
  return {};
}

}  // namespace gfsd::domain
