#include "adapters/posix/proc_cmdline.hpp"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace gfsd::adapters {

std::string ProcCmdline::read() {
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  // /proc files report size 0, so read until EOF rather than trusting stat.
  std::string text;
  char buf[4096];
  for (;;) {
    const ssize_t r = ::read(fd, buf, sizeof buf);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    text.append(buf, static_cast<size_t>(r));
  }
  ::close(fd);
  return text;
}

}  // namespace gfsd::adapters
