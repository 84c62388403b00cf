// Special files: device nodes and FIFOs (optgroup mknod).
#include <string>

#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

// mkfifo / mknod_b / mknod_c add the type bits themselves.
Result<void> permission_bits_only(int32_t mode) {
  if ((mode & ~07777) != 0)
    return fail(files::octal(static_cast<uint32_t>(mode)) +
                ": mode must specify only file permission bits");
  return {};
}

}  // namespace

// mode carries the file type; the device number is split as makedev(3) takes it
// (the C library refuses one that does not fit the kernel's 32 bits).
Result<void> mknod(Ctx& ctx, int32_t mode, int32_t devmajor, int32_t devminor,
                   const std::string& path) {
  if (mode < 0) return fail(path + ": mode is negative");
  auto r = ctx.fs.mknod(path, static_cast<uint32_t>(mode), static_cast<uint32_t>(devmajor),
                        static_cast<uint32_t>(devminor));
  if (!r) return fail_errno(r.error().errnum, path);
  return {};
}

Result<void> mkfifo(Ctx& ctx, int32_t mode, const std::string& path) {
  GFSD_TRY(permission_bits_only(mode));
  return mknod(ctx, mode | static_cast<int32_t>(files::kTypeFifo), 0, 0, path);
}

Result<void> mknod_b(Ctx& ctx, int32_t mode, int32_t devmajor, int32_t devminor,
                     const std::string& path) {
  GFSD_TRY(permission_bits_only(mode));
  return mknod(ctx, mode | static_cast<int32_t>(files::kTypeBlockDevice), devmajor, devminor,
               path);
}

Result<void> mknod_c(Ctx& ctx, int32_t mode, int32_t devmajor, int32_t devminor,
                     const std::string& path) {
  GFSD_TRY(permission_bits_only(mode));
  return mknod(ctx, mode | static_cast<int32_t>(files::kTypeCharDevice), devmajor, devminor,
               path);
}

}  // namespace gfsd::domain
