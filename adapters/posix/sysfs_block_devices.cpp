#include "adapters/posix/sysfs_block_devices.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <libudev.h>
#include <linux/fs.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <chrono>
#include <thread>
#include <unistd.h>

#include "adapters/posix/fd_file.hpp"

namespace gfsd::adapters {

namespace {

constexpr int kSettleTimeoutMs = 120'000;  // udevadm settle's default

}  // namespace

bool by_path_less(const std::string& a, const std::string& b) {
  return ::strverscmp(a.c_str(), b.c_str()) < 0;
}

SysfsBlockDevices::SysfsBlockDevices(ports::Log& log, std::string by_path)
    : log_(log), by_path_(std::move(by_path)) {
  struct stat st;
  if (::stat("/", &st) == 0) root_dev_ = st.st_dev;
  udev_ = udev_new();
  if (udev_) queue_ = udev_queue_new(udev_);
  disks_ = by_path_disks();
  if (disks_.empty()) log_.debug("guestfsd: no disks found in " + by_path_);
}

std::vector<std::string> SysfsBlockDevices::by_path_disks() {
  std::vector<std::string> disks;
  auto names = list_dir(by_path_);
  if (!names) return disks;
  std::sort(names->begin(), names->end(), by_path_less);
  for (const auto& n : *names) {
    if (n.find("-part") != std::string::npos) continue;
    char real[PATH_MAX];
    if (!::realpath((by_path_ + "/" + n).c_str(), real)) continue;
    struct stat ds;
    if (::stat(real, &ds) == 0 && S_ISBLK(ds.st_mode) && ds.st_rdev == root_dev_) continue;
    disks.emplace_back(real);
  }
  return disks;
}

std::vector<std::string> SysfsBlockDevices::scan_disks() {
  static const char* const kPrefixes[] = {"/dev/sd", "/dev/hd", "/dev/ubd", "/dev/vd", "/dev/sr"};
  std::vector<std::string> out;
  for (auto& dev : by_path_disks()) {
    const bool disk = std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                                  [&](const char* p) { return dev.rfind(p, 0) == 0; });
    // An empty CD-ROM drive cannot be opened: it is not a disk the library added.
    if (!disk || !probe(dev)) continue;
    out.push_back(std::move(dev));
  }
  return out;
}

Result<std::vector<std::string>> SysfsBlockDevices::list_dir(const std::string& path) {
  DIR* d = ::opendir(path.c_str());
  if (!d) return fail_errno(errno, path);
  std::vector<std::string> out;
  errno = 0;
  while (dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
      out.emplace_back(e->d_name);
    errno = 0;
  }
  const int err = errno;
  ::closedir(d);
  if (err != 0) return fail_errno(err, path);
  return out;
}

Result<std::string> SysfsBlockDevices::realpath(const std::string& path) {
  char real[PATH_MAX];
  if (!::realpath(path.c_str(), real)) return fail_errno(errno, path);
  return std::string(real);
}

Result<uint64_t> SysfsBlockDevices::rdev(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) < 0) return fail_errno(errno, path);
  return static_cast<uint64_t>(st.st_rdev);
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

// `udevadm settle` pings udevd before it waits, so that events udevd has not
// queued yet are waited for as well: the partition table re-read that udev's
// inotify watch starts when parted closes the disk, for one. libudev's queue
// check alone returns before that event exists, and the new partition nodes
// then appear only after the action has replied.
int SysfsBlockDevices::start_udevadm_settle() {
  posix_spawn_file_actions_t actions;
  if (::posix_spawn_file_actions_init(&actions) != 0) return -1;
  ::posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  char arg0[] = "udevadm";
  char arg1[] = "settle";
  char* argv[] = {arg0, arg1, nullptr};
  pid_t pid = 0;
  const int r = ::posix_spawnp(&pid, "udevadm", &actions, nullptr, argv, environ);
  ::posix_spawn_file_actions_destroy(&actions);
  return r == 0 ? pid : -1;
}

// False if udevadm could not be run or waited for.
static bool wait_udevadm(int pid, ports::Log& log) {
  if (pid < 0) return false;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return false;
  if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) log.error("guestfsd: udevadm settle failed");
  return true;  // it waited as long as it could
}

bool SysfsBlockDevices::udevadm_settle() { return wait_udevadm(start_udevadm_settle(), log_); }

void SysfsBlockDevices::finish_settle(int pid) {
  if (!wait_udevadm(pid, log_)) settle_queue();
}

std::string SysfsBlockDevices::lvm_system_dir() {
  const char* dir = std::getenv("LVM_SYSTEM_DIR");
  return dir ? dir : "/etc/lvm";
}

Result<void> SysfsBlockDevices::write_file(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return fail_errno(errno, path);
  FdFile file(fd, path);
  GFSD_TRY(file.write(content.data(), content.size()));
  return file.close();
}

void SysfsBlockDevices::remove_file(const std::string& path) { ::unlink(path.c_str()); }

void SysfsBlockDevices::settle(const std::string& path) {
  if (path.empty() && udevadm_settle()) return;
  settle_queue();
}

void SysfsBlockDevices::settle_queue() {
  if (!queue_) return;
  for (int waited = 0; waited < kSettleTimeoutMs; waited += 10) {
    if (udev_queue_get_queue_is_empty(queue_)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  log_.error("guestfsd: udev settle: timed out");
}

void SysfsBlockDevices::flush_all_disks() {
  auto names = list_dir("/sys/block");
  if (!names) return;
  for (const auto& name : *names) {
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
