#include "adapters/yara/rules_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace gfsd::adapters {

Result<std::unique_ptr<HostRulesFile>> HostRulesFile::create() {
  // The original's name pattern, so that "write error: <name>" reads the same.
  char name[] = "/tmp/yaraXXXXXX";
  const int fd = ::mkostemp(name, O_CLOEXEC);
  if (fd < 0) return fail_with(errno, "");
  return std::unique_ptr<HostRulesFile>(new HostRulesFile(fd, name));
}

HostRulesFile::~HostRulesFile() {
  if (fd_ >= 0) ::close(fd_);
  ::unlink(path_.c_str());
}

Result<size_t> HostRulesFile::read(char*, size_t) { return fail_with(EBADF, ""); }

Result<void> HostRulesFile::write(const char* buf, size_t n) {
  if (fd_ < 0) return fail_with(EBADF, "");
  while (n > 0) {
    const ssize_t k = ::write(fd_, buf, n);
    if (k < 0) {
      if (errno == EINTR) continue;
      return fail_with(errno, "");
    }
    buf += k;
    n -= static_cast<size_t>(k);
  }
  return {};
}

Result<void> HostRulesFile::seek(int64_t) { return fail_with(ESPIPE, ""); }

Result<void> HostRulesFile::close() {
  if (fd_ < 0) return {};
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return fail_with(errno, "");
  return {};
}

}  // namespace gfsd::adapters
