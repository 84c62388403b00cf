#include "adapters/posix/posix_filesystem.hpp"

#include <cerrno>
#include <cstring>
#include <functional>
#include <optional>
#include <random>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <linux/limits.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "adapters/posix/fd_file.hpp"
#include "adapters/posix/sysroot_paths.hpp"

namespace gfsd::adapters {

using namespace sysroot;

namespace {

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
    return fail_errno_at(errno, path);
  }
  RemoveError err;
  if (!t.whole) {
    remove_entry(t.fd.get(), t.name, path, err);
  } else if (!t.name.empty()) {
    return fail_errno_at(EINVAL, path);  // rm refuses "." and ".."
  } else {
    // The root: empty it; the directory itself is the mount point.
    UniqueFd dir(::openat(t.fd.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir) return fail_errno_at(errno, path);
    remove_children(dir.get(), "/", err);
    err.note(EBUSY, path);
  }
  if (err.errnum != 0) return fail_errno_at(err.errnum, err.path);
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

namespace {

// Where the X's of a temporary name's template are, once it is known to be valid.
struct TempTemplate {
  Split split;
  size_t xname = 0;  // in split.name
  size_t xpath = 0;  // in the whole guest path
};

// mkstemps / mkdtemp's rule: the name ends in "XXXXXX" and then the suffix.
bool parse_temp_template(const std::string& tmpl, size_t suffix_len, TempTemplate& t) {
  t.split = split_path(tmpl);
  const std::string& name = t.split.name;
  if (t.split.trailing_slash || is_dot_name(name) || name.size() < 6 + suffix_len) return false;
  t.xname = name.size() - suffix_len - 6;
  if (name.compare(t.xname, 6, "XXXXXX") != 0) return false;
  t.xpath = tmpl.size() - suffix_len - 6;
  return true;
}

// Tries random names in the template's directory until `create` (an *at()
// call on the directory's descriptor) makes one that did not exist. Returns
// the guest path made; on failure `err` is the errno and `tried` the last
// guest path tried.
std::optional<std::string> create_unique(const std::string& root, const std::string& tmpl,
                                         const TempTemplate& t,
                                         const std::function<bool(int, const char*)>& create,
                                         std::string& tried, int& err) {
  static constexpr char kChars[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::random_device rd;
  std::mt19937_64 gen((static_cast<uint64_t>(rd()) << 32) ^ rd());
  tried = tmpl;
  std::string name = t.split.name;
  auto fill = [&] {
    for (size_t i = 0; i < 6; ++i) {
      const char c = kChars[gen() % (sizeof kChars - 1)];
      tried[t.xpath + i] = c;
      name[t.xname + i] = c;
    }
  };

  fill();
  UniqueFd dir(resolve(root, t.split.parent, O_PATH | O_DIRECTORY));
  if (!dir) {
    err = errno;
    return std::nullopt;
  }
  for (int attempt = 0; attempt < 10000; ++attempt) {
    if (attempt > 0) fill();
    if (create(dir.get(), name.c_str())) return tried;
    if (errno != EEXIST) {
      err = errno;
      return std::nullopt;
    }
  }
  err = EEXIST;
  return std::nullopt;
}

}  // namespace

Result<std::string> PosixFilesystem::make_temp(const std::string& tmpl, size_t suffix_len) {
  TempTemplate t;
  if (!parse_temp_template(tmpl, suffix_len, t)) return fail_errno(EINVAL, tmpl);
  auto create_file = [](int dirfd, const char* name) {
    UniqueFd fd(::openat(dirfd, name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    return static_cast<bool>(fd);
  };
  std::string tried;
  int err = 0;
  auto made = create_unique(root_, tmpl, t, create_file, tried, err);
  if (!made) return fail_errno(err, tried);  // mkstemps leaves the name it tried
  return *made;
}

Result<std::string> PosixFilesystem::make_temp_dir(const std::string& tmpl) {
  TempTemplate t;
  if (!parse_temp_template(tmpl, 0, t)) return fail_errno(EINVAL, tmpl);
  auto create_dir = [](int dirfd, const char* name) { return ::mkdirat(dirfd, name, 0700) == 0; };
  std::string tried;
  int err = 0;
  auto made = create_unique(root_, tmpl, t, create_dir, tried, err);
  if (!made) return fail_errno(err, tmpl);
  return *made;
}

uint32_t PosixFilesystem::set_umask(uint32_t mask) {
  return static_cast<uint32_t>(::umask(static_cast<mode_t>(mask)));
}

Result<void> PosixFilesystem::sync() {
  ::sync();
  return {};
}

}  // namespace gfsd::adapters
