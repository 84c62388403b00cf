// Narrow views of the appliance itself: mounts, block devices, logging, clock.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ports/filesystem.hpp"
#include "ports/result.hpp"

namespace gfsd::ports {

struct MountEntry {
  std::string source;
  std::string target;  // as the kernel reports it, escapes decoded
  std::string fstype;
};

// Whether a mount point is dir itself or lies below it (an empty dir: any).
inline bool mount_is_under(const std::string& target, const std::string& dir) {
  if (!dir.empty() && target == dir) return true;
  return target.size() > dir.size() && target.compare(0, dir.size(), dir) == 0 &&
         target[dir.size()] == '/';
}

class Mounts {
 public:
  virtual ~Mounts() = default;
  virtual Result<std::vector<MountEntry>> list() = 0;
  virtual Result<void> umount(const std::string& target, bool force, bool lazy) = 0;
  // Whether anything is mounted at dir or below it: the check every Pathname
  // call makes. This default asks list(); an adapter that can answer without
  // copying its table (so without allocating) overrides it.
  virtual Result<bool> has_mounts_under(const std::string& dir) {
    auto all = list();
    if (!all) return tl::unexpected(all.error());
    for (const auto& m : *all)
      if (mount_is_under(m.target, dir)) return true;
    return false;
  }
};

enum class DeviceKind { Missing, Directory, Block, RootDevice, Other };

class BlockDevices {
 public:
  virtual ~BlockDevices() = default;
  // Whole disks in the order the library added them, the appliance disk left out,
  // as the kernel names them (/dev/sda, /dev/vdb ...). Read once at startup.
  virtual const std::vector<std::string>& disks_in_order() = 0;
  virtual DeviceKind kind(const std::string& path) = 0;
  // Checks that the device can be opened (errno of open(2) on failure).
  virtual Result<void> probe(const std::string& path) = 0;
  virtual Result<std::unique_ptr<File>> open(const std::string& path, OpenFor how) = 0;
  // Size in bytes (BLKGETSIZE64); errors are worded "<path>: <strerror>".
  virtual Result<int64_t> size(const std::string& path) = 0;
  // One pread(2) / pwrite(2) on the device (at an offset past the end they give
  // 0 bytes and ENOSPC, where a seek would fail). Errors name the failing
  // step: "open: <path>: ...", "pread: <path>: ...", "close: <path>: ...".
  virtual Result<std::string> pread(const std::string& path, size_t count, int64_t offset) = 0;
  // The first `count` bytes of a device read around the page cache (O_DIRECT), as
  // lvm reads its labels: what was written through another name of the same blocks
  // (the whole disk, a partition) is seen. Fewer bytes at the end of a device.
  // Errors name the step: "open: <path>: ...", "pread: <path>: ...".
  virtual Result<std::string> read_head_uncached(const std::string& path, size_t count) = 0;
  virtual Result<size_t> pwrite(const std::string& path, const std::string& data,
                                int64_t offset) = 0;
  // BLKDISCARD of length bytes from offset (the device opened for writing);
  // errors "open: <path>: ..." or "ioctl: <path>: BLKDISCARD: ...".
  virtual Result<void> discard(const std::string& path, uint64_t offset, uint64_t length) = 0;
  // BLKDISCARDZEROES: whether discarded blocks read back as zeroes; errors
  // "open: <path>: ..." or "ioctl: <path>: BLKDISCARDZEROES: ...".
  virtual Result<bool> discard_zeroes(const std::string& path) = 0;
  // Waits for udev to finish with the device (or with everything if path is empty).
  virtual void settle(const std::string& path) = 0;
  // Flushes every guest disk's buffers (sync_disks), the appliance disk excepted.
  virtual void flush_all_disks() = 0;
  // Whole disks as they are now (hotplug), in the library's order, without the
  // appliance disk: sd*, hd*, ubd*, vd*, sr* names that can be opened.
  virtual std::vector<std::string> scan_disks() = 0;
  // Names in an appliance directory (/sys/block/sda, /dev/mapper) in readdir
  // order, "." and ".." left out; errors are worded "<path>: <strerror>".
  virtual Result<std::vector<std::string>> list_dir(const std::string& path) = 0;
  // Canonical path of an appliance path, symlinks resolved (realpath(3)).
  virtual Result<std::string> realpath(const std::string& path) = 0;
  // st_rdev of a device node, symlinks followed (stat(2)).
  virtual Result<uint64_t> rdev(const std::string& path) = 0;
  // The directory of the lvm.conf the lvm commands read: $LVM_SYSTEM_DIR, else /etc/lvm.
  virtual std::string lvm_system_dir() = 0;
  // Appliance files (not guest paths): replace the contents (errno of the
  // failing call), remove if present.
  virtual Result<void> write_file(const std::string& path, const std::string& content) = 0;
  virtual void remove_file(const std::string& path) = 0;
};

class Log {
 public:
  virtual ~Log() = default;
  virtual bool verbose() const = 0;
  virtual void debug(const std::string& line) = 0;  // only written when verbose
  virtual void error(const std::string& line) = 0;  // always written
};

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t now_us() = 0;  // monotonic
};

// The Linux kernel command line (/proc/cmdline), so tests can feed their own.
class KernelCmdline {
 public:
  virtual ~KernelCmdline() = default;
  virtual std::string read() = 0;
};

}  // namespace gfsd::ports

namespace gfsd::ports {

// uname(2) of the appliance kernel.
struct KernelIdentity {
  std::string sysname, release, version, machine;
};

// Facts about the appliance that decide which optional features exist.
class HostProbe {
 public:
  virtual ~HostProbe() = default;
  virtual bool program_exists(const std::string& name) = 0;  // on PATH
  virtual bool kernel_has_filesystem(const std::string& fstype) = 0;
  virtual bool path_exists(const std::string& path) = 0;  // appliance path, not guest
  // Errors read "utsname: <strerror>".
  virtual Result<KernelIdentity> uname() = 0;
};

}  // namespace gfsd::ports
