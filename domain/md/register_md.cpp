#include "domain/md/md_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_md(api::Handlers& h) {
  h.list_md_devices = &list_md_devices;
  h.md_create = &md_create;
  h.md_detail = &md_detail;
  h.md_stat = &md_stat;
  h.md_stop = &md_stop;
}

}  // namespace gfsd::domain
