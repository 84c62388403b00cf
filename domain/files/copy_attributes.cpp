#include <cstring>

#include "domain/files/content_actions.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr int64_t kPermissionBits = 07777;

// "<step>: <what>: <strerror>", from a port error's errno.
tl::unexpected<Error> step_failed(const Error& e, const std::string& step,
                                  const std::string& what) {
  return fail_errno(e.errnum, step + ": " + what);
}

// Every visible attribute of src set on dest (both followed), in list order.
Result<void> copy_xattrs(Ctx& ctx, const std::string& src, const std::string& dest) {
  auto names = ctx.fs.list_xattr_names(src, true);
  if (!names) return step_failed(names.error(), "listxattr", src);
  for (const auto& n : *names) {
    if (n == "user.WofCompressedData") continue;  // ntfs-3g's compressed data, not an attribute
    auto value = ctx.fs.get_xattr(src, n, true);
    if (!value) return step_failed(value.error(), "getxattr", src + ", " + n);
    auto set = ctx.fs.set_xattr(dest, n, *value, true);
    if (!set) return step_failed(set.error(), "setxattr", dest + ", " + n);
  }
  return {};
}

}  // namespace

Result<void> copy_attributes(Ctx& ctx, const std::string& src, const std::string& dest,
                             const api::opt::copy_attributes& opts) {
  // "all" turns on whatever was not set explicitly.
  const bool all = opts.all.value_or(false);
  const bool mode = opts.mode.value_or(all);
  const bool xattrs = opts.xattributes.value_or(all);
  const bool ownership = opts.ownership.value_or(all);

  auto s = ctx.fs.stat(src, true);
  if (!s) return step_failed(s.error(), "stat", src);
  auto d = ctx.fs.stat(dest, true);
  if (!d) return step_failed(d.error(), "stat", dest);

  if (mode && (s->mode & kPermissionBits) != (d->mode & kPermissionBits)) {
    auto r = ctx.fs.chmod(dest, static_cast<uint32_t>(s->mode & kPermissionBits));
    if (!r) return step_failed(r.error(), "chmod", dest);
  }
  if (ownership && (s->uid != d->uid || s->gid != d->gid)) {
    auto r = ctx.fs.chown(dest, s->uid, s->gid, true);
    if (!r) return step_failed(r.error(), "chown", dest);
  }
  if (xattrs) GFSD_TRY(copy_xattrs(ctx, src, dest));
  return {};
}

}  // namespace gfsd::domain
