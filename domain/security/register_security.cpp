#include "domain/register.hpp"
#include "domain/security/security_actions.hpp"

namespace gfsd::domain {

void register_security(api::Handlers& h) {
  h.acl_get_file = &acl_get_file;
  h.acl_set_file = &acl_set_file;
  h.acl_delete_def_file = &acl_delete_def_file;
  h.cap_get_file = &cap_get_file;
  h.cap_set_file = &cap_set_file;
  h.getcon = &getcon;
  h.setcon = &setcon;
}

}  // namespace gfsd::domain
