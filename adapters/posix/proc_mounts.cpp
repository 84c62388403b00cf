#include "adapters/posix/proc_mounts.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sstream>
#include <sys/mount.h>
#include <unistd.h>

namespace gfsd::adapters {

namespace {

// mountinfo escapes space, tab, newline and backslash as \ooo.
std::string unescape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' && s[i + 2] <= '7' &&
        s[i + 3] >= '0' && s[i + 3] <= '7') {
      out += static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::vector<ports::MountEntry> parse_mountinfo(const std::string& text) {
  std::vector<ports::MountEntry> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream f(line);
    std::vector<std::string> fields;
    std::string w;
    while (f >> w) fields.push_back(w);
    // id parent dev root mountpoint options [optional...] - fstype source superopts
    size_t sep = 6;
    while (sep < fields.size() && fields[sep] != "-") ++sep;
    if (fields.size() < 5 || sep + 2 >= fields.size()) continue;
    out.push_back({unescape(fields[sep + 2]), unescape(fields[4]), unescape(fields[sep + 1])});
  }
  return out;
}

ProcMounts::~ProcMounts() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::vector<ports::MountEntry>> ProcMounts::list() {
  GFSD_TRY(refresh());
  return cache_;
}

Result<bool> ProcMounts::has_mounts_under(const std::string& dir) {
  GFSD_TRY(refresh());
  for (const auto& m : cache_)
    if (ports::mount_is_under(m.target, dir)) return true;
  return false;
}

Result<void> ProcMounts::refresh() {
  if (fd_ < 0) {
    fd_ = ::open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return fail_errno(errno, "/proc/self/mountinfo");
    valid_ = false;
  }
  if (valid_) {
    // The kernel raises POLLPRI|POLLERR once after every change to the table.
    pollfd p{fd_, POLLPRI, 0};
    const int r = ::poll(&p, 1, 0);
    if (r < 0 || (r > 0 && (p.revents & (POLLPRI | POLLERR)) != 0)) valid_ = false;
  }
  if (!valid_) {
    std::string text;
    char buf[16384];
    if (::lseek(fd_, 0, SEEK_SET) < 0) return fail_errno(errno, "/proc/self/mountinfo");
    for (;;) {
      const ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return fail_errno(errno, "/proc/self/mountinfo");
      if (n == 0) break;
      text.append(buf, static_cast<size_t>(n));
    }
    cache_ = parse_mountinfo(text);
    valid_ = true;
  }
  return {};
}

Result<void> ProcMounts::umount(const std::string& target, bool force, bool lazy) {
  const int flags = (force ? MNT_FORCE : 0) | (lazy ? MNT_DETACH : 0);
  if (::umount2(target.c_str(), flags) < 0) {
    const int e = errno;
    // Worded like umount(8)'s message, which the original daemon passes on.
    if (e == EBUSY) return fail_with(e, "umount: " + target + ": target is busy.");
    return fail_with(e, "umount: " + target + ": " + std::strerror(e) + ".");
  }
  valid_ = false;
  return {};
}

}  // namespace gfsd::adapters
