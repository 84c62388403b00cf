#include "domain/filearch/filearch_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_filearch(api::Handlers& h) {
  h.file_architecture = &file_architecture;
  h.initrd_list = &initrd_list;
  h.initrd_cat = &initrd_cat;
  h.zfile = &zfile;
}

}  // namespace gfsd::domain
