#include "domain/partitions/sfdisk_actions.hpp"
#include "domain/register.hpp"
#include "domain/system/misc_actions.hpp"

namespace gfsd::domain {

void register_misc(api::Handlers& h) {
  h.sfdisk = &sfdisk;
  h.sfdiskM = &sfdiskM;
  h.sfdisk_N = &sfdisk_N;
  h.sfdisk_l = &sfdisk_l;
  h.sfdisk_kernel_geometry = &sfdisk_kernel_geometry;
  h.sfdisk_disk_geometry = &sfdisk_disk_geometry;
  h.df = &df;
  h.df_h = &df_h;
  h.dmesg = &dmesg;
  h.drop_caches = &drop_caches;
  h.sleep = &sleep;
  h.list_9p = &list_9p;
  h.mount_9p = &mount_9p;
  h.ntfscat_i = &ntfscat_i;
}

}  // namespace gfsd::domain
