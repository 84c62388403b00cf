// ports::Inotify over the kernel's inotify system calls: the daemon's one
// descriptor, closed when the adapter goes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ports/inotify.hpp"

namespace gfsd::adapters {

class LinuxInotify final : public ports::Inotify {
 public:
  LinuxInotify() = default;
  ~LinuxInotify() override;
  LinuxInotify(const LinuxInotify&) = delete;
  LinuxInotify& operator=(const LinuxInotify&) = delete;

  bool available() override { return true; }
  bool is_open() override { return fd_ >= 0; }
  Result<void> set_max_queued_events(int32_t n) override;
  Result<void> open() override;
  Result<void> close() override;
  Result<int64_t> add_watch(const std::string& host_path, uint32_t mask) override;
  Result<void> rm_watch(int32_t wd) override;
  Result<std::vector<ports::InotifyEvent>> read_queued() override;

 private:
  int fd_ = -1;
  // Bytes read from the descriptor; between reads, [0, held_) is an event not
  // complete yet (the kernel hands out whole events, so in practice none).
  std::vector<char> buffer_;
  size_t held_ = 0;
};

// Decodes the whole events at the start of bytes[0, len) (struct
// inotify_event records, each followed by its padded name) into out, and
// says in consumed how many bytes they took: an incomplete record at the end
// is left for the next read. A name length over PATH_MAX is an error
// ("event->len = <n> > PATH_MAX").
Result<void> decode_inotify_events(const char* bytes, size_t len, size_t& consumed,
                                   std::vector<ports::InotifyEvent>& out);

}  // namespace gfsd::adapters
