#include "adapters/posix/sysroot_paths.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>

namespace gfsd::adapters::sysroot {

namespace {

// Magic links are refused too: a guest's /proc/self/root must not lead out.
constexpr uint64_t kResolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;

}  // namespace

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

int resolve(const std::string& root, const std::string& path, int flags, mode_t mode) {
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

}  // namespace gfsd::adapters::sysroot
