#include "domain/register.hpp"
#include "domain/tsk/tsk_actions.hpp"

namespace gfsd::domain {

void register_tsk(api::Handlers& h) {
  h.internal_filesystem_walk = &internal_filesystem_walk;
  h.internal_find_inode = &internal_find_inode;
  h.download_inode = &download_inode;
  h.download_blocks = &download_blocks;
}

}  // namespace gfsd::domain
