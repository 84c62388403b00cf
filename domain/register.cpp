#include "domain/register.hpp"

namespace gfsd::domain {

void register_all(api::Handlers& h) {
  register_internal(h);
  register_files(h);
  register_mount(h);
}

}  // namespace gfsd::domain
