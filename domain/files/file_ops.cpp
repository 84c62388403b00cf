// Single-file actions: create, remove, change attributes, times, size; umask, sync.
#include <cerrno>
#include <cstring>
#include <string>

#include "domain/core/host_path.hpp"
#include "domain/files/file_actions.hpp"
#include "domain/mount/mount_ops.hpp"

namespace gfsd::domain {

using files::has_type;

// Only regular files: opening anything else for writing can hang (FIFOs) or
// touch a device. A missing file is fine, it gets created.
Result<void> touch(Ctx& ctx, const std::string& path) {
  auto st = ctx.fs.stat(path, false);
  if (!st) {
    if (st.error().errnum != ENOENT) return fail_errno(st.error().errnum, "lstat: " + path);
  } else if (!has_type(st->mode, files::kTypeRegular)) {
    return fail(path + ": touch can only be used on a regular files");
  }
  return ctx.fs.touch(path);  // names the failing step itself
}

Result<void> rm(Ctx& ctx, const std::string& path) {
  auto r = ctx.fs.unlink(path);
  if (!r) return fail_errno(r.error().errnum, path);
  return {};
}

Result<void> rm_f(Ctx& ctx, const std::string& path) {
  auto r = ctx.fs.unlink(path);
  if (!r && r.error().errnum != ENOENT) return fail_errno(r.error().errnum, path);
  return {};
}

namespace {

// The last component, trailing slashes ignored, as rm sees it.
std::string last_component(const std::string& path) {
  size_t end = path.find_last_not_of('/');
  if (end == std::string::npos) return "";
  const size_t slash = path.rfind('/', end);
  const size_t begin = slash == std::string::npos ? 0 : slash + 1;
  return path.substr(begin, end + 1 - begin);
}

}  // namespace

// The original runs "rm -rf <sysroot><path>" and reports "<path>: <rm's stderr>";
// the tree is removed in-process here, and failures are worded as rm words them.
Result<void> rm_rf(Ctx& ctx, const std::string& path) {
  if (path == "/") return fail("cannot remove root directory");
  const std::string host = host_name_for_message(ctx, path);
  const std::string last = last_component(path);
  if (last == "." || last == "..")
    return fail(path + ": rm: refusing to remove '.' or '..' directory: skipping '" + host + "'");
  if (last.empty() && ctx.config.sysroot.empty())
    return fail(path + ": rm: it is dangerous to operate recursively on '" + host +
                "'\nrm: use --no-preserve-root to override this failsafe");
  auto r = ctx.fs.remove_tree(path);
  if (r) return {};
  // The port gives the entry that could not be removed as data.
  const Error& e = r.error();
  const std::string& entry = e.path.empty() ? path : e.path;
  return fail(path + ": rm: cannot remove '" + host_name_for_message(ctx, entry) +
              "': " + std::strerror(e.errnum));
}

Result<void> truncate(Ctx& ctx, const std::string& path) {
  return ctx.fs.truncate(path, 0);  // names the failing step itself
}

Result<void> chmod(Ctx& ctx, int32_t mode, const std::string& path) {
  if (mode < 0) return fail(path + ": mode is negative");
  auto r = ctx.fs.chmod(path, static_cast<uint32_t>(mode));
  if (!r)
    return fail_errno(r.error().errnum,
                      path + ": 0" + files::octal(static_cast<uint32_t>(mode)));
  return {};
}

// -1 for owner or group leaves it unchanged, as chown(2) does.
Result<void> chown(Ctx& ctx, int32_t owner, int32_t group, const std::string& path) {
  auto r = ctx.fs.chown(path, owner, group, true);
  if (!r)
    return fail_errno(r.error().errnum,
                      path + ": " + std::to_string(owner) + "." + std::to_string(group));
  return {};
}

Result<void> truncate_size(Ctx& ctx, const std::string& path, int64_t size) {
  return ctx.fs.truncate(path, size);  // names the failing step itself
}

Result<void> lchown(Ctx& ctx, int32_t owner, int32_t group, const std::string& path) {
  auto r = ctx.fs.chown(path, owner, group, false);
  if (!r)
    return fail_errno(r.error().errnum,
                      path + ": " + std::to_string(owner) + "." + std::to_string(group));
  return {};
}

namespace {

// utimensat(2)'s markers (Linux values); the API spells them -1 and -2.
constexpr int64_t kUtimeNow = (int64_t{1} << 30) - 1;
constexpr int64_t kUtimeOmit = (int64_t{1} << 30) - 2;

int64_t kernel_nsec(int64_t nsec) {
  if (nsec == -1) return kUtimeNow;
  if (nsec == -2) return kUtimeOmit;
  return nsec;  // anything else goes to the kernel as it is, to accept or refuse
}

}  // namespace

// Never follows a final symlink: the link's own times change.
Result<void> utimens(Ctx& ctx, const std::string& path, int64_t atsecs, int64_t atnsecs,
                     int64_t mtsecs, int64_t mtnsecs) {
  auto r = ctx.fs.set_times(path, atsecs, kernel_nsec(atnsecs), mtsecs, kernel_nsec(mtnsecs));
  if (!r) return fail_errno(r.error().errnum, "utimensat: " + path);
  return {};
}

Result<std::string> mktemp(Ctx& ctx, const std::string& tmpl, const api::opt::mktemp& opts) {
  std::string dest = tmpl;
  size_t suffix_len = 0;
  if (opts.suffix) {
    if (tmpl.empty() || tmpl.back() != 'X') return fail("template " + tmpl + " must end in X");
    dest += *opts.suffix;
    suffix_len = opts.suffix->size();
  }
  return ctx.fs.make_temp(dest, suffix_len);  // its error names the file it tried
}

Result<int64_t> filesize(Ctx& ctx, const std::string& path) {
  auto st = ctx.fs.stat(path, true);
  if (!st) return fail_errno(st.error().errnum, path);
  return st->size;
}

Result<int32_t> umask(Ctx& ctx, int32_t mask) {
  if (mask < 0 || mask > 0777)
    return fail("0" + files::octal(static_cast<uint32_t>(mask)) +
                ": mask negative or out of range");
  return static_cast<int32_t>(ctx.fs.set_umask(static_cast<uint32_t>(mask)));
}

// Reading the umask means setting it; the old value goes straight back.
Result<int32_t> get_umask(Ctx& ctx) {
  const uint32_t old = ctx.fs.set_umask(022);
  ctx.fs.set_umask(old);
  return static_cast<int32_t>(old);
}

// sync(2) issues no barrier: the guest disks are flushed as well. Never fails.
Result<void> sync(Ctx& ctx) {
  sync_disks(ctx);
  return {};
}

}  // namespace gfsd::domain
