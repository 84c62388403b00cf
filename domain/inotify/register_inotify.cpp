#include "domain/inotify/inotify_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_inotify(api::Handlers& h) {
  h.inotify_init = &inotify_init;
  h.inotify_close = &inotify_close;
  h.inotify_add_watch = &inotify_add_watch;
  h.inotify_rm_watch = &inotify_rm_watch;
  h.inotify_read = &inotify_read;
  h.inotify_files = &inotify_files;
}

}  // namespace gfsd::domain
