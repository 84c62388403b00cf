#include "adapters/posix/fd_file.hpp"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace gfsd::adapters {

int open_flags(ports::OpenFor how) {
  const int common = O_CLOEXEC | O_NOCTTY;
  switch (how) {
    case ports::OpenFor::Read:
      return O_RDONLY | common;
    case ports::OpenFor::WriteTruncate:
      return O_WRONLY | O_CREAT | O_TRUNC | common;
    case ports::OpenFor::WriteAppend:
      return O_WRONLY | O_CREAT | O_APPEND | common;
    case ports::OpenFor::WriteExisting:
      return O_WRONLY | common;
    case ports::OpenFor::WriteCreate:
      return O_WRONLY | O_CREAT | common;
  }
  return O_RDONLY | common;
}

FdFile::~FdFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<size_t> FdFile::read(char* buf, size_t n) {
  for (;;) {
    const ssize_t r = ::read(fd_, buf, n);
    if (r >= 0) return static_cast<size_t>(r);
    if (errno != EINTR) return fail_errno(errno, "read: " + name_);
  }
}

Result<void> FdFile::write(const char* buf, size_t n) {
  while (n > 0) {
    const ssize_t r = ::write(fd_, buf, n);
    if (r < 0) {
      if (errno == EINTR) continue;
      return fail_errno(errno, "write: " + name_);
    }
    buf += r;
    n -= static_cast<size_t>(r);
  }
  return {};
}

Result<void> FdFile::seek(int64_t offset) {
  if (::lseek(fd_, offset, SEEK_SET) < 0) return fail_errno(errno, "lseek: " + name_);
  return {};
}

Result<void> FdFile::close() {
  const int fd = fd_;
  fd_ = -1;
  if (fd >= 0 && ::close(fd) < 0) return fail_errno(errno, "close: " + name_);
  return {};
}

}  // namespace gfsd::adapters
