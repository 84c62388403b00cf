#include "adapters/posix/posix_filesystem.hpp"

#include <cerrno>
#include <cstring>
#include <random>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <linux/limits.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "adapters/posix/fd_file.hpp"

namespace gfsd::adapters {

namespace {

// Closes on scope exit without clobbering the errno being reported.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd() { reset(); }
  UniqueFd(UniqueFd&& o) noexcept : fd_(o.release()) {}
  UniqueFd& operator=(UniqueFd&& o) noexcept {
    if (this != &o) {
      reset();
      fd_ = o.release();
    }
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  int release() { return std::exchange(fd_, -1); }
  void reset() {
    if (fd_ < 0) return;
    const int saved = errno;
    ::close(fd_);
    errno = saved;
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// Magic links are refused too: a guest's /proc/self/root must not lead out.
constexpr uint64_t kResolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;

// openat2 fails with EAGAIN when a rename or mount raced with the lookup.
int openat2_in_root(int rootfd, const std::string& path, int flags, mode_t mode) {
  open_how how{};
  how.flags = static_cast<uint64_t>(flags | O_CLOEXEC);
  how.mode = (flags & O_CREAT) ? mode : 0;
  how.resolve = kResolve;
  for (int attempt = 0; attempt < 64; ++attempt) {
    const long fd = ::syscall(SYS_openat2, rootfd, path.c_str(), &how, sizeof how);
    if (fd >= 0) return static_cast<int>(fd);
    if (errno != EAGAIN && errno != EINTR) return -1;
  }
  return -1;
}

// Opens a guest path, following every symlink, confined to root. -1 + errno on failure.
int resolve(const std::string& root, const std::string& path, int flags, mode_t mode = 0) {
  UniqueFd rootfd(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (!rootfd) return -1;
  return openat2_in_root(rootfd.get(), path, flags, mode);
}

std::string proc_fd(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

bool is_dot_name(const std::string& name) { return name.empty() || name == "." || name == ".."; }

std::string join(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

struct Split {
  std::string parent;
  std::string name;  // "" for the root
  bool trailing_slash = false;
};

Split split_path(const std::string& path) {
  Split s;
  size_t end = path.size();
  while (end > 0 && path[end - 1] == '/') --end;
  s.trailing_slash = end > 0 && end < path.size();
  if (end == 0) {
    s.parent = "/";
    return s;
  }
  const size_t slash = path.rfind('/', end - 1);
  if (slash == std::string::npos) {
    s.parent = "/";
    s.name = path.substr(0, end);
  } else {
    s.parent = slash == 0 ? "/" : path.substr(0, slash);
    s.name = path.substr(slash + 1, end - slash - 1);
  }
  return s;
}

// Where a no-follow operation acts: the last component inside its parent, or
// the entry itself when it cannot be a symlink ("/", ".", ".." or, where the
// caller asks, a trailing slash, which makes the kernel follow anyway).
// Handing "." or ".." to an *at() call on the sysroot would step outside it.
struct Target {
  UniqueFd fd;
  std::string name;
  bool whole = false;
};

bool locate(const std::string& root, const std::string& path, bool whole_on_trailing_slash,
            Target& t) {
  if (path.empty()) {
    errno = ENOENT;
    return false;
  }
  Split s = split_path(path);
  t.name = std::move(s.name);
  t.whole = is_dot_name(t.name) || (s.trailing_slash && whole_on_trailing_slash);
  t.fd = UniqueFd(t.whole ? resolve(root, path, O_PATH)
                          : resolve(root, s.parent, O_PATH | O_DIRECTORY));
  return static_cast<bool>(t.fd);
}

// Where a new entry goes (or an entry that is renamed or linked, whose last
// component is never followed): its parent and last component. A trailing
// slash stays on the name so that the kernel applies its own rules to it.
// "/", "." and ".." are whole: they name existing directories.
bool locate_entry(const std::string& root, const std::string& path, Target& t) {
  if (path.empty()) {
    errno = ENOENT;
    return false;
  }
  Split s = split_path(path);
  t.whole = is_dot_name(s.name);
  t.name = s.trailing_slash && !t.whole ? s.name + "/" : std::move(s.name);
  t.fd = UniqueFd(t.whole ? resolve(root, path, O_PATH)
                          : resolve(root, s.parent, O_PATH | O_DIRECTORY));
  return static_cast<bool>(t.fd);
}

int stat_target(const Target& t, struct stat* st) {
  if (t.whole) return ::fstatat(t.fd.get(), "", st, AT_EMPTY_PATH);
  return ::fstatat(t.fd.get(), t.name.c_str(), st, AT_SYMLINK_NOFOLLOW);
}

// A path the l*xattr calls can use: the parent reached through its descriptor.
// For a whole target the (non-symlink) entry is reached through the magic link,
// which only the following variants traverse.
std::string xattr_path(const Target& t) {
  return t.whole ? proc_fd(t.fd.get()) : proc_fd(t.fd.get()) + "/" + t.name;
}

// The entry an xattr call acts on: what the path leads to (follow: reached
// through the magic link, always whole) or the path's own last component.
bool locate_xattr(const std::string& root, const std::string& path, bool follow, Target& t) {
  if (!follow) return locate(root, path, true, t);
  t.whole = true;
  t.fd = UniqueFd(resolve(root, path, O_PATH));
  return static_cast<bool>(t.fd);
}

// The kernel rejects a bad name, and a set's oversized value, before it
// looks the path up; checking first keeps those errors ahead of ENOENT.
bool xattr_args_ok(const std::string& name, size_t value_size = 0) {
  if (name.empty() || name.size() > XATTR_NAME_MAX) {
    errno = ERANGE;
    return false;
  }
  if (value_size > XATTR_SIZE_MAX) {
    errno = E2BIG;
    return false;
  }
  return true;
}

ports::EntryType to_entry_type(unsigned char d_type) {
  switch (d_type) {
    case DT_REG:
      return ports::EntryType::Regular;
    case DT_DIR:
      return ports::EntryType::Directory;
    case DT_LNK:
      return ports::EntryType::Symlink;
    case DT_BLK:
      return ports::EntryType::BlockDevice;
    case DT_CHR:
      return ports::EntryType::CharDevice;
    case DT_FIFO:
      return ports::EntryType::Fifo;
    case DT_SOCK:
      return ports::EntryType::Socket;
    case DT_UNKNOWN:
      return ports::EntryType::Unknown;
    default:
      return ports::EntryType::Other;
  }
}

ports::FileStat to_file_stat(const struct stat& st) {
  ports::FileStat f;
  f.dev = static_cast<int64_t>(st.st_dev);
  f.ino = static_cast<int64_t>(st.st_ino);
  f.mode = st.st_mode;
  f.nlink = static_cast<int64_t>(st.st_nlink);
  f.uid = st.st_uid;
  f.gid = st.st_gid;
  f.rdev = static_cast<int64_t>(st.st_rdev);
  f.size = st.st_size;
  f.blksize = st.st_blksize;
  f.blocks = st.st_blocks;
  f.atime_sec = st.st_atim.tv_sec;
  f.atime_nsec = st.st_atim.tv_nsec;
  f.mtime_sec = st.st_mtim.tv_sec;
  f.mtime_nsec = st.st_mtim.tv_nsec;
  f.ctime_sec = st.st_ctim.tv_sec;
  f.ctime_nsec = st.st_ctim.tv_nsec;
  return f;
}

ports::FsStat to_fs_stat(const struct statvfs& sv) {
  ports::FsStat f;
  f.bsize = static_cast<int64_t>(sv.f_bsize);
  f.frsize = static_cast<int64_t>(sv.f_frsize);
  f.blocks = static_cast<int64_t>(sv.f_blocks);
  f.bfree = static_cast<int64_t>(sv.f_bfree);
  f.bavail = static_cast<int64_t>(sv.f_bavail);
  f.files = static_cast<int64_t>(sv.f_files);
  f.ffree = static_cast<int64_t>(sv.f_ffree);
  f.favail = static_cast<int64_t>(sv.f_favail);
  f.fsid = static_cast<int64_t>(sv.f_fsid);
  f.flag = static_cast<int64_t>(sv.f_flag);
  f.namemax = static_cast<int64_t>(sv.f_namemax);
  return f;
}

// readlink of /proc/self/fd/N: the host path of what the descriptor names.
bool read_link_at(int dirfd, const char* name, std::string& out) {
  std::string buf(256, '\0');
  for (;;) {
    const ssize_t n = ::readlinkat(dirfd, name, buf.data(), buf.size());
    if (n < 0) return false;
    if (static_cast<size_t>(n) < buf.size()) {
      buf.resize(static_cast<size_t>(n));
      out = std::move(buf);
      return true;
    }
    buf.resize(buf.size() * 2);
  }
}

// Names (or values) come in one buffer; ERANGE means it grew between the calls.
template <class Call>
bool read_sized(Call call, std::string& out) {
  for (int attempt = 0; attempt < 16; ++attempt) {
    const ssize_t need = call(nullptr, 0);
    if (need < 0) return false;
    std::string buf(static_cast<size_t>(need), '\0');
    const ssize_t got = need == 0 ? 0 : call(buf.data(), buf.size());
    if (got >= 0) {
      buf.resize(static_cast<size_t>(got));
      out = std::move(buf);
      return true;
    }
    if (errno != ERANGE) return false;
  }
  errno = ERANGE;
  return false;
}

std::vector<std::string> split_names(const std::string& buf) {
  std::vector<std::string> names;
  size_t pos = 0;
  while (pos < buf.size()) {
    const size_t nul = buf.find('\0', pos);
    const size_t end = nul == std::string::npos ? buf.size() : nul;
    if (end > pos) names.push_back(buf.substr(pos, end - pos));
    pos = end + 1;
  }
  return names;
}

bool read_dir_names(int dirfd, std::vector<std::string>& names) {
  const int dupfd = ::fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
  if (dupfd < 0) return false;
  DIR* d = ::fdopendir(dupfd);
  if (!d) {
    const int saved = errno;
    ::close(dupfd);
    errno = saved;
    return false;
  }
  ::rewinddir(d);
  for (;;) {
    errno = 0;
    const dirent* e = ::readdir(d);
    if (!e) break;
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    names.emplace_back(e->d_name);
  }
  const int err = errno;
  ::closedir(d);
  errno = err;
  return err == 0;
}

bool read_dir_entries(int dirfd, std::vector<ports::DirEntry>& out) {
  const int dupfd = ::fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
  if (dupfd < 0) return false;
  DIR* d = ::fdopendir(dupfd);
  if (!d) {
    const int saved = errno;
    ::close(dupfd);
    errno = saved;
    return false;
  }
  for (;;) {
    errno = 0;
    const dirent* e = ::readdir(d);
    if (!e) break;
    out.push_back({static_cast<int64_t>(e->d_ino), to_entry_type(e->d_type), e->d_name});
  }
  const int err = errno;
  ::closedir(d);
  errno = err;
  return err == 0;
}

// Six random name characters, as mkstemp picks them.
std::string random_chars(std::mt19937_64& gen) {
  static constexpr char kChars[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string out(6, 'x');
  for (auto& c : out) c = kChars[gen() % (sizeof kChars - 1)];
  return out;
}

std::mt19937_64 seeded_generator() {
  std::random_device rd;
  return std::mt19937_64((static_cast<uint64_t>(rd()) << 32) ^ rd());
}

// rm -rf: keeps going after a failure and reports the first one.
struct RemoveError {
  int errnum = 0;
  std::string path;
  void note(int e, const std::string& p) {
    if (errnum != 0) return;
    errnum = e;
    path = p;
  }
};

void remove_entry(int dirfd, const std::string& name, const std::string& guest, RemoveError& err);

void remove_children(int dirfd, const std::string& guest_dir, RemoveError& err) {
  std::vector<std::string> names;
  if (!read_dir_names(dirfd, names)) err.note(errno, guest_dir);
  for (const auto& n : names) remove_entry(dirfd, n, join(guest_dir, n), err);
}

// name is a plain entry of dirfd (no '/', not "." or ".."); nothing is followed.
void remove_entry(int dirfd, const std::string& name, const std::string& guest, RemoveError& err) {
  struct stat st;
  if (::fstatat(dirfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) {
    if (errno != ENOENT) err.note(errno, guest);
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    UniqueFd sub(::openat(dirfd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!sub) {
      if (errno != ENOENT) err.note(errno, guest);
      return;
    }
    remove_children(sub.get(), guest, err);
    sub.reset();
    if (::unlinkat(dirfd, name.c_str(), AT_REMOVEDIR) < 0 && errno != ENOENT)
      err.note(errno, guest);
    return;
  }
  if (::unlinkat(dirfd, name.c_str(), 0) < 0 && errno != ENOENT) err.note(errno, guest);
}

}  // namespace

PosixFilesystem::PosixFilesystem(std::string sysroot)
    : root_(sysroot.empty() ? "/" : std::move(sysroot)) {}

Result<std::unique_ptr<ports::File>> PosixFilesystem::open(const std::string& path,
                                                           ports::OpenFor how,
                                                           uint32_t create_mode) {
  const int fd = resolve(root_, path, open_flags(how), create_mode);
  if (fd < 0) return fail_errno(errno, path);
  return std::unique_ptr<ports::File>(std::make_unique<FdFile>(fd, path));
}

Result<ports::FileStat> PosixFilesystem::stat(const std::string& path, bool follow) {
  struct stat st;
  if (follow) {
    UniqueFd fd(resolve(root_, path, O_PATH));
    if (!fd || ::fstatat(fd.get(), "", &st, AT_EMPTY_PATH) < 0) return fail_errno(errno, path);
    return to_file_stat(st);
  }
  Target t;
  if (!locate(root_, path, true, t) || stat_target(t, &st) < 0) return fail_errno(errno, path);
  return to_file_stat(st);
}

Result<ports::FsStat> PosixFilesystem::statvfs(const std::string& path) {
  UniqueFd fd(resolve(root_, path, O_PATH));
  if (!fd) return fail_errno(errno, path);
  struct statvfs sv;
  if (::fstatvfs(fd.get(), &sv) < 0) return fail_errno(errno, path);
  return to_fs_stat(sv);
}

Result<std::vector<std::string>> PosixFilesystem::list_dir(const std::string& path) {
  UniqueFd fd(resolve(root_, path, O_RDONLY | O_DIRECTORY));
  std::vector<std::string> names;
  if (!fd || !read_dir_names(fd.get(), names)) return fail_errno(errno, path);
  return names;
}

Result<std::vector<ports::DirEntry>> PosixFilesystem::read_dir(const std::string& path) {
  UniqueFd fd(resolve(root_, path, O_RDONLY | O_DIRECTORY));
  std::vector<ports::DirEntry> entries;
  if (!fd || !read_dir_entries(fd.get(), entries)) return fail_errno(errno, path);
  return entries;
}

Result<std::string> PosixFilesystem::readlink(const std::string& path) {
  Target t;
  if (!locate(root_, path, true, t)) return fail_errno(errno, path);
  if (t.whole) return fail_errno(EINVAL, path);  // always a directory
  std::string target;
  if (!read_link_at(t.fd.get(), t.name.c_str(), target)) return fail_errno(errno, path);
  return target;
}

Result<std::vector<std::string>> PosixFilesystem::list_xattr_names(const std::string& path,
                                                                   bool follow) {
  Target t;
  if (!locate_xattr(root_, path, follow, t)) return fail_errno(errno, path);
  const std::string p = xattr_path(t);
  const bool whole = t.whole;
  std::string buf;
  const bool ok = read_sized(
      [&](char* b, size_t n) {
        return whole ? ::listxattr(p.c_str(), b, n) : ::llistxattr(p.c_str(), b, n);
      },
      buf);
  if (!ok) return fail_errno(errno, path);
  return split_names(buf);
}

Result<std::string> PosixFilesystem::get_xattr(const std::string& path, const std::string& name,
                                               bool follow) {
  Target t;
  if (!xattr_args_ok(name) || !locate_xattr(root_, path, follow, t))
    return fail_errno(errno, path);
  const std::string p = xattr_path(t);
  const bool whole = t.whole;
  std::string value;
  const bool ok = read_sized(
      [&](char* b, size_t n) {
        return whole ? ::getxattr(p.c_str(), name.c_str(), b, n)
                     : ::lgetxattr(p.c_str(), name.c_str(), b, n);
      },
      value);
  if (!ok) return fail_errno(errno, path);
  return value;
}

Result<void> PosixFilesystem::set_xattr(const std::string& path, const std::string& name,
                                        const std::string& value, bool follow) {
  Target t;
  if (!xattr_args_ok(name, value.size()) || !locate_xattr(root_, path, follow, t))
    return fail_errno(errno, path);
  const std::string p = xattr_path(t);
  const int r = t.whole ? ::setxattr(p.c_str(), name.c_str(), value.data(), value.size(), 0)
                        : ::lsetxattr(p.c_str(), name.c_str(), value.data(), value.size(), 0);
  if (r < 0) return fail_errno(errno, path);
  return {};
}

Result<void> PosixFilesystem::remove_xattr(const std::string& path, const std::string& name,
                                           bool follow) {
  Target t;
  if (!xattr_args_ok(name) || !locate_xattr(root_, path, follow, t))
    return fail_errno(errno, path);
  const std::string p = xattr_path(t);
  const int r = t.whole ? ::removexattr(p.c_str(), name.c_str())
                        : ::lremovexattr(p.c_str(), name.c_str());
  if (r < 0) return fail_errno(errno, path);
  return {};
}

Result<std::vector<ports::XattrEntry>> PosixFilesystem::list_xattrs(const std::string& path) {
  auto names = list_xattr_names(path, false);
  if (!names) return forward(names.error());
  std::vector<ports::XattrEntry> out;
  for (auto& n : *names) {
    auto value = get_xattr(path, n, false);
    if (!value) return forward(value.error());
    out.push_back({std::move(n), std::move(*value)});
  }
  return out;
}

Result<std::string> PosixFilesystem::realpath(const std::string& path) {
  UniqueFd rootfd(::open(root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (!rootfd) return fail_errno(errno, path);
  UniqueFd fd(openat2_in_root(rootfd.get(), path, O_PATH, 0));
  if (!fd) return fail_errno(errno, path);
  std::string base, host;
  if (!read_link_at(AT_FDCWD, proc_fd(rootfd.get()).c_str(), base) ||
      !read_link_at(AT_FDCWD, proc_fd(fd.get()).c_str(), host))
    return fail_errno(errno, path);
  if (base == "/") return host;
  if (host == base) return std::string("/");
  if (host.size() > base.size() && host.compare(0, base.size(), base) == 0 &&
      host[base.size()] == '/')
    return host.substr(base.size());
  return fail_errno(EXDEV, path);  // cannot happen: resolution stayed inside
}

Result<void> PosixFilesystem::mkdir(const std::string& path, uint32_t mode) {
  Target t;
  if (!locate(root_, path, false, t)) return fail_errno(errno, path);
  if (t.whole) return fail_errno(EEXIST, path);
  if (::mkdirat(t.fd.get(), t.name.c_str(), mode) < 0) return fail_errno(errno, path);
  return {};
}

Result<void> PosixFilesystem::rmdir(const std::string& path) {
  Target t;
  if (!locate(root_, path, false, t)) return fail_errno(errno, path);
  // What rmdir(2) says for these inside a chroot.
  if (t.whole) return fail_errno(t.name.empty() ? EBUSY : t.name == "." ? EINVAL : ENOTEMPTY, path);
  if (::unlinkat(t.fd.get(), t.name.c_str(), AT_REMOVEDIR) < 0) return fail_errno(errno, path);
  return {};
}

Result<void> PosixFilesystem::unlink(const std::string& path) {
  Target t;
  if (!locate(root_, path, true, t)) return fail_errno(errno, path);
  if (t.whole) return fail_errno(EISDIR, path);
  if (::unlinkat(t.fd.get(), t.name.c_str(), 0) < 0) return fail_errno(errno, path);
  return {};
}

Result<void> PosixFilesystem::remove_tree(const std::string& path) {
  Target t;
  if (!locate(root_, path, false, t)) {
    if (errno == ENOENT || errno == ENOTDIR) return {};  // as rm -f
    return fail_errno(errno, path);
  }
  RemoveError err;
  if (!t.whole) {
    remove_entry(t.fd.get(), t.name, path, err);
  } else if (!t.name.empty()) {
    return fail_errno(EINVAL, path);  // rm refuses "." and ".."
  } else {
    // The root: empty it; the directory itself is the mount point.
    UniqueFd dir(::openat(t.fd.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir) return fail_errno(errno, path);
    remove_children(dir.get(), "/", err);
    err.note(EBUSY, path);
  }
  if (err.errnum != 0) return fail_errno(err.errnum, err.path);
  return {};
}

Result<void> PosixFilesystem::symlink(const std::string& target, const std::string& path,
                                      bool replace) {
  Target t;
  if (!locate_entry(root_, path, t)) return fail_errno(errno, path);
  if (t.whole) return fail_errno(EEXIST, path);
  if (!replace) {
    if (::symlinkat(target.c_str(), t.fd.get(), t.name.c_str()) < 0)
      return fail_errno(errno, path);
    return {};
  }
  // Made aside under a fresh name, then renamed over: the old entry never goes missing.
  auto gen = seeded_generator();
  std::string temp;
  for (int attempt = 0;; ++attempt) {
    if (attempt == 10000) return fail_errno(EEXIST, path);
    temp = "Cu" + random_chars(gen);
    if (::symlinkat(target.c_str(), t.fd.get(), temp.c_str()) == 0) break;
    if (errno != EEXIST) return fail_errno(errno, path);
  }
  if (::renameat(t.fd.get(), temp.c_str(), t.fd.get(), t.name.c_str()) < 0) {
    const int err = errno;
    ::unlinkat(t.fd.get(), temp.c_str(), 0);
    return fail_errno(err, path);
  }
  return {};
}

Result<void> PosixFilesystem::link(const std::string& existing, const std::string& path) {
  Target from, to;
  if (!locate_entry(root_, existing, from)) return fail_errno(errno, path);
  if (!locate_entry(root_, path, to)) return fail_errno(errno, path);
  if (to.whole) {
    // The kernel looks the existing file up before it finds the name taken.
    struct stat st;
    if (!from.whole && ::fstatat(from.fd.get(), from.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0)
      return fail_errno(errno, path);
    return fail_errno(EEXIST, path);
  }
  // A whole source is a directory, linked through its own descriptor (the kernel says EPERM).
  const int r = from.whole ? ::linkat(from.fd.get(), "", to.fd.get(), to.name.c_str(),
                                      AT_EMPTY_PATH)
                           : ::linkat(from.fd.get(), from.name.c_str(), to.fd.get(),
                                      to.name.c_str(), 0);
  if (r < 0) return fail_errno(errno, path);
  return {};
}

Result<void> PosixFilesystem::rename(const std::string& from, const std::string& to) {
  Target src, dst;
  if (!locate_entry(root_, from, src) || !locate_entry(root_, to, dst))
    return fail_errno(errno, to);
  // What rename(2) says for "/", "." and "..", on either side.
  if (src.whole || dst.whole) return fail_errno(EBUSY, to);
  if (::renameat(src.fd.get(), src.name.c_str(), dst.fd.get(), dst.name.c_str()) < 0)
    return fail_errno(errno, to);
  return {};
}

Result<void> PosixFilesystem::mknod(const std::string& path, uint32_t mode, uint32_t dev_major,
                                    uint32_t dev_minor) {
  Target t;
  if (!locate_entry(root_, path, t)) return fail_errno(errno, path);
  if (t.whole) return fail_errno(EEXIST, path);
  // glibc refuses (EINVAL) a device number that does not fit the kernel's 32 bits.
  const dev_t dev = makedev(dev_major, dev_minor);
  if (::mknodat(t.fd.get(), t.name.c_str(), static_cast<mode_t>(mode), dev) < 0)
    return fail_errno(errno, path);
  return {};
}

Result<void> PosixFilesystem::chmod(const std::string& path, uint32_t mode) {
  UniqueFd fd(resolve(root_, path, O_PATH));
  // fchmod refuses O_PATH descriptors; the magic link reaches the same inode.
  if (!fd || ::chmod(proc_fd(fd.get()).c_str(), mode) < 0) return fail_errno(errno, path);
  return {};
}

Result<void> PosixFilesystem::chown(const std::string& path, int64_t uid, int64_t gid,
                                    bool follow) {
  const auto u = static_cast<uid_t>(uid);
  const auto g = static_cast<gid_t>(gid);
  if (follow) {
    UniqueFd fd(resolve(root_, path, O_PATH));
    if (!fd || ::fchownat(fd.get(), "", u, g, AT_EMPTY_PATH) < 0) return fail_errno(errno, path);
    return {};
  }
  Target t;
  if (!locate(root_, path, true, t)) return fail_errno(errno, path);
  const int r = t.whole ? ::fchownat(t.fd.get(), "", u, g, AT_EMPTY_PATH)
                        : ::fchownat(t.fd.get(), t.name.c_str(), u, g, AT_SYMLINK_NOFOLLOW);
  if (r < 0) return fail_errno(errno, path);
  return {};
}

Result<std::string> PosixFilesystem::pread(const std::string& path, size_t count,
                                           int64_t offset) {
  UniqueFd fd(resolve(root_, path, O_RDONLY));
  if (!fd) return fail_errno(errno, "open: " + path);
  std::string buf(count, '\0');
  ssize_t n;
  do {
    n = ::pread(fd.get(), buf.data(), count, static_cast<off_t>(offset));
  } while (n < 0 && errno == EINTR);
  if (n < 0) return fail_errno(errno, "pread: " + path);
  if (::close(fd.release()) < 0) return fail_errno(errno, "close: " + path);
  buf.resize(static_cast<size_t>(n));
  return buf;
}

Result<size_t> PosixFilesystem::pwrite(const std::string& path, const std::string& data,
                                       int64_t offset) {
  UniqueFd fd(resolve(root_, path, O_WRONLY));
  if (!fd) return fail_errno(errno, "open: " + path);
  ssize_t n;
  do {
    n = ::pwrite(fd.get(), data.data(), data.size(), static_cast<off_t>(offset));
  } while (n < 0 && errno == EINTR);
  if (n < 0) return fail_errno(errno, "pwrite: " + path);
  if (::close(fd.release()) < 0) return fail_errno(errno, "close: " + path);
  return static_cast<size_t>(n);
}

Result<void> PosixFilesystem::truncate(const std::string& path, int64_t size) {
  UniqueFd fd(resolve(root_, path, O_WRONLY | O_NOCTTY));
  if (!fd) return fail_errno(errno, "open: " + path);
  if (::ftruncate(fd.get(), static_cast<off_t>(size)) < 0)
    return fail_errno(errno, "ftruncate: " + path);
  if (::close(fd.release()) < 0) return fail_errno(errno, "close: " + path);
  return {};
}

Result<void> PosixFilesystem::set_times(const std::string& path, int64_t atime_sec,
                                        int64_t atime_nsec, int64_t mtime_sec,
                                        int64_t mtime_nsec) {
  struct timespec ts[2];
  ts[0].tv_sec = static_cast<time_t>(atime_sec);
  ts[0].tv_nsec = static_cast<long>(atime_nsec);
  ts[1].tv_sec = static_cast<time_t>(mtime_sec);
  ts[1].tv_nsec = static_cast<long>(mtime_nsec);
  Target t;
  if (!locate(root_, path, true, t)) return fail_errno(errno, path);
  const int r = t.whole ? ::utimensat(t.fd.get(), "", ts, AT_EMPTY_PATH)
                        : ::utimensat(t.fd.get(), t.name.c_str(), ts, AT_SYMLINK_NOFOLLOW);
  if (r < 0) return fail_errno(errno, path);
  return {};
}

Result<void> PosixFilesystem::touch(const std::string& path) {
  UniqueFd fd(resolve(root_, path, O_WRONLY | O_CREAT | O_NOCTTY, 0666));
  if (!fd) return fail_errno(errno, "open: " + path);
  if (::futimens(fd.get(), nullptr) < 0) return fail_errno(errno, "futimens: " + path);
  if (::close(fd.release()) < 0) return fail_errno(errno, "close: " + path);
  return {};
}

Result<std::string> PosixFilesystem::make_temp(const std::string& tmpl, size_t suffix_len) {
  const Split s = split_path(tmpl);
  if (s.trailing_slash || is_dot_name(s.name) || s.name.size() < 6 + suffix_len)
    return fail_errno(EINVAL, tmpl);
  const size_t xname = s.name.size() - suffix_len - 6;
  if (s.name.compare(xname, 6, "XXXXXX") != 0) return fail_errno(EINVAL, tmpl);
  const size_t xpath = tmpl.size() - suffix_len - 6;

  static constexpr char kChars[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::random_device rd;
  std::mt19937_64 gen((static_cast<uint64_t>(rd()) << 32) ^ rd());
  std::string guest = tmpl;
  std::string name = s.name;
  auto fill = [&] {
    for (size_t i = 0; i < 6; ++i) {
      const char c = kChars[gen() % (sizeof kChars - 1)];
      guest[xpath + i] = c;
      name[xname + i] = c;
    }
  };

  fill();
  UniqueFd dir(resolve(root_, s.parent, O_PATH | O_DIRECTORY));
  if (!dir) return fail_errno(errno, guest);  // mkstemps leaves the name it tried
  for (int attempt = 0; attempt < 10000; ++attempt) {
    if (attempt > 0) fill();
    UniqueFd fd(::openat(dir.get(), name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (fd) return guest;
    if (errno != EEXIST) return fail_errno(errno, guest);
  }
  return fail_errno(EEXIST, guest);
}

uint32_t PosixFilesystem::set_umask(uint32_t mask) {
  return static_cast<uint32_t>(::umask(static_cast<mode_t>(mask)));
}

Result<void> PosixFilesystem::sync() {
  ::sync();
  return {};
}

}  // namespace gfsd::adapters
