#include "adapters/posix/linux_inotify.hpp"

#include <fcntl.h>
#include <limits.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace gfsd::adapters {

namespace {

static_assert(ports::kInotifyDontFollow == IN_DONT_FOLLOW);

constexpr const char* kMaxQueuedEvents = "/proc/sys/fs/inotify/max_queued_events";
// One read(2) takes everything the kernel has queued, as the original's did
// (into a static 64 MiB buffer): the domain checks its reply's room between
// reads, so how much one read takes decides what one reply holds. The buffer
// here is sized by FIONREAD for each read and dropped afterwards, never less
// than one event of the longest name (a smaller read fails with EINVAL).
constexpr size_t kLargestRead = 64 * 1024 * 1024;
constexpr size_t kSmallestRead = sizeof(struct inotify_event) + NAME_MAX + 1;

}  // namespace

Result<void> decode_inotify_events(const char* bytes, size_t len, size_t& consumed,
                                   std::vector<ports::InotifyEvent>& out) {
  consumed = 0;
  while (len - consumed >= sizeof(struct inotify_event)) {
    struct inotify_event head;
    std::memcpy(&head, bytes + consumed, sizeof head);  // the buffer is not aligned for it
    if (len - consumed - sizeof head < head.len) break;  // its name is still to come
    if (head.len > PATH_MAX)
      return fail("event->len = " + std::to_string(head.len) + " > PATH_MAX");
    const char* name = bytes + consumed + sizeof head;
    ports::InotifyEvent e;
    e.wd = head.wd;
    e.mask = head.mask;
    e.cookie = head.cookie;
    e.name.assign(name, ::strnlen(name, head.len));
    out.push_back(std::move(e));
    consumed += sizeof head + head.len;
  }
  return {};
}

LinuxInotify::~LinuxInotify() {
  if (fd_ >= 0) ::close(fd_);
}

Result<void> LinuxInotify::set_max_queued_events(int32_t n) {
  const int fd = ::open(kMaxQueuedEvents, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return fail_with(errno, "");
  // What the kernel makes of the number is not checked, as the original's
  // unchecked stdio write.
  const std::string text = std::to_string(n) + "\n";
  [[maybe_unused]] const ssize_t written = ::write(fd, text.data(), text.size());
  ::close(fd);
  return {};
}

Result<void> LinuxInotify::open() {
  if (fd_ >= 0) return fail_with(EBUSY, "");
  const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return fail_with(errno, "");
  fd_ = fd;
  held_ = 0;
  return {};
}

Result<void> LinuxInotify::close() {
  if (fd_ < 0) return fail_with(EBADF, "");
  const int fd = fd_;
  // Linux releases the descriptor even when close(2) fails: never close it twice.
  fd_ = -1;
  held_ = 0;
  buffer_ = {};
  if (::close(fd) == -1) return fail_with(errno, "");
  return {};
}

Result<int64_t> LinuxInotify::add_watch(const std::string& host_path, uint32_t mask) {
  if (fd_ < 0) return fail_with(EBADF, "");
  const int wd = ::inotify_add_watch(fd_, host_path.c_str(), mask);
  if (wd < 0) return fail_with(errno, "");
  return static_cast<int64_t>(wd);
}

Result<void> LinuxInotify::rm_watch(int32_t wd) {
  if (fd_ < 0) return fail_with(EBADF, "");
  if (::inotify_rm_watch(fd_, wd) == -1) return fail_with(errno, "");
  return {};
}

Result<std::vector<ports::InotifyEvent>> LinuxInotify::read_queued() {
  if (fd_ < 0) return fail_errno(EBADF, "read");
  int queued = 0;
  size_t want = kSmallestRead;
  if (::ioctl(fd_, FIONREAD, &queued) == 0 && static_cast<size_t>(queued) > want)
    want = std::min(static_cast<size_t>(queued), kLargestRead);
  buffer_.resize(held_ + want);
  std::vector<ports::InotifyEvent> out;
  ssize_t n;
  do {
    n = ::read(fd_, buffer_.data() + held_, want);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK) return out;  // nothing queued
    return fail_errno(errno, "read");
  }
  if (n == 0) return fail("unexpected end of file");
  held_ += static_cast<size_t>(n);
  size_t consumed = 0;
  auto decoded = decode_inotify_events(buffer_.data(), held_, consumed, out);
  if (!decoded) return forward(decoded.error());
  std::memmove(buffer_.data(), buffer_.data() + consumed, held_ - consumed);
  held_ -= consumed;
  // Memory stays flat between calls: only an incomplete event is kept.
  buffer_.resize(held_);
  buffer_.shrink_to_fit();
  return out;
}

}  // namespace gfsd::adapters
