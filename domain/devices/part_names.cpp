#include "domain/devices/device_actions.hpp"
#include "domain/devices/partition_names.hpp"

namespace gfsd::domain {

namespace {

Result<DevicePartition> split_partition(const std::string& partition) {
  auto split = split_device_partition(partition);
  if (!split) return forward(split.error());
  if (split->part == 0) return fail("device name is not a partition");
  return split;
}

}  // namespace

Result<std::string> part_to_dev(Ctx&, const std::string& partition) {
  auto split = split_partition(partition);
  if (!split) return forward(split.error());
  return "/dev/" + split->disk;
}

Result<int32_t> part_to_partnum(Ctx&, const std::string& partition) {
  auto split = split_partition(partition);
  if (!split) return forward(split.error());
  return static_cast<int32_t>(split->part);
}

}  // namespace gfsd::domain
