#include "domain/register.hpp"
#include "domain/system/system_actions.hpp"

namespace gfsd::domain {

void register_system(api::Handlers& h) {
  h.scrub_device = &scrub_device;
  h.scrub_file = &scrub_file;
  h.scrub_freespace = &scrub_freespace;
  h.selinux_relabel = &selinux_relabel;
  h.modprobe = &modprobe;
  h.f2fs_expand = &f2fs_expand;
}

}  // namespace gfsd::domain
