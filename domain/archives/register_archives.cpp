#include "domain/register.hpp"

namespace gfsd::domain {

void register_archives(api::Handlers& h) {
  (void)h;
}

}  // namespace gfsd::domain
