#include "domain/register.hpp"

namespace gfsd::domain {

void register_btrfs_volumes(api::Handlers& h) {
  (void)h;
}

}  // namespace gfsd::domain
