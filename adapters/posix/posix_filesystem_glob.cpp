// glob(3) confined to the sysroot: glibc's GLOB_ALTDIRFUNC lets every
// directory read and stat go through the openat2-based resolution, so the
// pattern's absolute paths and symlinks stay inside the guest.
#include <dirent.h>
#include <fcntl.h>
#include <glob.h>
#include <sys/stat.h>

#include <cerrno>

#include "adapters/posix/posix_filesystem.hpp"
#include "adapters/posix/sysroot_paths.hpp"

namespace gfsd::adapters {

using namespace sysroot;

namespace {

// glob's callbacks carry no user data: the root of the call in progress.
thread_local const std::string* glob_root = nullptr;

void* glob_opendir(const char* path) {
  const int fd = resolve(*glob_root, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  DIR* d = ::fdopendir(fd);
  if (d == nullptr) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
  }
  return d;
}

void* glob_readdir(void* dir) { return ::readdir(static_cast<DIR*>(dir)); }

void glob_closedir(void* dir) { ::closedir(static_cast<DIR*>(dir)); }

int glob_stat(const char* path, struct stat* st) {
  UniqueFd fd(resolve(*glob_root, path, O_PATH | O_CLOEXEC));
  if (!fd) return -1;
  return ::fstatat(fd.get(), "", st, AT_EMPTY_PATH);
}

int glob_lstat(const char* path, struct stat* st) {
  Target t;
  if (!locate(*glob_root, path, true, t)) return -1;
  return stat_target(t, st);
}

}  // namespace

Result<std::vector<std::string>> PosixFilesystem::glob(const std::string& pattern, bool mark) {
  glob_t g{};
  g.gl_opendir = glob_opendir;
  g.gl_readdir = reinterpret_cast<struct dirent* (*)(void*)>(glob_readdir);
  g.gl_closedir = glob_closedir;
  g.gl_stat = glob_stat;
  g.gl_lstat = glob_lstat;
  int flags = GLOB_BRACE | GLOB_ALTDIRFUNC;
  if (mark) flags |= GLOB_MARK;

  glob_root = &root_;
  errno = 0;
  const int r = ::glob(pattern.c_str(), flags, nullptr, &g);
  const int err = errno;
  glob_root = nullptr;

  std::vector<std::string> out;
  if (r == 0)
    for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
  ::globfree(&g);
  if (r == 0 || r == GLOB_NOMATCH) return out;
  if (err != 0) return fail_errno(err, pattern);
  return fail("glob failed: " + pattern);
}

}  // namespace gfsd::adapters
