#include "domain/command/command_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_command(api::Handlers& h) {
  h.command = &command;
  h.command_lines = &command_lines;
  h.sh = &sh;
  h.sh_lines = &sh_lines;
  h.debug = &debug;
  h.debug_upload = &debug_upload;
  h.internal_upload = &internal_upload;
  h.internal_rhbz914931 = &internal_rhbz914931;
  h.utsname = &utsname;
}

}  // namespace gfsd::domain
