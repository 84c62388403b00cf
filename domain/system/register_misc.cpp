#include "domain/register.hpp"

namespace gfsd::domain {

void register_misc(api::Handlers& h) {
  (void)h;
}

}  // namespace gfsd::domain
