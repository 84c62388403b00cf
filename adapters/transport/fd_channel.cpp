#include "adapters/transport/fd_channel.hpp"

#include <cerrno>
#include <chrono>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace gfsd::adapters {

namespace {

bool fd_is_socket(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

}  // namespace

FdChannel::FdChannel(int fd, bool owns, std::string name)
    : fd_(fd), owns_(owns), is_socket_(fd_is_socket(fd)), name_(std::move(name)) {}

FdChannel::~FdChannel() {
  if (owns_ && fd_ >= 0) ::close(fd_);
}

Result<size_t> FdChannel::read(void* buf, size_t n) {
  for (;;) {
    const ssize_t r = ::read(fd_, buf, n);
    if (r >= 0) return static_cast<size_t>(r);
    if (errno != EINTR) return fail_errno(errno, "read: " + name_);
  }
}

Result<void> FdChannel::write_all(const void* buf, size_t n) {
  const char* p = static_cast<const char*>(buf);
  while (n > 0) {
    // send(MSG_NOSIGNAL) keeps a vanished peer from killing us with SIGPIPE
    // even if the caller forgot to ignore it; other fd kinds need write(2).
    const ssize_t w = is_socket_ ? ::send(fd_, p, n, MSG_NOSIGNAL) : ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return fail_errno(errno, "write: " + name_);
    }
    if (w == 0) return fail_with(EIO, "write: " + name_ + ": short write");
    p += w;
    n -= static_cast<size_t>(w);
  }
  return {};
}

bool FdChannel::readable(int timeout_ms) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms < 0 ? 0 : timeout_ms);
  for (;;) {
    struct pollfd pfd {};
    pfd.fd = fd_;
    pfd.events = POLLIN;
    int wait_ms = timeout_ms;
    if (timeout_ms > 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      wait_ms = left.count() > 0 ? static_cast<int>(left.count()) : 0;
    }
    const int r = ::poll(&pfd, 1, wait_ms);
    if (r > 0) return true;  // POLLIN, POLLHUP, POLLERR, POLLNVAL: read() will tell
    if (r == 0) return false;
    if (errno == EINTR) continue;
    // A broken poll: say "readable" so the following read() reports the error
    // instead of the caller waiting forever.
    return true;
  }
}

}  // namespace gfsd::adapters
