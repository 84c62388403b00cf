// Block devices of the appliance: the library's disk order from
// /dev/disk/by-path, device probes by stat/open/ioctl, and udev settling
// through libudev (no udevadm process per device argument).
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

#include "ports/system.hpp"

struct udev;
struct udev_queue;

namespace gfsd::adapters {

class SysfsBlockDevices final : public ports::BlockDevices {
 public:
  // by_path is normally /dev/disk/by-path; the appliance disk (the device of
  // "/") is left out of every list.
  SysfsBlockDevices(ports::Log& log, std::string by_path = "/dev/disk/by-path");
  ~SysfsBlockDevices() override;
  SysfsBlockDevices(const SysfsBlockDevices&) = delete;
  SysfsBlockDevices& operator=(const SysfsBlockDevices&) = delete;

  const std::vector<std::string>& disks_in_order() override { return disks_; }
  ports::DeviceKind kind(const std::string& path) override;
  Result<void> probe(const std::string& path) override;
  Result<std::unique_ptr<ports::File>> open(const std::string& path, ports::OpenFor how) override;
  Result<int64_t> size(const std::string& path) override;
  // block_device_io.cpp
  Result<std::string> pread(const std::string& path, size_t count, int64_t offset) override;
  Result<std::string> read_head_uncached(const std::string& path, size_t count) override;
  Result<size_t> pwrite(const std::string& path, const std::string& data,
                        int64_t offset) override;
  Result<void> discard(const std::string& path, uint64_t offset, uint64_t length) override;
  Result<bool> discard_zeroes(const std::string& path) override;
  void settle(const std::string& path) override;

  // The start-up settle in two halves, so that the launch word need not wait
  // for it: starts `udevadm settle` (its pid, or -1 if it could not be run)...
  int start_udevadm_settle();
  // ... and waits for it; with -1, waits on the udev queue instead.
  void finish_settle(int pid);
  void flush_all_disks() override;
  std::vector<std::string> scan_disks() override;
  Result<std::vector<std::string>> list_dir(const std::string& path) override;
  Result<std::string> realpath(const std::string& path) override;
  Result<uint64_t> rdev(const std::string& path) override;
  std::string lvm_system_dir() override;
  Result<void> write_file(const std::string& path, const std::string& content) override;
  void remove_file(const std::string& path) override;

 private:
  // Whole disks under by_path_ in natural order, resolved, the appliance disk left out.
  std::vector<std::string> by_path_disks();
  // Runs udevadm settle; false if it could not be run.
  bool udevadm_settle();
  // Waits until udevd's queue is empty (libudev), up to udevadm's timeout.
  void settle_queue();

  ports::Log& log_;
  std::string by_path_;
  dev_t root_dev_ = 0;
  std::vector<std::string> disks_;
  struct udev* udev_ = nullptr;
  struct udev_queue* queue_ = nullptr;
};

// Natural ("version") order of by-path names, as `ls -v` lists them.
bool by_path_less(const std::string& a, const std::string& b);

}  // namespace gfsd::adapters
