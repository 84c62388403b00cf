// Device and partition names as the original splits and orders them:
// "/dev/sda12" is disk "sda", partition 12; "/dev/md0p1" is "md0", 1.
#pragma once

#include <string>
#include <vector>

#include "ports/result.hpp"

namespace gfsd::domain {

struct DevicePartition {
  std::string disk;  // without /dev/
  int64_t part = 0;  // 0: a whole device
};

// Fails (as the original did) only when the number does not fit: "int_of_string".
Result<DevicePartition> split_device_partition(const std::string& name);

// sda < sdb < sdz < sdaa, vda sorting with sda, then by partition number.
bool device_name_less(const std::string& a, const std::string& b);
void sort_device_names(std::vector<std::string>& names);

}  // namespace gfsd::domain
