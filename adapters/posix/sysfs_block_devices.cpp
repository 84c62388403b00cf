#include "adapters/posix/sysfs_block_devices.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <libudev.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <chrono>
#include <thread>
#include <unistd.h>

#include "adapters/posix/fd_file.hpp"

namespace gfsd::adapters {

namespace {

constexpr int kSettleTimeoutMs = 120'000;  // udevadm settle's default

std::vector<std::string> list_dir(const std::string& dir) {
  std::vector<std::string> out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    out.emplace_back(e->d_name);
  }
  ::closedir(d);
  return out;
}

}  // namespace

bool by_path_less(const std::string& a, const std::string& b) {
  return ::strverscmp(a.c_str(), b.c_str()) < 0;
}

SysfsBlockDevices::SysfsBlockDevices(ports::Log& log, std::string by_path) : log_(log) {
  struct stat st;
  if (::stat("/", &st) == 0) root_dev_ = st.st_dev;
  udev_ = udev_new();
  if (udev_) queue_ = udev_queue_new(udev_);

  auto names = list_dir(by_path);
  std::sort(names.begin(), names.end(), by_path_less);
  for (const auto& n : names) {
    if (n.find("-part") != std::string::npos) continue;
    char real[PATH_MAX];
    if (!::realpath((by_path + "/" + n).c_str(), real)) continue;
    struct stat ds;
    if (::stat(real, &ds) == 0 && S_ISBLK(ds.st_mode) && ds.st_rdev == root_dev_) continue;
    disks_.emplace_back(real);
  }
  if (names.empty()) log_.debug("guestfsd: no disks found in " + by_path);
}

SysfsBlockDevices::~SysfsBlockDevices() {
  if (queue_) udev_queue_unref(queue_);
  if (udev_) udev_unref(udev_);
}

ports::DeviceKind SysfsBlockDevices::kind(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) < 0) return ports::DeviceKind::Missing;
  if (S_ISDIR(st.st_mode)) return ports::DeviceKind::Directory;
  if (!S_ISBLK(st.st_mode)) return ports::DeviceKind::Other;
  if (st.st_rdev == root_dev_) return ports::DeviceKind::RootDevice;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ports::DeviceKind::Other;
  uint64_t size;
  const bool sized = ::ioctl(fd, BLKGETSIZE64, &size) == 0;
  ::close(fd);
  return sized ? ports::DeviceKind::Block : ports::DeviceKind::Other;
}

Result<void> SysfsBlockDevices::probe(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail_errno(errno, path);
  ::close(fd);
  return {};
}

Result<std::unique_ptr<ports::File>> SysfsBlockDevices::open(const std::string& path,
                                                             ports::OpenFor how) {
  // Devices are never created or truncated.
  const int flags = how == ports::OpenFor::Read ? O_RDONLY | O_CLOEXEC : O_WRONLY | O_CLOEXEC;
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) return fail_errno(errno, path);
  return std::unique_ptr<ports::File>(std::make_unique<FdFile>(fd, path));
}

Result<int64_t> SysfsBlockDevices::size(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail_errno(errno, path);
  uint64_t bytes = 0;
  const int r = ::ioctl(fd, BLKGETSIZE64, &bytes);
  const int err = errno;
  ::close(fd);
  if (r < 0) return fail_errno(err, path);
  return static_cast<int64_t>(bytes);
}

void SysfsBlockDevices::settle(const std::string&) {
  if (!queue_) return;
  for (int waited = 0; waited < kSettleTimeoutMs; waited += 10) {
    if (udev_queue_get_queue_is_empty(queue_)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  log_.error("guestfsd: udev settle: timed out");
}

void SysfsBlockDevices::flush_all_disks() {
  for (const auto& name : list_dir("/sys/block")) {
    static const char* const kPrefixes[] = {"sd", "hd", "ubd", "vd", "sr"};
    const bool disk = std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                                  [&](const char* p) { return name.rfind(p, 0) == 0; });
    if (!disk) continue;
    const std::string dev = "/dev/" + name;
    struct stat st;
    if (::stat(dev.c_str(), &st) == 0 && st.st_rdev == root_dev_) continue;
    const int fd = ::open(dev.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    if (::fsync(fd) < 0) log_.error("guestfsd: fsync: " + dev + ": " + std::strerror(errno));
    ::close(fd);
  }
}

}  // namespace gfsd::adapters
