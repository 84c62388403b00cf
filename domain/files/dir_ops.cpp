// Directory actions: create, remove, list.
#include <cerrno>
#include <string>
#include <vector>

#include "domain/core/run_tool.hpp"
#include "domain/files/file_actions.hpp"

namespace gfsd::domain {

Result<void> mkdir(Ctx& ctx, const std::string& path) {
  auto r = ctx.fs.mkdir(path, 0777);
  if (!r) return fail_errno(r.error().errnum, path);
  return {};
}

Result<void> mkdir_mode(Ctx& ctx, const std::string& path, int32_t mode) {
  if (mode < 0) return fail(path + ": mode is negative");
  auto r = ctx.fs.mkdir(path, static_cast<uint32_t>(mode));  // the umask applies
  if (!r) return fail_errno(r.error().errnum, path);
  return {};
}

namespace {

enum class MkdirOutcome { Ok, Failed, NotADirectory };

// mkdir, creating missing parents first. Something that exists must be a real
// directory: a symlink to one counts as "not a directory", as in the original.
MkdirOutcome make_dirs(Ctx& ctx, const std::string& path, int& errnum) {
  bool made_parent = false;
  for (;;) {
    auto r = ctx.fs.mkdir(path, 0777);
    if (r) return MkdirOutcome::Ok;
    const int e = r.error().errnum;
    if (e == EEXIST) {
      auto st = ctx.fs.stat(path, false);
      if (!st) {
        errnum = st.error().errnum;
        return MkdirOutcome::Failed;
      }
      return files::has_type(st->mode, files::kTypeDirectory) ? MkdirOutcome::Ok
                                                              : MkdirOutcome::NotADirectory;
    }
    const size_t slash = path.rfind('/');
    // One parent attempt only; the root ("/", or the parent of "/x") always exists.
    if (made_parent || e != ENOENT || slash == std::string::npos || slash == 0) {
      errnum = e;
      return MkdirOutcome::Failed;
    }
    made_parent = true;
    const std::string parent = path.substr(0, slash);
    const auto outcome = make_dirs(ctx, parent, errnum);
    if (outcome != MkdirOutcome::Ok) return outcome;
  }
}

}  // namespace

Result<void> mkdir_p(Ctx& ctx, const std::string& path) {
  int errnum = 0;
  switch (make_dirs(ctx, path, errnum)) {
    case MkdirOutcome::Ok:
      return {};
    case MkdirOutcome::NotADirectory:
      return fail(path + ": a path element was not a directory");
    case MkdirOutcome::Failed:
      break;
  }
  return fail_errno(errnum, path);
}

Result<void> rmdir(Ctx& ctx, const std::string& path) {
  auto r = ctx.fs.rmdir(path);
  if (!r) return fail_errno(r.error().errnum, path);
  return {};
}

// FileOut: every name followed by '\0'. Listing first means no error can come
// after the reply has gone.
Result<void> ls0(Ctx& ctx, const std::string& dir) {
  auto names = ctx.fs.list_dir(dir);
  if (!names) return fail_errno(names.error().errnum, "opendir: " + dir);
  if (!ctx.download) return fail("internal error: ls0 without a download stream");
  GFSD_TRY(ctx.download->start());
  for (const auto& n : *names) GFSD_TRY(ctx.download->write(n.c_str(), n.size() + 1));
  return ctx.download->finish();
}

namespace {

// The letters the original uses for d_type.
char ftyp_letter(ports::EntryType t) {
  switch (t) {
    case ports::EntryType::BlockDevice:
      return 'b';
    case ports::EntryType::CharDevice:
      return 'c';
    case ports::EntryType::Directory:
      return 'd';
    case ports::EntryType::Fifo:
      return 'f';
    case ports::EntryType::Symlink:
      return 'l';
    case ports::EntryType::Regular:
      return 'r';
    case ports::EntryType::Socket:
      return 's';
    case ports::EntryType::Unknown:
      return 'u';
    case ports::EntryType::Other:
      break;
  }
  return '?';
}

}  // namespace

// Every entry as the directory lists it, "." and ".." included, unsorted.
Result<std::vector<api::Dirent>> readdir(Ctx& ctx, const std::string& dir) {
  auto entries = ctx.fs.read_dir(dir);
  if (!entries) return fail_errno(entries.error().errnum, "opendir: " + dir);
  std::vector<api::Dirent> out;
  out.reserve(entries->size());
  for (auto& e : *entries) out.push_back({e.ino, ftyp_letter(e.type), std::move(e.name)});
  return out;
}

namespace {

// "ls <flags>" of the resolved path, run outside the guest on the guest path
// (which the runner resolves inside the sysroot; its output names it
// <sysroot><realpath> as before). ll and llz differ only in the flags.
Result<std::string> long_listing(Ctx& ctx, const std::string& path, const std::string& flags) {
  auto real = ctx.fs.realpath(path);
  if (!real) return fail_errno(real.error().errnum, path);
  // ls -l does not follow its argument, but it opens a directory by name after
  // it looked at it: a directory goes whole (pinned by the runner), so that
  // the name cannot be swapped for a link to the appliance in between. (The
  // canonical name ends in no symlink; if it has become one since, what it
  // leads to inside decides.)
  std::string arg = *real;
  auto st = ctx.fs.stat(arg, true);
  if (st && files::has_type(st->mode, files::kTypeDirectory) && arg != "/") arg += "/";
  ports::RunOptions opts;
  opts.guest_args = {{2, ports::GuestArg::Last::AsIs}};
  return run_or_fail_stderr(ctx, {"ls", flags, arg}, opts);
}

}  // namespace

Result<std::string> ll(Ctx& ctx, const std::string& path) { return long_listing(ctx, path, "-la"); }

// Deprecated: ll with SELinux contexts.
Result<std::string> llz(Ctx& ctx, const std::string& path) {
  return long_listing(ctx, path, "-laZ");
}

}  // namespace gfsd::domain
