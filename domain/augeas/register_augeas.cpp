#include "domain/augeas/aug_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_augeas(api::Handlers& h) {
  h.aug_init = &aug_init;
  h.aug_close = &aug_close;
  h.aug_load = &aug_load;
  h.aug_save = &aug_save;
  h.aug_transform = &aug_transform;
  h.aug_get = &aug_get;
  h.aug_set = &aug_set;
  h.aug_clear = &aug_clear;
  h.aug_setm = &aug_setm;
  h.aug_insert = &aug_insert;
  h.aug_rm = &aug_rm;
  h.aug_mv = &aug_mv;
  h.aug_label = &aug_label;
  h.aug_match = &aug_match;
  h.aug_ls = &aug_ls;
  h.aug_defvar = &aug_defvar;
  h.aug_defnode = &aug_defnode;
}

}  // namespace gfsd::domain
