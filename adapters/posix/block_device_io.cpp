// Reads, writes and discards on a device at an offset, each one system call on
// a descriptor opened for it (SysfsBlockDevices).
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <memory>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "adapters/posix/sysfs_block_devices.hpp"

namespace gfsd::adapters {

namespace {

// Closes on every path; close() reports its own failure.
class DeviceFd {
 public:
  explicit DeviceFd(int fd) : fd_(fd) {}
  ~DeviceFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  DeviceFd(const DeviceFd&) = delete;
  DeviceFd& operator=(const DeviceFd&) = delete;
  int get() const { return fd_; }
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

}  // namespace

Result<std::string> SysfsBlockDevices::pread(const std::string& path, size_t count,
                                             int64_t offset) {
  DeviceFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return fail_errno(errno, "open: " + path);
  std::string buf(count, '\0');
  ssize_t n;
  do {
    n = ::pread(fd.get(), buf.data(), count, static_cast<off_t>(offset));
  } while (n < 0 && errno == EINTR);
  if (n < 0) return fail_errno(errno, "pread: " + path);
  if (!fd.close()) return fail_errno(errno, "close: " + path);
  buf.resize(static_cast<size_t>(n));
  return buf;
}

Result<std::string> SysfsBlockDevices::read_head_uncached(const std::string& path, size_t count) {
  DeviceFd fd(::open(path.c_str(), O_RDONLY | O_DIRECT | O_CLOEXEC));
  if (fd.get() < 0) return fail_errno(errno, "open: " + path);
  // O_DIRECT wants the buffer, the length and the offset aligned to the logical
  // block size; 4096 covers every block size Linux allows.
  constexpr size_t kAlign = 4096;
  const size_t len = (count + kAlign - 1) / kAlign * kAlign;
  void* mem = nullptr;
  if (::posix_memalign(&mem, kAlign, len) != 0) return fail_errno(ENOMEM, "pread: " + path);
  std::unique_ptr<char, decltype(&std::free)> buf(static_cast<char*>(mem), &std::free);
  ssize_t n;
  do {
    n = ::pread(fd.get(), buf.get(), len, 0);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return fail_errno(errno, "pread: " + path);
  return std::string(buf.get(), std::min(static_cast<size_t>(n), count));
}

Result<size_t> SysfsBlockDevices::pwrite(const std::string& path, const std::string& data,
                                         int64_t offset) {
  DeviceFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
  if (fd.get() < 0) return fail_errno(errno, "open: " + path);
  ssize_t n;
  do {
    n = ::pwrite(fd.get(), data.data(), data.size(), static_cast<off_t>(offset));
  } while (n < 0 && errno == EINTR);
  if (n < 0) return fail_errno(errno, "pwrite: " + path);
  if (!fd.close()) return fail_errno(errno, "close: " + path);
  return static_cast<size_t>(n);
}

Result<void> SysfsBlockDevices::discard(const std::string& path, uint64_t offset,
                                        uint64_t length) {
  DeviceFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
  if (fd.get() < 0) return fail_errno(errno, "open: " + path);
  uint64_t range[2] = {offset, length};
  if (::ioctl(fd.get(), BLKDISCARD, range) < 0)
    return fail_errno(errno, "ioctl: " + path + ": BLKDISCARD");
  return {};
}

Result<bool> SysfsBlockDevices::discard_zeroes(const std::string& path) {
  DeviceFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return fail_errno(errno, "open: " + path);
  unsigned int zeroes = 0;
  if (::ioctl(fd.get(), BLKDISCARDZEROES, &zeroes) < 0)
    return fail_errno(errno, "ioctl: " + path + ": BLKDISCARDZEROES");
  return zeroes != 0;
}

}  // namespace gfsd::adapters
