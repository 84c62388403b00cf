// stat-like actions.
#include <cerrno>
#include <string>
#include <vector>

#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

namespace {

api::Statns to_statns(const ports::FileStat& s) {
  api::Statns r;
  r.st_dev = s.dev;
  r.st_ino = s.ino;
  r.st_mode = s.mode;
  r.st_nlink = s.nlink;
  r.st_uid = s.uid;
  r.st_gid = s.gid;
  r.st_rdev = s.rdev;
  r.st_size = s.size;
  r.st_blksize = s.blksize;
  r.st_blocks = s.blocks;
  r.st_atime_sec = s.atime_sec;
  r.st_atime_nsec = s.atime_nsec;
  r.st_mtime_sec = s.mtime_sec;
  r.st_mtime_nsec = s.mtime_nsec;
  r.st_ctime_sec = s.ctime_sec;
  r.st_ctime_nsec = s.ctime_nsec;
  return r;  // the spare fields stay 0
}

Result<api::Statns> stat_path(Ctx& ctx, const std::string& path, bool follow) {
  auto st = ctx.fs.stat(path, follow);
  if (!st) return fail_errno(st.error().errnum, path);
  return to_statns(*st);
}

}  // namespace

Result<api::Statns> statns(Ctx& ctx, const std::string& path) { return stat_path(ctx, path, true); }

Result<api::Statns> lstatns(Ctx& ctx, const std::string& path) {
  return stat_path(ctx, path, false);
}

// One entry per name, in order; a name that cannot be stat'ed gets st_ino -1
// and zeros elsewhere (the library expects failures here).
Result<std::vector<api::Statns>> internal_lstatnslist(Ctx& ctx, const std::string& path,
                                                      const std::vector<std::string>& names) {
  auto dir = ctx.fs.stat(path, true);
  if (!dir) return fail_errno(dir.error().errnum, path);
  if (!files::has_type(dir->mode, files::kTypeDirectory)) return fail_errno(ENOTDIR, path);
  std::vector<api::Statns> out;
  out.reserve(names.size());
  for (const auto& name : names) {
    auto st = ctx.fs.stat(files::join_path(path, name), false);
    if (st) {
      out.push_back(to_statns(*st));
    } else {
      api::Statns missing;
      missing.st_ino = -1;
      out.push_back(missing);
    }
  }
  return out;
}

Result<api::Statvfs> statvfs(Ctx& ctx, const std::string& path) {
  auto s = ctx.fs.statvfs(path);
  if (!s) return fail_errno(s.error().errnum, "statvfs: " + path);
  api::Statvfs r;
  r.bsize = s->bsize;
  r.frsize = s->frsize;
  r.blocks = s->blocks;
  r.bfree = s->bfree;
  r.bavail = s->bavail;
  r.files = s->files;
  r.ffree = s->ffree;
  r.favail = s->favail;
  r.fsid = s->fsid;
  r.flag = s->flag;
  r.namemax = s->namemax;
  return r;
}

}  // namespace gfsd::domain
