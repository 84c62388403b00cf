#include "domain/devices/partition_names.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace gfsd::domain {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// "sda" -> "a", "ubda" -> "a": so that sd, vd, hd and ubd disks order together.
std::string without_driver_prefix(const std::string& disk) {
  if (disk.size() >= 2 && disk[1] == 'd') return disk.substr(2);
  if (disk.size() >= 3 && disk[2] == 'd') return disk.substr(3);
  return disk;
}

}  // namespace

Result<DevicePartition> split_device_partition(const std::string& name) {
  std::string dev = name.rfind("/dev/", 0) == 0 ? name.substr(5) : name;
  size_t i = dev.size();
  while (i >= 1 && is_digit(dev[i - 1])) --i;
  DevicePartition out;
  if (i != dev.size()) {
    // The original parsed into a 63-bit integer.
    constexpr int64_t kMax = INT64_MAX / 2;
    int64_t n = 0;
    for (size_t k = i; k < dev.size(); ++k) {
      if (n > (kMax - (dev[k] - '0')) / 10) return fail("int_of_string");
      n = n * 10 + (dev[k] - '0');
    }
    out.part = n;
    dev.resize(i);
  }
  // md0p1: the "p" separating a disk name ending in a digit from the number.
  const size_t n = dev.size();
  if (n >= 2 && dev[n - 1] == 'p' && is_digit(dev[n - 2])) dev.resize(n - 1);
  out.disk = std::move(dev);
  return out;
}

bool device_name_less(const std::string& a, const std::string& b) {
  auto sa = split_device_partition(a);
  auto sb = split_device_partition(b);
  const DevicePartition pa = sa ? *sa : DevicePartition{a, 0};
  const DevicePartition pb = sb ? *sb : DevicePartition{b, 0};
  const std::string da = without_driver_prefix(pa.disk);
  const std::string db = without_driver_prefix(pb.disk);
  if (da.size() != db.size()) return da.size() < db.size();
  if (da != db) return da < db;
  return pa.part < pb.part;
}

void sort_device_names(std::vector<std::string>& names) {
  std::stable_sort(names.begin(), names.end(), device_name_less);
}

}  // namespace gfsd::domain
