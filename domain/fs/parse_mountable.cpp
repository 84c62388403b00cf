#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

// The library parses mountable strings through the daemon, which already
// split the argument while decoding it.
Result<api::InternalMountable> internal_parse_mountable(Ctx&, const api::Mountable& mountable) {
  return api::InternalMountable{static_cast<int32_t>(mountable.type), mountable.device,
                                mountable.volume};
}

}  // namespace gfsd::domain
