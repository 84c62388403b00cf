#include "domain/luks/luks_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_luks(api::Handlers& h) {
  h.cryptsetup_open = &cryptsetup_open;
  h.cryptsetup_close = &cryptsetup_close;
  h.luks_open = &luks_open;
  h.luks_open_ro = &luks_open_ro;
  h.luks_close = &luks_close;
  h.luks_format = &luks_format;
  h.luks_format_cipher = &luks_format_cipher;
  h.luks_add_key = &luks_add_key;
  h.luks_kill_slot = &luks_kill_slot;
  h.luks_uuid = &luks_uuid;
}

}  // namespace gfsd::domain
