// is_whole_device: a whole disk, unlike a partition or a mapped device, has a
// "device" link in its /sys/block directory.
#include "domain/blockio/blockio_actions.hpp"

namespace gfsd::domain {

Result<bool> is_whole_device(Ctx& ctx, const std::string& device) {
  // Device arguments always start with /dev/ (the dispatcher checked it);
  // /dev/VG/LV looks for /sys/block/VG/LV/device, which never exists.
  const std::string name = device.substr(device.rfind("/dev/", 0) == 0 ? 5 : 0);
  return ctx.host.path_exists("/sys/block/" + name + "/device");
}

}  // namespace gfsd::domain
