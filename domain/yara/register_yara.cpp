#include "domain/register.hpp"
#include "domain/yara/yara_actions.hpp"

namespace gfsd::domain {

void register_yara(api::Handlers& h) {
  h.yara_load = yara_load;
  h.yara_destroy = yara_destroy;
  h.internal_yara_scan = internal_yara_scan;
}

}  // namespace gfsd::domain
