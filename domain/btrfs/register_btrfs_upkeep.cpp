#include "domain/register.hpp"

namespace gfsd::domain {

void register_btrfs_upkeep(api::Handlers& h) {
  (void)h;
}

}  // namespace gfsd::domain
