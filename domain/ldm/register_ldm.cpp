#include "domain/ldm/ldm_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_ldm(api::Handlers& h) {
  h.ldmtool_create_all = &ldmtool_create_all;
  h.ldmtool_remove_all = &ldmtool_remove_all;
  h.ldmtool_scan = &ldmtool_scan;
  h.ldmtool_scan_devices = &ldmtool_scan_devices;
  h.ldmtool_diskgroup_name = &ldmtool_diskgroup_name;
  h.ldmtool_diskgroup_volumes = &ldmtool_diskgroup_volumes;
  h.ldmtool_diskgroup_disks = &ldmtool_diskgroup_disks;
  h.ldmtool_volume_type = &ldmtool_volume_type;
  h.ldmtool_volume_hint = &ldmtool_volume_hint;
  h.ldmtool_volume_partitions = &ldmtool_volume_partitions;
}

}  // namespace gfsd::domain
