// One inotify descriptor per daemon (the kernel's inotify API): watches on
// host paths and the events read back. The descriptor and any bytes of an
// event not read yet are the adapter's state, kept between calls.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ports/result.hpp"

namespace gfsd::ports {

// IN_DONT_FOLLOW of the kernel's ABI: a watch on a symlink itself.
inline constexpr uint32_t kInotifyDontFollow = 0x02000000;

struct InotifyEvent {
  int32_t wd = 0;
  uint32_t mask = 0;
  uint32_t cookie = 0;
  std::string name;  // up to the first NUL of the kernel's padded name; "" for none
};

// Errors carry the errno of the failing system call with an empty message,
// except read_queued's (see there).
class Inotify {
 public:
  virtual ~Inotify() = default;
  // Whether the backing library can be loaded (or the kernel facility exists): the
  // feature group is reported unavailable otherwise (domain/internal/features.cpp).
  virtual bool available() = 0;

  // Whether a descriptor is open (made by open(), not closed since).
  virtual bool is_open() = 0;
  // Writes n to the kernel's per-descriptor queue limit
  // (/proc/sys/fs/inotify/max_queued_events): errno of a failed open only;
  // a value the kernel refuses is not reported (the original wrote through
  // stdio and did not check fclose).
  virtual Result<void> set_max_queued_events(int32_t n) = 0;
  // A new non-blocking, close-on-exec descriptor (inotify_init1). Only when
  // none is open.
  virtual Result<void> open() = 0;
  // Closes the descriptor (its watches and unread events go with it). It
  // counts as closed afterwards even when close(2) reported an error.
  virtual Result<void> close() = 0;
  // inotify_add_watch on a host path the caller resolved inside the sysroot.
  virtual Result<int64_t> add_watch(const std::string& host_path, uint32_t mask) = 0;
  virtual Result<void> rm_watch(int32_t wd) = 0;
  // One read(2): the whole events the kernel had queued (all of them, up to
  // 64 MiB, as the original's one read took), in order; empty when nothing is
  // queued. Errors are worded: "read: <strerror>", "unexpected end of file",
  // or "event->len = <n> > PATH_MAX" for a name longer than the kernel allows.
  virtual Result<std::vector<InotifyEvent>> read_queued() = 0;
};

}  // namespace gfsd::ports
