// Resolution of guest paths inside the sysroot, shared by the
// PosixFilesystem translation units: openat2(RESOLVE_IN_ROOT) on a freshly
// opened sysroot fd, and the parent-fd + last-name targets of no-follow calls.
#pragma once

#include <cerrno>
#include <string>
#include <utility>

#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

namespace gfsd::adapters::sysroot {

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

// openat2 below an open root fd, every component confined to it (absolute
// symlinks and ".." stop at the root; magic links are refused).
int openat2_in_root(int rootfd, const std::string& path, int flags, mode_t mode);

// Opens a guest path, following every symlink, confined to root. -1 + errno on failure.
int resolve(const std::string& root, const std::string& path, int flags, mode_t mode = 0);

std::string proc_fd(int fd);
bool is_dot_name(const std::string& name);
std::string join(const std::string& dir, const std::string& name);

struct Split {
  std::string parent;
  std::string name;  // "" for the root
  bool trailing_slash = false;
};

Split split_path(const std::string& path);

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
            Target& t);

// Where a new entry goes (or an entry that is renamed or linked, whose last
// component is never followed): its parent and last component. A trailing
// slash stays on the name so that the kernel applies its own rules to it.
// "/", "." and ".." are whole: they name existing directories.
bool locate_entry(const std::string& root, const std::string& path, Target& t);

int stat_target(const Target& t, struct stat* st);

}  // namespace gfsd::adapters::sysroot
