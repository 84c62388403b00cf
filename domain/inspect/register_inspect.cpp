#include "domain/inspect/inspect_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_inspect(api::Handlers& h) {
  h.inspect_os = &inspect_os;
  h.inspect_get_roots = &inspect_get_roots;
  h.inspect_get_type = &inspect_get_type;
  h.inspect_get_distro = &inspect_get_distro;
  h.inspect_get_package_format = &inspect_get_package_format;
  h.inspect_get_package_management = &inspect_get_package_management;
  h.inspect_get_product_name = &inspect_get_product_name;
  h.inspect_get_product_variant = &inspect_get_product_variant;
  h.inspect_get_major_version = &inspect_get_major_version;
  h.inspect_get_minor_version = &inspect_get_minor_version;
  h.inspect_get_arch = &inspect_get_arch;
  h.inspect_get_hostname = &inspect_get_hostname;
  h.inspect_get_format = &inspect_get_format;
  h.inspect_is_live = &inspect_is_live;
  h.inspect_is_netinst = &inspect_is_netinst;
  h.inspect_is_multipart = &inspect_is_multipart;
  h.inspect_get_mountpoints = &inspect_get_mountpoints;
  h.inspect_get_filesystems = &inspect_get_filesystems;
  h.inspect_get_drive_mappings = &inspect_get_drive_mappings;
  h.inspect_get_windows_systemroot = &inspect_get_windows_systemroot;
  h.inspect_get_windows_software_hive = &inspect_get_windows_software_hive;
  h.inspect_get_windows_system_hive = &inspect_get_windows_system_hive;
  h.inspect_get_windows_current_control_set = &inspect_get_windows_current_control_set;
  h.internal_list_rpm_applications = &internal_list_rpm_applications;
}

}  // namespace gfsd::domain
