#include "domain/devices/device_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_devices(api::Handlers& h) {
  h.list_devices = &list_devices;
  h.list_partitions = &list_partitions;
  h.nr_devices = &nr_devices;
  h.list_disk_labels = &list_disk_labels;
  h.part_to_dev = &part_to_dev;
  h.part_to_partnum = &part_to_partnum;
  h.list_ldm_volumes = &list_ldm_volumes;
  h.list_ldm_partitions = &list_ldm_partitions;

  h.blockdev_setro = &blockdev_setro;
  h.blockdev_setrw = &blockdev_setrw;
  h.blockdev_getro = &blockdev_getro;
  h.blockdev_getss = &blockdev_getss;
  h.blockdev_getbsz = &blockdev_getbsz;
  h.blockdev_setbsz = &blockdev_setbsz;
  h.blockdev_getsz = &blockdev_getsz;
  h.blockdev_getsize64 = &blockdev_getsize64;
  h.blockdev_flushbufs = &blockdev_flushbufs;
  h.blockdev_rereadpt = &blockdev_rereadpt;
  h.blockdev_setra = &blockdev_setra;
}

}  // namespace gfsd::domain
